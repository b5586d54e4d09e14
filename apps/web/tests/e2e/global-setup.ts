// Starts the one-process server (apps/api's main, which serves the built web app too) on a free
// port with a throw-away data directory, waits for /healthz, and stops it after the run.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { assertChromiumInstalled } from './chromium.ts';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const apiDir = join(webDir, '..', 'api');
const apiMain = join(apiDir, 'src', 'main.ts');
const startupLimitMs = 60_000;

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

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 5_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  if (!existsSync(join(webDir, 'build', 'handler.js'))) {
    throw new Error('apps/web/build is missing: run `pnpm --filter @gongzhi/web build` first.');
  }

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-e2e-'));
  const baseURL = `http://127.0.0.1:${port}`;
  // The server's console, where the development code sender prints one-time codes: tests read
  // them there, as a developer would.
  const serverLog = join(dataDir, 'server.log');
  let output = '';
  // apps/api runs its source with its own tsx, as `npm start` does.
  const server = spawn(join(apiDir, 'node_modules', '.bin', 'tsx'), [apiMain], {
    cwd: apiDir,
    env: {
      ...process.env,
      PORT: String(port),
      GONGZHI_DATA: dataDir,
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    appendFileSync(serverLog, chunk);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);

  try {
    await waitForHealth(`${baseURL}/healthz`, server, () => output);
  } catch (error) {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseURL', baseURL);
  project.provide('serverLog', serverLog);

  return async () => {
    await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
