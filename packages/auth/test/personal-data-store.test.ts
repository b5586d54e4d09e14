import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent } from '@gongzhi/eventstore';
import type { EventMetadata, EventStore, RecordedEvent } from '@gongzhi/eventstore';
import { openPostgresEventStore } from '@gongzhi/eventstore/postgres';
import type { PostgresEventStore } from '@gongzhi/eventstore/postgres';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import type { ReadModelDatabase } from '@gongzhi/projections';
import { openPostgresReadModels } from '@gongzhi/projections/postgres';
import type { PostgresReadModelDatabase } from '@gongzhi/projections/postgres';
import { openSqliteReadModels } from '@gongzhi/projections/sqlite';
import {
  createPersonalDataVault,
  createPhoneDigester,
  ensureAuthTables,
  withPersonalData,
} from '../src/index.ts';
import type { PersonalDataVault } from '../src/index.ts';

const masterKey = randomBytes(32);
const digestPhone = createPhoneDigester(masterKey);
const metadata: EventMetadata = {
  actor: 'system',
  channel: 'online',
  occurredAt: '2025-06-01T02:00:00.000Z',
};

const zhang = {
  name: '张秀英',
  phone: '13812341234',
  idNumber: '320581195001010021',
  address: '虞山街道湖畔社区 3 幢 201 室',
};
const note = '已核对张秀英的房产证';
const plaintexts = [zhang.name, zhang.phone, zhang.idNumber, zhang.address, note];

const registered = (residentId: string, personal: object) =>
  newEvent(
    'ResidentRegistered',
    {
      residentId,
      personal,
      phoneDigest: digestPhone(zhang.phone),
      birthYear: 1950,
      channel: 'online',
    },
    metadata,
  );
const verified = (residentId: string) =>
  newEvent(
    'CommunityTieVerified',
    {
      residentId,
      tieId: 't1',
      communityId: 'hupan',
      streetId: 'yushan',
      verifiedBy: 'worker-1',
      personal: { note },
    },
    metadata,
  );

/** Whether the bytes hold the text, as UTF-8 or as JSON's \\u escapes. */
function holds(bytes: Buffer, text: string): boolean {
  const escaped = text.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return bytes.includes(Buffer.from(text)) || bytes.includes(Buffer.from(escaped));
}

/** The `data` of every event, read back through every read path of the store. */
async function readEverywhere(store: EventStore, stream: string) {
  const fromStream = await store.readStream(stream);
  const fromAll = (await store.readAll()).filter((e) => e.streamName === stream);
  const subscription = store.subscribeToAll({ filter: { streamPrefixes: [stream] } });
  const fromSubscription: RecordedEvent[] = [];
  for await (const event of subscription) {
    fromSubscription.push(event);
    if (fromSubscription.length === fromStream.length) break;
  }
  await subscription.stop();
  return [fromStream, fromAll, fromSubscription].map((events) => events.map((e) => e.data));
}

interface Setup {
  raw: EventStore;
  keys: ReadModelDatabase;
  /** Everything the engine holds that could carry the plaintext, as bytes. */
  scan(): Promise<Buffer>;
  dispose(): Promise<void>;
}

