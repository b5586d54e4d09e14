// The hot mutations (casting a ballot) served straight from node:http, without the fetch
// Request/Response objects, abort signals and Hono routing that the general /trpc path builds for
// every call: at thousands of ballots a second those cost more than the ballot itself. The call
// runs the same tRPC procedure (same context, input validation, access check and error
// formatting), and answers exactly as the /trpc endpoint does for a single, unbatched call with a
// JSON body. Any other request, a batched call or another content type included, goes the general
// way.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { callTRPCProcedure, getTRPCErrorFromUnknown, TRPCError } from '@trpc/server';
import { appRouter, createContext, resolveLocale, type Context } from '@gongzhi/api';
import {
  clientAddressOf,
  crossSiteRefusal,
  errorAnswer,
  requestScheme,
  type HttpOptions,
} from './answers.ts';
import { isJsonContentType, MAX_BODY_BYTES } from './limits.ts';
import { requestLogLine } from './request-log.ts';
import type { Runtime } from './runtime.ts';

/** Procedures served this way: called often, with small JSON inputs. */
const DIRECT_PROCEDURES = new Set(['ballot.cast']);

const PREFIX = '/trpc/';

/** node:http headers read like fetch Headers (names are lower-case there already). */
function headerReader(req: IncomingMessage): Pick<Headers, 'get'> {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * The body as text, decoded as fetch's `Request.text()` decodes it (a UTF-8 byte-order mark
 * dropped, malformed bytes replaced); or undefined as soon as it is larger than MAX_BODY_BYTES,
 * the rest left unread (the server then closes the connection after the answer: server.ts).
 */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData).pause();
        resolve(undefined);
      }
    };
    req.on('data', onData);
    req.on('end', () => resolve(new TextDecoder().decode(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers?: Headers) {
  const json = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-length', Buffer.byteLength(json));
  const cookies = headers?.getSetCookie();
  if (cookies?.length) res.setHeader('set-cookie', cookies);
  res.end(json);
}

/**
 * A node:http handler for the direct procedures: returns false, having touched nothing, for any
 * other request.
 */
export function createDirectCalls(runtime: Runtime, options: HttpOptions = {}) {
  const trustProxy = options.trustProxy ?? false;
  const { log } = options;

  return function handleDirectCall(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '/';
    if (req.method !== 'POST' || !url.startsWith(PREFIX)) return false;
    const path = url.slice(PREFIX.length);
    if (!DIRECT_PROCEDURES.has(path)) return false;
    // Any other body goes the general way, to be refused there (415).
    if (!isJsonContentType(req.headers['content-type'])) return false;
    const started = performance.now();
    if (log) {
      res.on('finish', () => {
        log(requestLogLine('POST', url, res.statusCode, started));
      });
    }
    void answer(req, res, path).catch((error: unknown) => {
      console.error(`tRPC ${path}:`, error);
      if (res.headersSent) return;
      const internal = errorAnswer(new TRPCError({ code: 'INTERNAL_SERVER_ERROR' }), {
        path,
        ctx: { locale: resolveLocale(headerReader(req)) },
      });
      send(res, internal.status, internal.body);
    });
    return true;
  };

  async function answer(req: IncomingMessage, res: ServerResponse, path: string) {
    const headers = headerReader(req);
    // This server speaks plain http; a trusted proxy in front may have spoken https.
    const refusal = crossSiteRefusal('POST', headers, {
      scheme: requestScheme('http:', headers, trustProxy),
      allowedOrigins: options.allowedOrigins ?? [],
    });
    if (refusal) {
      send(res, refusal.status, refusal.body);
      return;
    }
    const resHeaders = new Headers();
    const clientAddress = clientAddressOf(headers, req.socket.remoteAddress, trustProxy);
    let ctx: Context | undefined;
    let input: unknown;
    try {
      ctx = await createContext(runtime.services, {
        req: { url: `http://${headers.get('host') ?? 'localhost'}${req.url}`, headers },
        resHeaders,
        clientAddress,
      });
      const body = await readBody(req);
      if (body === undefined) {
        throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE' });
      }
      try {
        input = body === '' ? undefined : JSON.parse(body);
      } catch (cause) {
        // As tRPC's fetch adapter reports it (the error formatter words it for people).
        throw new TRPCError({ code: 'BAD_REQUEST', cause });
      }
      const data = await callTRPCProcedure({
        router: appRouter,
        path,
        getRawInput: async () => input,
        ctx,
        type: 'mutation',
        signal: undefined,
        batchIndex: 0,
      });
      send(res, 200, { result: { data } }, resHeaders);
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path}:`, error);
      const answer = errorAnswer(error, { path, input, ctx });
      send(res, answer.status, answer.body, resHeaders);
    }
  }
}
