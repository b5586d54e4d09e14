// What both ways into a procedure share: the server's options and the answers they say the same,
// Hono's /trpc endpoint (http.ts) and the direct path for hot procedures (direct-calls.ts). Each
// answer is shaped as tRPC's HTTP endpoint shapes an error, so that a tRPC client shows its
// message.
import { getErrorShape, type TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { appRouter, resolveLocale, type Context } from '@gongzhi/api';
import { CROSS_SITE_REQUEST_REFUSED, isSameOriginRequest } from '@gongzhi/auth';

type RequestHeaders = Pick<Headers, 'get'>;

export interface HttpOptions {
  /** Where request log lines go; none when omitted (tests). */
  log?: (line: string) => void;
  /** Origins of other front-ends allowed to make state-changing calls (GONGZHI_ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** Take the client address from X-Forwarded-For (behind a reverse proxy; GONGZHI_TRUST_PROXY=1). */
  trustProxy?: boolean;
}

/** A refusal as tRPC's HTTP endpoint answers it: status and `{ error: shape }`. */
export function errorAnswer(
  error: TRPCError,
  call: { path: string; input?: unknown; ctx: Pick<Context, 'locale'> | undefined },
) {
  const shape = getErrorShape({
    config: appRouter._def._config,
    error,
    type: 'mutation',
    path: call.path,
    input: call.input,
    // The error formatter reads only the caller's language off the context.
    ctx: call.ctx as Context | undefined,
  });
  return { status: getHTTPStatusCodeFromError(error), body: { error: shape } };
}

/**
 * The scheme the request reached us by: the request URL's (http from a socket of this plain-http
 * server; the browser-facing one for the web app's in-process calls), or X-Forwarded-Proto when
 * a trusted proxy in front terminates TLS.
 */
export function requestScheme(url: string, headers: RequestHeaders, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
    : undefined;
  return forwarded || url.slice(0, url.indexOf(':')).toLowerCase();
}

/** The 403 for a state-changing request another site sent, or undefined when it may go on. */
export function crossSiteRefusal(
  method: string,
  headers: RequestHeaders,
  request: { scheme: string; allowedOrigins: readonly string[] },
) {
  const sameOrigin = isSameOriginRequest({
    method,
    origin: headers.get('origin'),
    secFetchSite: headers.get('sec-fetch-site'),
    host: headers.get('host'),
    scheme: request.scheme,
    allowedOrigins: request.allowedOrigins,
  });
  if (sameOrigin) return undefined;
  return {
    status: 403 as const,
    body: {
      error: {
        message: CROSS_SITE_REQUEST_REFUSED[resolveLocale(headers)],
        code: -32003,
        data: { code: 'FORBIDDEN', httpStatus: 403, reason: 'cross_site_request' },
      },
    },
  };
}

/**
 * The client's address: the socket's, or X-Forwarded-For behind a trusted proxy. A request
 * without a socket came from this process (the web app's server calling `app.fetch`), which
 * forwards its own client's address in X-Forwarded-For.
 */
export function clientAddressOf(
  headers: RequestHeaders,
  socketAddress: string | undefined,
  trustProxy: boolean,
): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null;
  if (socketAddress === undefined) return forwarded;
  return (trustProxy && forwarded) || socketAddress;
}
