// A route of the public REST (/api/public and the photos): its OpenAPI path, what it answers, and
// its handler. The registry (registry.ts) lists them; http.ts mounts them and openapi.ts documents
// them, so that a new public route is one entry there.
import type { HttpBindings } from '@hono/node-server';
import type { Context as HonoContext } from 'hono';
import type { Runtime } from '../runtime.ts';

export type PublicContext = HonoContext<{ Bindings: Partial<HttpBindings> }>;

export interface PathParam {
  description: string;
  /** An id of the demo data, for readers of the document (and the test that calls every path). */
  example?: string;
}

export interface PublicAnswer {
  contentType: string;
  description: string;
  /** A JSON Schema of the body (OpenAPI 3.1 uses JSON Schema 2020-12); a string by default. */
  schema?: Record<string, unknown>;
}

export interface PublicRoute {
  /** The OpenAPI path, parameters in braces: `/api/public/cycles/{cycleId}/proposals.csv`. */
  path: string;
  /**
   * Hono's path, when it is not the OpenAPI path with `{x}` written `:x` (e.g. a parameter inside
   * a segment, `v{version}.json`, is served as `:file{v[0-9]+\\.json}` and parsed by the handler).
   */
  honoPath?: string;
  operationId: string;
  summary: string;
  tags: string[];
  params: Record<string, PathParam>;
  ok: PublicAnswer;
  /** Other statuses it may answer with, and why. */
  refusals: Record<number, string>;
  handle: (c: PublicContext, runtime: Runtime, edge: PublicEdge) => Promise<Response> | Response;
}

/** What the HTTP edge knows of a request beyond Hono's context. */
export interface PublicEdge {
  /** `scheme://host` as the client sees it (behind a trusted proxy, its forwarded scheme). */
  origin: string;
}

/** The path Hono routes: the route's own, or the OpenAPI path with `:name` for `{name}`. */
export const honoPathOf = (route: PublicRoute) =>
  route.honoPath ?? route.path.replace(/\{(\w+)\}/g, ':$1');

export const CSV = 'text/csv; charset=utf-8';
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Headers of an open-data file: readable from any site, never cached stale. */
export const fileHeaders = (contentType: string, filename: string) => ({
  'content-type': contentType,
  'content-disposition': `inline; filename="${filename}"`,
  'x-content-type-options': 'nosniff',
  'access-control-allow-origin': '*',
  'cache-control': 'no-cache',
});
