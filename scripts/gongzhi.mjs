#!/usr/bin/env node
// The two-command promise: `npm start` and `npm test` install what is missing, then run.
// Only Node >= 20.19 and npm are assumed; pnpm is fetched through npm when it is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pnpmVersion = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
).packageManager.split('@')[1];

function fail(message) {
  console.error(`\n✗ ${message}\n`);
  process.exit(1);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19))
    fail(`Node ≥ 20.19 is required (this is ${process.versions.node}).`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd: root,
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (result.error) fail(`${cmd} could not run: ${result.error.message}`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm', []];
  return ['npx', ['--yes', `pnpm@${pnpmVersion}`]];
}

const [pnpmBin, pnpmPrefix] = pnpmCommand();
const pnpm = (args, options) => run(pnpmBin, [...pnpmPrefix, ...args], options);

function installIfMissing() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // better-sqlite3 builds from source here; node-gyp needs Node's headers, which Debian ships in /usr.
  const env = existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};
  console.log('→ installing dependencies (first run builds better-sqlite3 from source, ~2 min)');
  pnpm(['install', '--frozen-lockfile'], { env });
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot)
    fail(
      "Browser tests need Debian's Chromium and CJK fonts: run `sudo apt-get install -y chromium fonts-noto-cjk`, then `npm test` again.",
    );
  console.log('→ installing chromium and fonts-noto-cjk (apt-get)');
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'], {
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function ensurePostgres() {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.DATABASE_URL = url;
  const probe = spawnSync(process.execPath, [
    '-e',
    `
    const net = require('node:net'); const u = new URL(process.argv[1]);
    const s = net.connect(Number(u.port || 5432), u.hostname, () => { s.end(); process.exit(0); });
    s.on('error', () => process.exit(1)); setTimeout(() => process.exit(1), 3000);`,
    url,
  ]);
  if (probe.status !== 0)
    fail(
      `PostgreSQL is not reachable at ${url}. Start it (or set DATABASE_URL) — the postgres adapter's contract tests run against a real server.`,
    );
}

process.env.TURBO_TELEMETRY_DISABLED = '1';
// The project's .npmrc silences npm's own banner lines; pnpm and its children keep their warnings.
process.env.npm_config_loglevel = 'warn';
process.env.DO_NOT_TRACK = '1';
checkNode();
const [command = 'start', ...rest] = process.argv.slice(2);
installIfMissing();

switch (command) {
  case 'start':
    pnpm(['turbo', 'run', 'build', '--filter=@gongzhi/web', '--output-logs=errors-only']);
    pnpm(['--filter', '@gongzhi/api-server', 'start', ...rest]);
    break;
  case 'test':
    ensureChromium();
    ensurePostgres();
    // Packages check their own formatting in `lint`; this covers the files at the top.
    pnpm([
      'exec',
      'prettier',
      '--check',
      '*.{json,md,js,cjs,yaml}',
      'scripts',
      'docs',
      'infra',
      '.ci',
    ]);
    // The layer arrows and no import circle (.dependency-cruiser.cjs, docs/architecture.md).
    pnpm(['run', '--silent', 'lint:layers']);
    pnpm(['turbo', 'run', 'lint', 'typecheck', '--output-logs=errors-only', '--concurrency=2']);
    pnpm(['turbo', 'run', 'test', '--concurrency=1']);
    pnpm(['--filter', '@gongzhi/pb', 'test:pabulib']);
    pnpm(['turbo', 'run', 'e2e', '--concurrency=1']);
    break;
  case 'bench':
    ensurePostgres();
    pnpm(['--filter', '@gongzhi/eventstore', 'bench', ...rest]);
    pnpm(['--filter', '@gongzhi/projections', 'bench', ...rest]);
    break;
  case 'rebuild':
    pnpm(['--filter', '@gongzhi/api-server', 'rebuild', ...rest]);
    break;
  // The three-node PostgreSQL cluster (infra/cluster) on this machine; test:cluster fails it over
  // under load. Both install patroni, etcd and haproxy from Debian when run as root.
  case 'cluster':
    pnpm(['--silent', '--filter', '@gongzhi/api-server', 'cluster', ...rest]);
    break;
  case 'test:cluster':
    pnpm(['--filter', '@gongzhi/api-server', 'test:cluster', ...rest]);
    break;
  // SQLite: an online copy while the server runs, and putting one back; a new key wrapping the
  // personal-data keys, with the server stopped (docs/operations.md).
  case 'backup':
  case 'restore':
  case 'rotate-key':
    pnpm(['--silent', '--filter', '@gongzhi/api-server', command, ...rest]);
    break;
  case 'test:pabulib':
    pnpm(['--filter', '@gongzhi/pb', 'test:pabulib', ...rest]);
    break;
  case 'pb':
    pnpm(['--silent', '--filter', '@gongzhi/pb', 'pb', ...rest]);
    break;
  case 'bench:pb':
    pnpm(['--filter', '@gongzhi/pb', 'bench', ...rest]);
    break;
  case 'bench:ballots':
    pnpm(['--filter', '@gongzhi/api-server', 'bench:ballots', ...rest]);
    break;
  // A Changshu-size city (1.7 M residents, about 9 M events) and its measurements (issue 17).
  case 'generate:changshu':
  case 'measure:changshu':
    if (command === 'measure:changshu') pnpm(['--filter', '@gongzhi/web', 'build']);
    pnpm(['--filter', '@gongzhi/api-server', command, ...rest]);
    break;
  default:
    fail(`unknown command ${command}`);
}
