// The HTTP face of the API: tRPC at /trpc, GET /healthz, and a cross-site check in front of
// every state-changing request.
import type { HttpBindings } from '@hono/node-server';
import { trpcServer } from '@hono/trpc-server';
import { Hono, type Context as HonoContext } from 'hono';
import { logger } from 'hono/logger';
import { appRouter, createContext, resolveLocale } from '@gongzhi/api';
import { CROSS_SITE_REQUEST_REFUSED, isSameOriginRequest } from '@gongzhi/auth';
import type { Runtime } from './runtime.ts';

export interface HttpOptions {
  /** Where request log lines go; none when omitted (tests). */
  log?: (line: string) => void;
  /** Origins of other front-ends allowed to make state-changing calls (GONGZHI_ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** Take the client address from X-Forwarded-For (behind a reverse proxy; GONGZHI_TRUST_PROXY=1). */
  trustProxy?: boolean;
}

type Env = { Bindings: Partial<HttpBindings> };

function firstForwardedFor(c: HonoContext<Env>): string | null {
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || null;
}

/**
 * The client's address: the socket's, or X-Forwarded-For behind a trusted proxy. A request
 * without a socket came from this process (the web app's server calling `app.fetch`), which
 * forwards its own client's address in X-Forwarded-For.
 */
function clientAddress(c: HonoContext<Env>, trustProxy: boolean): string | null {
  const socketAddress = c.env?.incoming?.socket.remoteAddress;
  if (socketAddress === undefined) return firstForwardedFor(c);
  return (trustProxy && firstForwardedFor(c)) || socketAddress;
}

export function createHttpApp(runtime: Runtime, options: HttpOptions = {}) {
  const app = new Hono<Env>();
  const trustProxy = options.trustProxy ?? false;
  if (options.log) app.use(logger(options.log));

  app.get('/healthz', async (c) =>
    c.json({
      ok: true,
      store: runtime.kind,
      headPosition: await runtime.headPosition(),
      projectedPosition: runtime.runner.position()?.toString() ?? null,
    }),
  );

  app.use('/trpc/*', async (c, next) => {
    const sameOrigin = isSameOriginRequest({
      method: c.req.method,
      origin: c.req.header('origin') ?? null,
      secFetchSite: c.req.header('sec-fetch-site') ?? null,
      host: c.req.header('host') ?? null,
      allowedOrigins: options.allowedOrigins ?? [],
    });
    if (sameOrigin) return next();
    // Shaped like a tRPC error, so that a tRPC client shows the message.
    const message = CROSS_SITE_REQUEST_REFUSED[resolveLocale(c.req.raw.headers)];
    return c.json(
      {
        error: {
          message,
          code: -32003,
          data: { code: 'FORBIDDEN', httpStatus: 403, reason: 'cross_site_request' },
        },
      },
      403,
    );
  });

  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: (opts, c) =>
        createContext(runtime.services, {
          req: opts.req,
          resHeaders: opts.resHeaders,
          clientAddress: clientAddress(c as HonoContext<Env>, trustProxy),
        }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? ''}:`, error);
      },
    }),
  );

  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;
