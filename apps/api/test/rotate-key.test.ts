// `npm run rotate-key` as an operator runs it (src/rotate-key.ts), with the server stopped: every
// person's data key is wrapped again by a new key, personal data opens as before, the replaced
// key is kept beside it, and an unfinished rotation stops the server from starting until it is
// run again.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openRuntime } from '../src/runtime.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-rotate-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const rotate = () => {
  const { GONGZHI_MASTER_KEY: _key, GONGZHI_STORE: _store, ...env } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/rotate-key.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...env, GONGZHI_DATA: dataDir },
    encoding: 'utf8',
  });
};

/** The names the residents registered with, as the store decrypts them. */
async function residentNames(): Promise<unknown[]> {
  const runtime = await openRuntime({ store: 'sqlite', dataDir, seed: false });
  try {
    return (await runtime.store.readAll())
      .filter((event) => event.type === 'ResidentRegistered')
      .map((event) => (event.data as { personal?: { name?: unknown } }).personal?.name);
  } finally {
    await runtime.close();
  }
}

it(
  'rotates the key wrapping personal-data keys, twice, and finishes an interrupted rotation',
  {
    timeout: 180_000,
  },
  async () => {
    await (await openRuntime({ store: 'sqlite', dataDir, seed: true })).close();
    const names = await residentNames();
    expect(names.length).toBeGreaterThan(3);
    expect(names.every((name) => typeof name === 'string')).toBe(true);

    const first = rotate();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/wrapped \d+ data keys with key w[0-9a-f]{12}/);
    expect(existsSync(join(dataDir, 'wrapping.key'))).toBe(true);
    expect(existsSync(join(dataDir, 'wrapping.key.next'))).toBe(false);
    expect(await residentNames()).toEqual(names);

    const second = rotate();
    expect(second.status, second.stderr).toBe(0);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('wrapping.key.retired-'))).toHaveLength(
      1,
    );
    expect(await residentNames()).toEqual(names);

    // A rotation cut off after writing its next key: the server refuses to start, saying what to do.
    writeFileSync(join(dataDir, 'wrapping.key.next'), `${randomBytes(32).toString('base64')}\n`, {
      mode: 0o600,
    });
    await expect(residentNames()).rejects.toThrow(/rotate-key/);
    const finished = rotate();
    expect(finished.status, finished.stderr).toBe(0);
    expect(await residentNames()).toEqual(names);
  },
);
