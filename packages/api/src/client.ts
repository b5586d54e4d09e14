// The typed client for apps/web (and tests): plain JSON over tRPC's HTTP links, no transformer.
// Positions and revisions travel as decimal strings.
import { createTRPCClient, httpBatchLink, httpLink, TRPCClientError } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root.ts';
import type { FieldError } from './input.ts';
import { AS_OF_HEADER } from './as-of-header.ts';

export type { AppRouter } from './root.ts';
export type { FieldError } from './input.ts';
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** The /trpc endpoint, e.g. http://127.0.0.1:3000/trpc. */
  url: string;
  /** Defaults to the global fetch; the web server passes the API's in-process fetch. */
  fetch?: Fetch;
  /** Sent with every request: cookie, x-gongzhi-locale, x-forwarded-for, origin, … */
  headers?:
    Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Sees each response's headers, e.g. to pass Set-Cookie (sign-in, sign-out) on to the browser. */
  onResponseHeaders?: (headers: Headers) => void;
  /** One HTTP request per call instead of batching calls made together; default false. */
  unbatched?: boolean;
  /**
   * Reads the public record as it stood at the end of this day (YYYY-MM-DD, China time): public
   * queries only, commands are refused (docs/time-travel.md).
   */
  asOf?: string;
}

export function createApiClient(options: ApiClientOptions) {
  const baseFetch: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const onHeaders = options.onResponseHeaders;
  const fetch: Fetch = onHeaders
    ? async (input, init) => {
        const response = await baseFetch(input, init);
        onHeaders(response.headers);
        return response;
      }
    : baseFetch;
  const { asOf } = options;
  const given = options.headers ?? {};
  const headers =
    asOf === undefined
      ? given
      : async () => ({
          ...(typeof given === 'function' ? await given() : given),
          [AS_OF_HEADER]: asOf,
        });
  const linkOptions = { url: options.url, fetch, headers };
  return createTRPCClient<AppRouter>({
    links: [options.unbatched ? httpLink(linkOptions) : httpBatchLink(linkOptions)],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type ApiError = TRPCClientError<AppRouter>;

export function isApiError(error: unknown): error is ApiError {
  return error instanceof TRPCClientError;
}

/** Field problems of a 400 for malformed input, for showing next to form fields. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return isApiError(error) ? (error.data?.fieldErrors ?? []) : [];
}
