// The HTTP face of the API: tRPC at /trpc, GET /healthz, photo upload at /api/photos, the public
// REST (open data, bulletins, photos; open-data/registry.ts), server-sent events for live pages at
// /live (live.ts), and a cross-site check in front of every state-changing request.
import type { HttpBindings } from '@hono/node-server';
import { trpcServer } from '@hono/trpc-server';
import { TRPCError } from '@trpc/server';
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  appRouter,
  createContext,
  NO_PHOTO,
  photoTooLarge,
  resolveLocale,
  type Locale,
} from '@gongzhi/api';
import { photoRules, type LocalizedText } from '@gongzhi/domain';
import {
  clientAddressOf,
  crossSiteRefusal,
  errorAnswer,
  requestScheme,
  type HttpOptions,
} from './answers.ts';
import { batchPaths, batchRefusal, isJsonContentType, MAX_BODY_BYTES, notJson } from './limits.ts';
import { serveLive } from './live.ts';
import { publicRoutes } from './open-data/registry.ts';
import { honoPathOf } from './open-data/route.ts';
import { requestLogLine } from './request-log.ts';
import type { Runtime } from './runtime.ts';

type Env = { Bindings: Partial<HttpBindings> };

export function createHttpApp(runtime: Runtime, options: HttpOptions = {}) {
  const app = new Hono<Env>();
  const trustProxy = options.trustProxy ?? false;
  const { log } = options;
  if (log) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      log(requestLogLine(c.req.method, c.req.path, c.res.status, started));
    });
  }

  app.get('/healthz', async (c) =>
    c.json({
      ok: true,
      store: runtime.kind,
      headPosition: await runtime.headPosition(),
      projectedPosition: runtime.runner.position()?.toString() ?? null,
    }),
  );

  const sameOriginOnly: MiddlewareHandler<Env> = async (c, next) => {
    const headers = c.req.raw.headers;
    const refusal = crossSiteRefusal(c.req.method, headers, {
      scheme: requestScheme(c.req.url, headers, trustProxy),
      allowedOrigins: options.allowedOrigins ?? [],
    });
    return refusal ? c.json(refusal.body, refusal.status) : next();
  };
  /** A refusal of a /trpc request before tRPC reads it, worded and shaped as tRPC's own. */
  const trpcRefusal = (c: HonoContext<Env>, error: TRPCError, locale: Locale) => {
    const path = c.req.path.slice('/trpc/'.length);
    const answer = errorAnswer(error, { path, ctx: { locale } });
    return c.json(answer.body, answer.status as ContentfulStatusCode);
  };
  app.use('/trpc/*', sameOriginOnly);
  // A batch is counted and costed before any of its calls runs.
  app.use('/trpc/*', async (c, next) => {
    const paths = batchPaths(new URL(c.req.url));
    if (!paths) return next();
    const locale = resolveLocale(c.req.raw.headers);
    const refusal = batchRefusal(paths, locale);
    return refusal ? trpcRefusal(c, refusal, locale) : next();
  });
  // Only JSON bodies: tRPC's own 415 would be worded in English only, and its form-data and
  // octet-stream inputs are not used by any procedure.
  app.use('/trpc/*', async (c, next) => {
    const { method } = c.req;
    if (method === 'GET' || method === 'HEAD' || isJsonContentType(c.req.header('content-type'))) {
      return next();
    }
    const locale = resolveLocale(c.req.raw.headers);
    return trpcRefusal(c, notJson(locale), locale);
  });
  app.use(
    '/trpc/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        trpcRefusal(
          c,
          new TRPCError({ code: 'PAYLOAD_TOO_LARGE' }),
          resolveLocale(c.req.raw.headers),
        ),
    }),
  );
  app.use('/api/photos', sameOriginOnly);

  /** A refusal of the photo routes, shaped like the API's other errors. */
  const photoRefusal = (
    c: HonoContext<Env>,
    status: 400 | 401 | 404,
    reason: string,
    text: LocalizedText,
  ) => {
    const message = text[resolveLocale(c.req.raw.headers)];
    return c.json(
      { error: { message, data: { reason, fieldErrors: [{ path: 'file', message }] } } },
      status,
    );
  };

  /**
   * Uploads one photo (multipart/form-data, field `file`) for a proposal or a site survey:
   * signed in only; type judged by the file's first bytes, size by photoRules. Answers 201
   * `{ photoId, type, size, url }`, or 400 saying in the caller's language why the file was
   * refused. The body is cut off just above the largest photo a form can carry.
   */
  app.post(
    '/api/photos',
    bodyLimit({
      maxSize: photoRules.maxBytes + 64 * 1024,
      onError: (c) => photoRefusal(c, 400, 'photo_too_large', photoTooLarge()),
    }),
    async (c) => {
      const ctx = await createContext(runtime.services, {
        req: c.req.raw,
        resHeaders: new Headers(),
      });
      if (!ctx.account) return photoRefusal(c, 401, 'sign_in_required', SIGN_IN_FIRST);
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = body.file;
      if (!(file instanceof File)) {
        return photoRefusal(c, 400, 'photo_missing', NO_PHOTO);
      }
      const saved = await runtime.photos.save(
        { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) },
        ctx.account.accountId,
        runtime.services.now?.() ?? new Date(),
      );
      if (!saved.ok) return photoRefusal(c, 400, saved.reason, saved.text);
      const { fileId, type, size } = saved.photo;
      return c.json({ photoId: fileId, type, size, url: `/api/photos/${fileId}` }, 201);
    },
  );

  // The public REST: open data, its index and OpenAPI document, bulletins, photos (open-data/).
  for (const route of publicRoutes) {
    app.get(honoPathOf(route), (c) =>
      route.handle(c, runtime, {
        origin: `${requestScheme(c.req.url, c.req.raw.headers, trustProxy)}://${c.req.header('host') ?? new URL(c.req.url).host}`,
      }),
    );
  }

  // Live pages: server-sent events when a topic's streams change (live.ts).
  serveLive(app, runtime.runner);

  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: (opts, c) =>
        createContext(runtime.services, {
          req: opts.req,
          resHeaders: opts.resHeaders,
          clientAddress: clientAddressOf(
            opts.req.headers,
            (c as HonoContext<Env>).env?.incoming?.socket.remoteAddress,
            trustProxy,
          ),
        }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? ''}:`, error);
      },
    }),
  );

  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;

const SIGN_IN_FIRST: LocalizedText = {
  'zh-CN': '请先登录再上传照片。',
  en: 'Please sign in before uploading photos.',
};
