// What one request may be, on every way in: how large its body is.
// Both Hono's /trpc endpoint (http.ts) and the direct path (direct-calls.ts) hold requests to it.

/**
 * Far above any input of a procedure (a paper batch of 500 sheets is the largest; photos have
 * their own route): a larger body is refused, on the direct path and on /trpc.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
