import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newEvent } from '../src/event.ts';
import type { RecordedEvent } from '../src/port.ts';
import { openSqliteEventStore } from '../src/sqlite/index.ts';
import { eventStoreContract } from './contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-eventstore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newPath = () => join(dir, `events-${++files}.db`);

const childScript = join(import.meta.dirname, 'fixtures', 'append-from-child.ts');
const contractPath = newPath();
eventStoreContract('sqlite', () => openSqliteEventStore({ path: contractPath }));

describe('sqlite adapter', () => {
  const metadata = {
    actor: 'system',
    channel: 'system',
    occurredAt: new Date().toISOString(),
  } as const;

  it("uses WAL and synchronous=FULL by default, NORMAL for durability 'normal'", async () => {
    const full = await openSqliteEventStore({ path: newPath() });
    expect(full.connectionSettings()).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
    await full.close();
    const normal = await openSqliteEventStore({ path: newPath(), durability: 'normal' });
    expect(normal.connectionSettings()).toEqual({ journalMode: 'wal', synchronous: 'NORMAL' });
    await normal.close();
  });

  it('keeps its events across reopening the file', async () => {
    const path = newPath();
    const first = await openSqliteEventStore({ path });
    const { position } = await first.append('s-1', [newEvent('A', { n: 1 }, metadata)]);
    await first.close();
    const second = await openSqliteEventStore({ path });
    expect(await second.headPosition()).toBe(position);
    expect((await second.readStream('s-1'))[0]!.data).toEqual({ n: 1 });
    await second.close();
  });

  it('a live subscription wakes on a commit in the same process, without polling', async () => {
    const path = newPath();
    const follower = await openSqliteEventStore({ path, pollIntervalMs: 3_600_000 });
    const writer = await openSqliteEventStore({ path });
    const subscription = follower.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    const next = iterator.next();
    await writer.append('s-1', [newEvent('Notified', {}, metadata)]);
    expect((await next).value).toMatchObject({ type: 'Notified' });
    await subscription.stop();
    await Promise.all([follower.close(), writer.close()]);
  });

  it('a live subscription sees appends made by another process on the same file', async () => {
    const path = newPath();
    const store = await openSqliteEventStore({ path, pollIntervalMs: 20 });
    await store.append('s-1', [newEvent('Here', {}, metadata)]);
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value.type).toBe('Here');
    const child = spawnSync(process.execPath, ['--import', 'tsx', childScript, path, 'child-1'], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const next = await iterator.next();
    expect(next.value).toMatchObject({ type: 'FromChild', streamName: 'child-1' });
    await subscription.stop();
    expect((await iterator.next()).done).toBe(true);
    await store.close();
  });

  it('writers in 4 processes on one file: a follower sees every event once, in position order', async () => {
    const path = newPath();
    const store = await openSqliteEventStore({ path, pollIntervalMs: 10 });
    const subscription = store.subscribeToAll();
    const followed = (async () => {
      const seen: RecordedEvent[] = [];
      for await (const e of subscription) {
        if (e.type === 'EndOfTest') break;
        seen.push(e);
      }
      return seen;
    })();
    const children = Array.from({ length: 4 }, (_, i) => {
      const child = spawn(process.execPath, ['--import', 'tsx', childScript, path, `p${i}`, '50'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      return new Promise<string>((resolve) =>
        child.on('exit', (code) => resolve(`${code} ${stderr}`)),
      );
    });
    expect(await Promise.all(children)).toEqual(['0 ', '0 ', '0 ', '0 ']);
    await store.append('end', [newEvent('EndOfTest', {}, metadata)]);
    const seen = await followed;
    expect(seen).toHaveLength(200);
    expect(new Set(seen.map((e) => e.id)).size).toBe(200);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]!.position > seen[i - 1]!.position).toBe(true);
    for (let p = 0; p < 4; p++) {
      const revisions = seen.filter((e) => e.streamName === `p${p}`).map((e) => e.revision);
      expect(revisions).toEqual(Array.from({ length: 50 }, (_, i) => BigInt(i)));
    }
    await store.close();
  });
});
