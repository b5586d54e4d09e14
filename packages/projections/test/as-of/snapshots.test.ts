// Read models as of an instant: built from the events dated before it (in log order, more than a
// page of them), kept and reused, and built again when an event they should hold arrives later.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent, type EventStore } from '@gongzhi/eventstore';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsOfSnapshots, logAsOf } from '../../src/as-of/index.ts';
import { countingProjection } from '../fixtures/counting-projection.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongzhi-as-of-'));
const dated = (n: number, day: string, type = 'Counted') =>
  newEvent(type, { n }, { actor: 'system', channel: 'system', occurredAt: `${day}T01:00:00.000Z` });
const total = async (store: EventStore, until: string) =>
  (await logAsOf(store, { until: new Date(until), alwaysIncluded: new Set() }).readAll()).length;

describe('read models as of an instant', () => {
  let store: EventStore;
  beforeAll(async () => {
    store = await openSqliteEventStore({ path: join(dir, 'log.db') });
    // 1,500 events on 1 May, then one stream backdated to 1 March written after them.
    await store.append(
      'a-1',
      Array.from({ length: 1_500 }, (_, i) => dated(i, '2026-05-01')),
    );
    await store.append('b-1', [dated(1, '2026-03-01'), dated(2, '2026-06-01')]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the events dated before the instant, in full pages, whatever their position', async () => {
    expect(await total(store, '2026-04-01T00:00:00Z')).toBe(1);
    expect(await total(store, '2026-05-02T00:00:00Z')).toBe(1_501);
    const view = logAsOf(store, {
      until: new Date('2026-05-02T00:00:00Z'),
      alwaysIncluded: new Set(),
    });
    expect(await view.readAll({ maxCount: 1_000 })).toHaveLength(1_000);
    expect((await view.readStream('b-1')).map((e) => e.revision)).toEqual([0n]);
    await expect(view.append('c-1', [dated(1, '2026-01-01')])).rejects.toThrow('read-only');
  });

  it('builds a snapshot once, and again when an event dated before it arrives', async () => {
    const snapshots = createAsOfSnapshots({ store, projections: [countingProjection()] });
    const until = new Date('2026-05-02T00:00:00Z');
    const first = await snapshots.at(until);
    const count = async () =>
      (await first.readModels.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM event_log'))!.n;
    expect(await count()).toBe(1_501);
    expect(await snapshots.at(until)).toBe(first);
    await store.append('c-1', [dated(1, '2026-07-01')]);
    expect(await snapshots.at(until)).toBe(first);
    await store.append('c-2', [dated(1, '2026-04-15')]);
    const again = await snapshots.at(until);
    expect(again).not.toBe(first);
    expect(again.events).toBe(1_502);
    await snapshots.close();
  });
});
