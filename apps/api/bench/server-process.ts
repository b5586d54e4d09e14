// The real server (src/main.ts, as `npm start` runs it) in a child process on an existing data
// folder: the ballot benchmark drives it from another process, so that load generator and server
// do not share an event loop, and the crash test SIGKILLs it. The data is prepared beforehand in
// this process (openRuntime on the same folder, then closed): the child finds the master key and
// the sessions there, and starts with GONGZHI_SEED=0.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const STARTUP_LIMIT_MS = 60_000;

export interface ServerProcess {
  child: ChildProcess;
  /** e.g. http://127.0.0.1:43121 */
  url: string;
  /** The last lines the server printed. */
  output(): string;
  /** Ends the process with `signal` and resolves once it has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function startServerProcess(options: {
  dataDir: string;
  /** Flags for node itself, e.g. ['--cpu-prof', '--cpu-prof-dir=…']. */
  nodeArgs?: readonly string[];
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', join(apiDir, 'src', 'main.ts')],
    {
      cwd: apiDir,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        GONGZHI_DATA: options.dataDir,
        GONGZHI_SEED: '0',
        GONGZHI_WEB_BUILD: join(options.dataDir, 'no-web-build'),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  try {
    const url = await waitForStart(child, () => output);
    return { child, url, output: () => output, kill };
  } catch (error) {
    await kill('SIGKILL');
    throw error;
  }
}

async function waitForStart(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    const url = /running at (http:\/\/\S+)/.exec(output())?.[1];
    if (url) {
      const health = await fetch(`${url}/healthz`).catch(() => undefined);
      if (health?.ok) return url;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not start within ${STARTUP_LIMIT_MS} ms:\n${output()}`);
}
