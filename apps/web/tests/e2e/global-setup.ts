// Seeds the demo data once into a template data directory (a first start of the server, then a
// clean stop), which every test file copies for a server of its own (see file-server.ts): files
// pass in any order, and one file's writes cannot break another's.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertChromiumInstalled } from './chromium.ts';
import { startServer, webDir } from './server.ts';

export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  if (!existsSync(join(webDir, 'build', 'handler.js'))) {
    throw new Error('apps/web/build is missing: run `pnpm --filter @gongzhi/web build` first.');
  }
  const templateDir = mkdtempSync(join(tmpdir(), 'gongzhi-e2e-template-'));
  try {
    const server = await startServer(templateDir);
    await server.stop();
  } catch (error) {
    rmSync(templateDir, { recursive: true, force: true });
    throw error;
  }
  rmSync(join(templateDir, 'server.log'), { force: true });
  project.provide('templateDir', templateDir);
  return () => rmSync(templateDir, { recursive: true, force: true });
}
