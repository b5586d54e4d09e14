// What one request may be, on every way in: the size of its head and body, and its body's type.
// Hono's /trpc endpoint (http.ts), the direct path (direct-calls.ts) and the server itself
// (server.ts) hold requests to it, and word their refusals alike.
import { TRPCError } from '@trpc/server';
import { ApiRefusal, type Locale } from '@gongzhi/api';
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
