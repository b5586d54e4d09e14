// `npm run backup` while the server writes, then `npm run restore` into another data folder (the
// scripts as an operator runs them, src/backup.ts): the restored data is the store as it stood at
// one commit, with its read models, and a server opens on it and serves the demo sign-in.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent } from '@gongzhi/eventstore';
import { afterAll, expect, it } from 'vitest';
import { openRuntime } from '../src/runtime.ts';

const root = mkdtempSync(join(tmpdir(), 'gongzhi-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const script = (command: 'backup' | 'restore', file: string, dataDir: string) => {
  const { GONGZHI_MASTER_KEY: _key, GONGZHI_STORE: _store, ...env } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/backup.ts', command, file], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...env, GONGZHI_DATA: dataDir },
    encoding: 'utf8',
  });
};

it(
  'backs up the SQLite data while it is written to, and restores it',
  { timeout: 120_000 },
  async () => {
    const source = join(root, 'source');
    const runtime = await openRuntime({ store: 'sqlite', dataDir: source, seed: true });
    const backupFile = join(root, 'copy.sqlite');
    let written = 0;
    let backingUp = true;
    try {
      // Appends keep going in this process while the script copies the file from another.
      const writing = (async () => {
        while (backingUp) {
          await runtime.store.append(`backup-test-${written}`, [
            newEvent(
              'BackupTestNoted',
              { n: written },
              { actor: 'test', channel: 'system', occurredAt: new Date().toISOString() },
            ),
          ]);
          written++;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const backup = script('backup', backupFile, source);
      backingUp = false;
      await writing;
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/back up .*master\.key too/);
      const copiedHead = BigInt(/last event in the copy: (\d+)/.exec(backup.stdout)![1]!);
      expect(written).toBeGreaterThan(0);
      expect(copiedHead).toBeLessThanOrEqual((await runtime.store.headPosition())!);
    } finally {
      await runtime.close();
    }

    const target = join(root, 'target');
    // Without the master key the restore refuses: the data would be unreadable.
    const refused = script('restore', backupFile, target);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/No master key/);
    expect(existsSync(join(target, 'gongzhi.sqlite'))).toBe(false);

    mkdirSync(target);
    copyFileSync(join(source, 'master.key'), join(target, 'master.key'));
    const restoredOnce = script('restore', backupFile, target);
    expect(restoredOnce.status, restoredOnce.stderr).toBe(0);
    // Restoring again keeps the file it replaces beside it.
    const restored = script('restore', backupFile, target);
    expect(restored.status, restored.stderr).toBe(0);
    expect(readdirSync(target).some((f) => f.includes('.before-restore-'))).toBe(true);

    const reopened = await openRuntime({ store: 'sqlite', dataDir: target, seed: false });
    try {
      const copiedHead = BigInt(/last event (\d+)/.exec(restored.stdout)![1]!);
      expect(await reopened.store.headPosition()).toBe(copiedHead);
      // Every event up to the copy's last, in order, and the read models at it.
      const events = await reopened.store.readAll();
      expect(events.map((e) => e.position)).toEqual(
        [...events.keys()].map((i) => events[0]!.position + BigInt(i)),
      );
      await reopened.runner.waitForPosition(copiedHead, 10_000);
      // Personal data still opens with the restored key.
      const registered = events.find((e) => e.type === 'ResidentRegistered');
      expect((registered?.data as { personal?: { name?: unknown } }).personal?.name).toEqual(
        expect.any(String),
      );
    } finally {
      await reopened.close();
    }
  },
);
