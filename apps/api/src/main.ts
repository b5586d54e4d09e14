// `npm start`: the API, the projection runner and (when built) the web app in one process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDirectCalls } from './direct-calls.ts';
import { createHttpApp } from './http.ts';
import { guardPostgresClient } from './postgres-client-guard.ts';
import { requestLog } from './request-log.ts';
import { openRuntime, repoRoot, runtimeOptionsFromEnv } from './runtime.ts';
import { startServer, type NodeHandler } from './server.ts';

const API_FETCH = Symbol.for('gongzhi.apiFetch');

async function loadWebHandler(): Promise<NodeHandler | undefined> {
  const path = process.env.GONGZHI_WEB_BUILD ?? join(repoRoot, 'apps/web/build/handler.js');
  if (!existsSync(path)) return undefined;
  // adapter-node reads these when handler.js is imported: without them it assumes https and
  // refuses every form post on plain http as cross-site (see server.ts).
  process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
  // Forms post up to six photos of 10 MB each (multipart, so they work without JavaScript);
  // adapter-node's default limit is 512 KB.
  process.env.BODY_SIZE_LIMIT ??= '64M';
  const module = (await import(pathToFileURL(path).href)) as { handler: NodeHandler };
  return module.handler;
}

guardPostgresClient();
const runtime = await openRuntime(runtimeOptionsFromEnv());
const trustProxy = process.env.GONGZHI_TRUST_PROXY === '1';
const httpOptions = {
  log: requestLog(process.stdout),
  allowedOrigins: (process.env.GONGZHI_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
  trustProxy,
};
const app = createHttpApp(runtime, httpOptions);
// The web app's server-side tRPC client calls this in-process when it is present.
(globalThis as Record<symbol, unknown>)[API_FETCH] = app.fetch;

const web = await loadWebHandler();
const server = await startServer({
  app,
  web,
  direct: createDirectCalls(runtime, httpOptions),
  trustProxy,
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? '127.0.0.1',
});

const lines = [
  '',
  `  共治 Gongzhi is running at ${server.url}`,
  `  store: ${runtime.kind} (${runtime.location})`,
  web
    ? '  web app: served from apps/web/build'
    : '  web app: not built — API only (/trpc, /healthz)',
];
if (runtime.masterKey.source === 'new-file') {
  lines.push(
    '',
    `  新的主密钥已生成 A new master key was generated: ${runtime.masterKey.path}`,
    '  请备份此文件：丢失它，所有居民个人信息将无法解密。',
    '  Back this file up: without it, no resident’s personal data can be decrypted.',
  );
}
if (runtime.demoAccounts.length > 0) {
  const loginWidth = Math.max(...runtime.demoAccounts.map((a) => a.loginName.length));
  const passwordWidth = Math.max(...runtime.demoAccounts.map((a) => a.password.length));
  lines.push('', '  演示账号 Demo accounts (login / password):');
  for (const account of runtime.demoAccounts) {
    lines.push(
      `    ${account.loginName.padEnd(loginWidth)}  ${account.password.padEnd(passwordWidth)}  ${account.description['zh-CN']} · ${account.description.en}`,
    );
  }
}
console.log([...lines, ''].join('\n'));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n  ${signal}: stopping…`);
  await server.close();
  await runtime.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
