// What one request may be, on every way in: the size of its head and body, its body's type, and
// the number and cost of its calls. Hono's /trpc endpoint (http.ts), the direct path
// (direct-calls.ts) and the server itself (server.ts) hold requests to it, and word their
// refusals alike.
import { TRPCError } from '@trpc/server';
import {
  ApiRefusal,
  appRouter,
  REQUEST_COST_LIMIT,
  type Locale,
  type ProcedureMeta,
} from '@gongzhi/api';
import type { LocalizedText } from '@gongzhi/domain';

/**
 * Far above any input of a procedure (a paper batch of 500 sheets is the largest; photos have
 * their own route): a larger body is refused, on the direct path and on /trpc.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The request line and headers together (node:http's default, named here so that the server
 * states it): a query's input travels in the URL, so this bounds the input of a GET.
 */
export const MAX_HEAD_BYTES = 16 * 1024;

/** The most calls one request may carry (`/trpc/a,b,c?batch=1`). */
export const MAX_BATCH_CALLS = 10;

/** Whether a body is JSON as tRPC judges it: the media type before any parameter, in any case. */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json';
}

const NOT_JSON: LocalizedText = {
  'zh-CN': '请求内容须为 JSON（Content-Type: application/json）。',
  en: 'The request body must be JSON (Content-Type: application/json).',
};

const UNREADABLE: LocalizedText = {
  'zh-CN': '请求不是有效的 HTTP 请求，服务器无法读取。',
  en: 'The request is not valid HTTP; the server could not read it.',
};

const TOO_SLOW: LocalizedText = {
  'zh-CN': '请求发送得太慢，服务器已停止等待。',
  en: 'The request took too long to arrive; the server stopped waiting for it.',
};

export const notJson = (locale: Locale) =>
  new ApiRefusal('UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type', NOT_JSON, locale);

/** A request line and headers over MAX_HEAD_BYTES: as a body over MAX_BODY_BYTES is answered. */
export const headTooLarge = () => new TRPCError({ code: 'PAYLOAD_TOO_LARGE' });

/** What node:http could not parse as a request. */
export const unreadable = (locale: Locale) =>
  new ApiRefusal('BAD_REQUEST', 'malformed_request', UNREADABLE, locale);

/** A request that did not arrive in node:http's time limits. */
export const tooSlow = (locale: Locale) =>
  new ApiRefusal('TIMEOUT', 'request_timeout', TOO_SLOW, locale);

/** Every procedure by its path (`ballot.result`), as tRPC's router keeps them. */
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { meta?: ProcedureMeta } }
>;

/** A call's cost: its procedure's declared cost; 1 when it declares none or there is none. */
function costOf(path: string): number {
  return (Object.hasOwn(procedures, path) && procedures[path]?._def.meta?.cost) || 1;
}

/**
 * The calls of a batched request (`/trpc/a,b,c?batch=1`) as tRPC reads them: the path after the
 * endpoint, percent-decoded, split at commas; undefined for a single call.
 */
export function batchPaths(url: URL): string[] | undefined {
  if (url.searchParams.get('batch') !== '1') return undefined;
  const path = url.pathname.replace(/^\/trpc\/?/, '').replace(/\/+$/, '');
  try {
    return decodeURIComponent(path).split(',');
  } catch {
    return path.split(','); // tRPC refuses the malformed escape itself (400)
  }
}

/**
 * The refusal of a batch of calls (their paths as tRPC reads them from the URL) that is longer
 * than MAX_BATCH_CALLS or costs more than REQUEST_COST_LIMIT; undefined when it may run.
 */
export function batchRefusal(paths: readonly string[], locale: Locale): TRPCError | undefined {
  if (paths.length > MAX_BATCH_CALLS) {
    return new ApiRefusal('BAD_REQUEST', 'too_many_calls', tooManyCalls(paths.length), locale);
  }
  const cost = paths.reduce((sum, path) => sum + costOf(path), 0);
  if (cost > REQUEST_COST_LIMIT) {
    return new ApiRefusal('BAD_REQUEST', 'calls_too_costly', tooCostly(cost), locale);
  }
  return undefined;
}

const tooManyCalls = (count: number): LocalizedText => ({
  'zh-CN': `一次请求最多包含 ${MAX_BATCH_CALLS} 个调用，这次有 ${count} 个；请分几次发送。`,
  en: `One request may carry at most ${MAX_BATCH_CALLS} calls, not ${count}; send them in several requests.`,
});

const tooCostly = (cost: number): LocalizedText => ({
  'zh-CN': `这些调用合计的工作量为 ${cost}，超过一次请求的上限 ${REQUEST_COST_LIMIT}（重新计票独占一次请求，选票公示占半次，其余调用各计 1）；请分几次发送。`,
  en: `These calls cost ${cost} together, more than the ${REQUEST_COST_LIMIT} one request may (a recount takes a whole request, a ballot bulletin half of one, any other call 1); send them in several requests.`,
});