function personalDataSuite(engine: string, open: () => Promise<Setup>) {
  describe(`personal data in events on ${engine}`, () => {
    let setup: Setup;
    let vault: PersonalDataVault;
    let store: EventStore;
    beforeAll(async () => {
      setup = await open();
      await ensureAuthTables(setup.keys);
      vault = createPersonalDataVault(setup.keys, masterKey);
      store = withPersonalData(setup.raw, vault);
    });
    afterAll(() => setup.dispose());

    it('never stores the plaintext, reads it back decrypted, and forgets it', async () => {
      const residentId = `r-${engine}`;
      const stream = `resident-${residentId}`;
      // Neighbours keep their keys, so that the store's pages hold more than one person.
      for (let i = 0; i < 20; i++) {
        await store.append(`resident-n${i}`, [
          registered(`n${i}`, { name: `邻居${i}`, phone: '13900000000' }),
        ]);
      }
      await store.append(stream, [registered(residentId, zhang), verified(residentId)]);

      const stored = await setup.raw.readStream(stream);
      expect(stored.map((e) => Object.keys(e.data as object))).toEqual([
        ['residentId', 'personalSealed', 'phoneDigest', 'birthYear', 'channel'],
        ['residentId', 'tieId', 'communityId', 'streetId', 'verifiedBy', 'personalSealed'],
      ]);
      const before = await setup.scan();
      // The scan sees event data (the phone's digest is plaintext by design)…
      expect(holds(before, digestPhone(zhang.phone))).toBe(true);
      // …and no personal data.
      for (const text of plaintexts) expect(holds(before, text), text).toBe(false);

      for (const data of await readEverywhere(store, stream)) {
        expect(data).toEqual([
          expect.objectContaining({ residentId, personal: zhang, birthYear: 1950 }),
          expect.objectContaining({ tieId: 't1', personal: { note } }),
        ]);
        expect(data[0]).not.toHaveProperty('personalSealed');
      }

      expect(await vault.forget(residentId)).toBe(true);

      for (const data of await readEverywhere(store, stream)) {
        expect(data).toEqual([
          expect.objectContaining({ residentId, personal: null, personalForgotten: true }),
          expect.objectContaining({ tieId: 't1', personal: null, personalForgotten: true }),
        ]);
      }
      const neighbour = await store.readStream('resident-n7');
      expect(neighbour[0]!.data).toMatchObject({ personal: { name: '邻居7' } });
      const after = await setup.scan();
      for (const text of plaintexts) expect(holds(after, text), text).toBe(false);
    });

    it('refuses personal data without a residentId, and writes nothing', async () => {
      const orphan = newEvent('NoteTaken', { personal: { name: '王五' } }, metadata);
      await expect(store.append('orphan-1', [orphan])).rejects.toThrow(/residentId/);
      expect(await setup.raw.readStream('orphan-1')).toEqual([]);
    });

    it('lets a retried append through, although its ciphertext differs', async () => {
      const event = registered('r-retry', { name: '赵六', phone: '13700001111' });
      const first = await store.append('resident-r-retry', [event], { expected: 'no_stream' });
      const again = await store.append('resident-r-retry', [event], { expected: 'no_stream' });
      expect(again).toEqual(first);
      expect(await store.readStream('resident-r-retry')).toHaveLength(1);
    });

    it('leaves events without personal data as they are', async () => {
      const claimed = newEvent(
        'PhoneClaimed',
        { phoneDigest: digestPhone('139 1234 5678'), residentId: 'r9' },
        metadata,
      );
      await store.append('phone-x', [claimed]);
      const [read] = await store.readStream('phone-x');
      expect(read!.data).toEqual(claimed.data);
      expect((await setup.raw.readStream('phone-x'))[0]!.data).toEqual(claimed.data);
    });
  });
}

// The one-machine deployment: events, read models and keys in one SQLite file.
personalDataSuite('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-personal-'));
  const path = join(dir, 'gongzhi.db');
  const raw = await openSqliteEventStore({ path, pollIntervalMs: 20 });
  const keys = await openSqliteReadModels(path);
  return {
    raw,
    keys,
    scan: async () =>
      Buffer.concat([path, `${path}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f))),
    async dispose() {
      await keys.close();
      await raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

personalDataSuite('postgres', async () => {
  const run = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const raw: PostgresEventStore = await openPostgresEventStore({
    url: databaseUrl,
    schema: `personal_events_${run}`,
    pollIntervalMs: 20,
  });
  const keys: PostgresReadModelDatabase = await openPostgresReadModels({
    url: databaseUrl,
    schema: `personal_keys_${run}`,
  });
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  return {
    raw,
    keys,
    async scan() {
      const events = await sql.unsafe(`SELECT data::text AS data FROM ${raw.schema}.events`);
      const keyRows = await sql.unsafe(`SELECT person_id FROM ${keys.schema}.pii_keys`);
      return Buffer.from(JSON.stringify([...events, ...keyRows]));
    },
    async dispose() {
      await sql.end();
      await keys.dropSchemaAndClose();
      await raw.dropSchemaAndClose();
    },
  };
});

describe('phone digests', () => {
  it('are the same for every way of typing one number, and differ per master key', () => {
    const digest = digestPhone('13812341234');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digestPhone('+86 138-1234-1234')).toBe(digest);
    expect(digestPhone('13812341235')).not.toBe(digest);
    expect(createPhoneDigester(randomBytes(32))('13812341234')).not.toBe(digest);
  });

  it('refuse what is not a mainland mobile number', () => {
    expect(() => digestPhone('12812341234')).toThrow(TypeError);
  });
});
