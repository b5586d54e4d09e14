// One node:http server for the whole site: the hot procedures to direct-calls.ts, the API's other
// paths to Hono, every other path to the SvelteKit Node handler when there is one.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { HttpApp } from './http.ts';

/** A Node request handler as adapter-node's handler.js exports it (Polka style). */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: () => void,
) => void | Promise<void>;

const API_PATH = /^\/(trpc|healthz|api)(\/|\?|$)/;

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
  const server = createServer((req, res) => {
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
