// A three-node PostgreSQL cluster on one machine, from the templates in infra/cluster: one etcd,
// three Patroni nodes (three data folders, three ports, synchronous replication) and HAProxy in
// front routing to the leader by Patroni's REST health check. `npm run cluster -- start|stop`
// and `npm run test:cluster` use it. Everything lives under one folder (`dir`), with the pids in
// `cluster.json`, so that `stop` finds the processes of a `start` run by another command.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const infraDir = join(dirname(fileURLToPath(import.meta.url)), '../../../infra/cluster');
const NODES = ['pg1', 'pg2', 'pg3'] as const;
export type NodeName = (typeof NODES)[number];

export interface ClusterPorts {
  /** HAProxy: the leader's PostgreSQL. */
  primary: number;
  stats: number;
  etcdClient: number;
  etcdPeer: number;
  postgres: Record<NodeName, number>;
  rest: Record<NodeName, number>;
}

export function clusterPorts(base: number): ClusterPorts {
  const per = (offset: number) =>
    Object.fromEntries(NODES.map((n, i) => [n, base + offset + i])) as Record<NodeName, number>;
  return {
    primary: base,
    stats: base + 1,
    etcdClient: base + 2,
    etcdPeer: base + 3,
    postgres: per(11),
    rest: per(21),
  };
}

interface State {
  dir: string;
  base: number;
  password: string;
  pids: Record<string, number>;
}

const isRoot = () => process.getuid?.() === 0;

function fail(message: string): never {
  throw new Error(message);
}

/** Installs patroni, etcd and haproxy from Debian when they are missing (as root), else says how. */
export function ensureClusterPackages(): void {
  const missing = ['patroni', 'etcd', 'haproxy'].filter(
    (bin) => spawnSync('sh', ['-c', `command -v ${bin} || test -x /usr/sbin/${bin}`]).status !== 0,
  );
  const python = spawnSync('/usr/bin/python3', ['-c', 'import etcd']).status === 0;
  if (missing.length === 0 && python) return;
  const packages = 'patroni python3-etcd etcd-server haproxy';
  if (!isRoot()) {
    fail(
      `The cluster needs Debian's ${packages}: run \`sudo apt-get install -y ${packages}\`, then try again.`,
    );
  }
  console.log(`→ installing ${packages} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update'],
    ['install', '-y', '--no-install-recommends', ...packages.split(' ')],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed`);
  }
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) fail(`No PostgreSQL server binaries under ${root}`);
  return join(root, versions[0]!, 'bin');
}

/** PostgreSQL refuses to run as root: as root, Patroni (and so PostgreSQL) runs as `postgres`. */
function runAs(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
  if (spawnSync('id', ['postgres']).status !== 0)
    fail('As root the cluster runs as the user postgres, which does not exist');
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Runs a PostgreSQL tool (a name in the server's bin folder, or a script's path) as the user
 * that owns the cluster's data: `postgres` when this process is root. Throws on failure.
 */
export function runPostgresTool(tool: string, args: string[], env: Record<string, string> = {}) {
  const command = tool.includes('/') ? tool : join(postgresBinDir(), tool);
  const user = runAs();
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env, PG_BIN: postgresBinDir() },
    ...user,
  });
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  }
  return result.stdout;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{([A-Z_]+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) fail(`No value for \${${key}} in a cluster template`);
    return value;
  });
}

