// One node:http server for the whole site: the hot procedures to direct-calls.ts, the API's other
// paths to Hono, every other path to the SvelteKit Node handler when there is one.
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { TRPCError } from '@trpc/server';
import { resolveLocale, type Locale } from '@gongzhi/api';
import { errorAnswer } from './answers.ts';
import type { HttpApp } from './http.ts';
import { headTooLarge, MAX_HEAD_BYTES, tooSlow, unreadable } from './limits.ts';

/** A Node request handler as adapter-node's handler.js exports it (Polka style). */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: () => void,
) => void | Promise<void>;

const API_PATH = /^\/(trpc|healthz|api|live)(\/|\?|$)/;

export interface StartedServer {
  server: Server;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: {
  app: HttpApp;
  port: number;
  host: string;
  web?: NodeHandler;
  /** Serves the hot procedures straight from node:http (direct-calls.ts); false for the rest. */
  direct?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Behind a reverse proxy that sets X-Forwarded-Proto itself (GONGZHI_TRUST_PROXY=1). */
  trustProxy?: boolean;
}): Promise<StartedServer> {
  const api = getRequestListener(options.app.fetch);
  const { web } = options;
  const server = createServer({ maxHeaderSize: MAX_HEAD_BYTES }, (req, res) => {
    closeIfBodyUnread(req, res);
    if (options.direct?.(req, res)) return;
    if (!web || API_PATH.test(req.url ?? '/')) {
      void api(req, res);
      return;
    }
    // SvelteKit's CSRF check compares the form's Origin with the URL it believes it serves;
    // main.ts points adapter-node at X-Forwarded-Proto, which this plain-http server states
    // itself unless a trusted proxy in front already did.
    if (!options.trustProxy) req.headers['x-forwarded-proto'] = 'http';
    void web(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * A response begun before its request's body has all arrived says `Connection: close`, and
 * node:http closes the connection after it: the unread rest of the body cannot be told from a
 * next request. (A body that has arrived but was not read is discarded by node:http, and the
 * connection is kept.) Every way of answering starts its response with writeHead.
 */
function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse) {
  if (req.complete) return;
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!req.complete) this.setHeader('connection', 'close');
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

type ClientError = Error & { code?: string; rawPacket?: Buffer };

/**
 * What node:http could not take as a request (its line and headers over MAX_HEAD_BYTES, bytes
 * that are not HTTP, too slow to arrive) is answered in tRPC's error shape, as every other
 * refusal, instead of node's empty 431 or 400; then the connection is closed.
 */
function answerClientError(error: ClientError, socket: Socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const locale = localeOfPacket(error.rawPacket);
  const refusal: TRPCError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? headTooLarge()
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? tooSlow(locale)
        : unreadable(locale);
  const { status, body } = errorAnswer(refusal, { path: '', ctx: { locale } });
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'content-type: application/json\r\n' +
      `content-length: ${Buffer.byteLength(json)}\r\n` +
      'connection: close\r\n\r\n' +
      json,
  );
  socket.destroySoon();
}

/**
 * The caller's language from the headers in the bytes node:http was parsing when it gave up:
 * all of them when the head came in one piece, else the default language.
 */
function localeOfPacket(packet: Buffer | undefined): Locale {
  const headers = new Map<string, string>();
  for (const line of (packet?.toString('latin1') ?? '').split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return resolveLocale({ get: (name) => headers.get(name.toLowerCase()) ?? null });
}
