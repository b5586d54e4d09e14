// Runs before each test file: a server of the file's own on a fresh copy of the seeded demo
// data, stopped after the file. helpers.ts reads where it listens.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { startServer } from './server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-e2e-'));
cpSync(inject('templateDir'), dataDir, { recursive: true });
const server = await startServer(dataDir);
// The first render of a page loads its code: do it once here, so a journey's first step does not
// pay for it within its own time limit.
for (const path of ['/', '/login', '/register', '/login/staff']) await fetch(server.baseURL + path);
(globalThis as Record<symbol, unknown>)[Symbol.for('gongzhi.e2eServer')] = server;

afterAll(async () => {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});