function startProcess(
  dir: string,
  name: string,
  command: string,
  args: string[],
  user?: { uid: number; gid: number },
): number {
  const log = openSync(join(dir, `${name}.log`), 'a');
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', log, log],
    cwd: dir,
    env: { ...process.env, HOME: dir, PATH: `${process.env.PATH}:/usr/sbin` },
    ...user,
  });
  closeSync(log);
  child.unref();
  if (child.pid === undefined) fail(`${command} could not start`);
  return child.pid;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) fail(`${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

export interface ClusterMember {
  name: string;
  role: string;
  state: string;
  lag?: number | string;
}

export interface PostgresCluster {
  dir: string;
  ports: ClusterPorts;
  /** Through HAProxy, to whichever node leads. */
  url: string;
  /** Members as Patroni sees them (GET /cluster on any node that answers). */
  members(): Promise<ClusterMember[]>;
  /** The running leader; with `not`, waits for a leader other than that node. */
  leader(not?: NodeName): Promise<NodeName>;
  /** Resolves once a leader serves through HAProxy and a synchronous standby follows it. */
  ready(timeoutMs?: number): Promise<void>;
  /**
   * Loses the node as a machine is lost: SIGKILL to its Patroni and to every process of its
   * PostgreSQL (the postmaster and its backends).
   */
  killNode(node: NodeName): Promise<void>;
  /** Starts the node's Patroni again; it rejoins (pg_rewind) as a standby. */
  startNode(node: NodeName): void;
  stop(): Promise<void>;
}

function nodeConfig(state: State, node: NodeName): string {
  const ports = clusterPorts(state.base);
  const dataDir = join(state.dir, node);
  return fill(readFileSync(join(infraDir, 'patroni.yml.template'), 'utf8'), {
    SCOPE: 'gongzhi',
    NAME: node,
    HOST: '127.0.0.1',
    LISTEN_HOST: '127.0.0.1',
    REST_PORT: String(ports.rest[node]),
    ETCD_HOSTS: `127.0.0.1:${ports.etcdClient}`,
    ARCHIVE_COMMAND: `test ! -f ${state.dir}/wal-archive/%f && cp %p ${state.dir}/wal-archive/%f`,
    REPLICATION_USER: 'replicator',
    CLIENT_NETWORK: '127.0.0.1/32',
    AUTH_METHOD: 'scram-sha-256',
    PG_PORT: String(ports.postgres[node]),
    DATA_DIR: dataDir,
    BIN_DIR: postgresBinDir(),
    PGPASS: join(state.dir, `${node}.pgpass`),
    SUPERUSER_PASSWORD: state.password,
    REPLICATION_PASSWORD: state.password,
    SOCKET_DIR: state.dir,
  });
}

function haproxyConfig(state: State): string {
  const ports = clusterPorts(state.base);
  return fill(readFileSync(join(infraDir, 'haproxy.cfg.template'), 'utf8'), {
    HAPROXY_HOST: '127.0.0.1',
    HAPROXY_PORT: String(ports.primary),
    STATS_PORT: String(ports.stats),
    SERVERS: NODES.map(
      (n) => `  server ${n} 127.0.0.1:${ports.postgres[n]} maxconn 400 check port ${ports.rest[n]}`,
    ).join('\n'),
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

function clusterOf(state: State): PostgresCluster {
  const ports = clusterPorts(state.base);
  const user = runAs();
  const save = () => writeFileSync(join(state.dir, 'cluster.json'), JSON.stringify(state, null, 2));
  const startPatroni = (node: NodeName) => {
    state.pids[node] = startProcess(
      state.dir,
      node,
      'patroni',
      [join(state.dir, `${node}.yml`)],
      user,
    );
    save();
  };
  const members = async (): Promise<ClusterMember[]> => {
    for (const node of NODES) {
      const answer = await fetch(`http://127.0.0.1:${ports.rest[node]}/cluster`, {
        signal: AbortSignal.timeout(1_000),
      }).catch(() => undefined);
      if (answer?.ok) return ((await answer.json()) as { members: ClusterMember[] }).members;
    }
    return [];
  };
  return {
    dir: state.dir,
    ports,
    url: `postgres://postgres:${state.password}@127.0.0.1:${ports.primary}/postgres`,
    members,
    async leader(not) {
      return until(not ? `a leader other than ${not}` : 'a leader', 60_000, async () => {
        const leader = (await members()).find(
          (m) => m.role === 'leader' && m.state === 'running' && m.name !== not,
        );
        return leader?.name as NodeName | undefined;
      });
    },
    async ready(timeoutMs = 120_000) {
      await until('a leader with a synchronous standby', timeoutMs, async () => {
        const all = await members();
        const ok =
          all.some((m) => m.role === 'leader' && m.state === 'running') &&
          all.some((m) => m.role === 'sync_standby' && ['running', 'streaming'].includes(m.state));
        return ok || undefined;
      });
      await until('HAProxy to the leader', timeoutMs, async () => {
        const stats = await fetch(`http://127.0.0.1:${ports.stats}/;csv`).then((r) => r.text());
        return (
          stats.split('\n').some((l) => l.startsWith('primary,pg') && l.includes(',UP,')) ||
          undefined
        );
      });
    },
    async killNode(node) {
      const postmaster = Number(
        readFileSync(join(state.dir, node, 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      const victims = [state.pids[node]!, postmaster, ...childrenOf(postmaster)];
      for (const pid of victims) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await until(`node ${node} to die`, 10_000, async () =>
        victims.some(alive) ? undefined : true,
      );
    },
    startNode: startPatroni,
    async stop() {
      const order = ['haproxy', ...NODES, 'etcd'];
      for (const name of order) {
        const pid = state.pids[name];
        if (pid === undefined || !alive(pid)) continue;
        process.kill(pid, 'SIGTERM');
        // Patroni stops PostgreSQL (fast shutdown) before it exits.
        const stopped = await until(`${name} to stop`, 30_000, async () =>
          alive(pid) ? undefined : true,
        ).catch(() => false);
        if (!stopped) process.kill(pid, 'SIGKILL');
      }
    },
  };
}

function childrenOf(pid: number): number[] {
  const out = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
}

/** Starts etcd, three Patroni nodes and HAProxy under `dir` and waits until the cluster serves. */
export async function startCluster(options: {
  dir: string;
  basePort: number;
}): Promise<PostgresCluster> {
  ensureClusterPackages();
  const { dir, basePort } = options;
  const ports = clusterPorts(basePort);
  for (const port of [ports.primary, ports.etcdClient, ...Object.values(ports.postgres)]) {
    if (await portOpen(port))
      fail(`Port ${port} is taken: is a cluster already running? (npm run cluster -- stop)`);
  }
  mkdirSync(join(dir, 'wal-archive'), { recursive: true, mode: 0o700 });
  const state: State = { dir, base: basePort, password: randomBytes(12).toString('hex'), pids: {} };
  const user = runAs();
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(join(dir, 'wal-archive'), user.uid, user.gid);
    if (spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-w', dir]).status !== 0) {
      fail(
        `The user postgres cannot reach ${dir}: every folder above it must let others in (chmod o+x)`,
      );
    }
  }
  state.pids.etcd = startProcess(dir, 'etcd', 'etcd', [
    '--name',
    'etcd1',
    '--data-dir',
    join(dir, 'etcd'),
    '--listen-client-urls',
    `http://127.0.0.1:${ports.etcdClient}`,
    '--advertise-client-urls',
    `http://127.0.0.1:${ports.etcdClient}`,
    '--listen-peer-urls',
    `http://127.0.0.1:${ports.etcdPeer}`,
    '--initial-advertise-peer-urls',
    `http://127.0.0.1:${ports.etcdPeer}`,
    '--initial-cluster',
    `etcd1=http://127.0.0.1:${ports.etcdPeer}`,
  ]);
  const cluster = clusterOf(state);
  await until(
    'etcd',
    30_000,
    async () => (await fetch(`http://127.0.0.1:${ports.etcdClient}/health`)).ok || undefined,
  );
  for (const node of NODES) {
    writeFileSync(join(dir, `${node}.yml`), nodeConfig(state, node), { mode: 0o600 });
    if (user) chownSync(join(dir, `${node}.yml`), user.uid, user.gid);
  }
  // The first node bootstraps alone, so that the others clone it instead of racing for it.
  cluster.startNode('pg1');
  await cluster.leader();
  cluster.startNode('pg2');
  cluster.startNode('pg3');
  writeFileSync(join(dir, 'haproxy.cfg'), haproxyConfig(state));
  state.pids.haproxy = startProcess(dir, 'haproxy', 'haproxy', [
    '-db',
    '-f',
    join(dir, 'haproxy.cfg'),
  ]);
  writeFileSync(join(dir, 'cluster.json'), JSON.stringify(state, null, 2), { mode: 0o600 });
  await cluster.ready();
  return cluster;
}

/** The cluster a `start` left running under `dir`. */
export function openCluster(dir: string): PostgresCluster {
  const file = join(dir, 'cluster.json');
  if (!existsSync(file)) fail(`No cluster under ${dir} (no cluster.json)`);
  return clusterOf(JSON.parse(readFileSync(file, 'utf8')) as State);
}
