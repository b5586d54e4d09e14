// Starting and stopping the one-process server (apps/api's main, which serves the built web app
// too) on a free port with a data directory of its own, for the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const apiDir = join(webDir, '..', 'api');
const apiMain = join(apiDir, 'src', 'main.ts');
const startupLimitMs = 90_000;

export interface RunningServer {
  baseURL: string;
  /** The server's stdout and stderr, as a file (the development code sender prints there). */
  log: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + startupLimitMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The server exited with code ${server.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer ${url} within ${startupLimitMs} ms:\n${output()}`);
}

/** Stops gracefully (SIGTERM: the store closes and checkpoints), then forcibly after 10 s. */
function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

/**
 * Starts the server on `dataDir` (seeding demo data there on first start) and waits for
 * /healthz. The log goes to `server.log` in the data directory.
 */
export async function startServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const log = join(dataDir, 'server.log');
  let output = '';
  // apps/api runs its source with its own tsx, as `npm start` does.
  const server = spawn(join(apiDir, 'node_modules', '.bin', 'tsx'), [apiMain], {
    cwd: apiDir,
    env: { ...process.env, PORT: String(port), GONGZHI_DATA: dataDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    appendFileSync(log, chunk);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  try {
    await waitForHealth(`${baseURL}/healthz`, server, () => output);
  } catch (error) {
    await stop(server);
    throw error;
  }
  return { baseURL, log, stop: () => stop(server) };
}
