// The resident read model under the runner, on SQLite and PostgreSQL. Events are appended with
// `personal` in plaintext, as the runner reads them through @gongzhi/auth's withPersonalData
// (which this package cannot import; auth's own tests cover the encryption). On SQLite the
// read-model file is then scanned for what a purge must have removed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { EligibilityRule, ResidentEvent } from '@gongzhi/domain';
import { newEvent } from '@gongzhi/eventstore';
import type { EventMetadata, EventStore } from '@gongzhi/eventstore';
import { openSqliteEventStore } from '@gongzhi/eventstore/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresReadModels } from '../../src/postgres/index.ts';
import { rebuildProjection } from '../../src/rebuild.ts';
import {
  enableSecureDelete,
  listProxiesGranted,
  listProxiesReceived,
  listResidentTies,
  listVerificationQueue,
  readResident,
  readResidentLogin,
  residentEligibility,
  residentProjection,
  searchResidents,
  truncateWriteAheadLog,
} from '../../src/resident/index.ts';
import { startProjectionRunner } from '../../src/runner.ts';
import type { ProjectionRunner } from '../../src/runner.ts';
import { openSqliteReadModels } from '../../src/sqlite/index.ts';
import type { ReadModelDatabase } from '../../src/types.ts';

const digest = (n: number) => n.toString(16).padStart(64, '0');
const passwordHash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const zhang = { name: '张秀英', phone: '13812341234', address: '湖畔社区 3 幢 201 室' };
const li = { name: '李明', phone: '13900005678' };
const note = '已核对张秀英的房产证';
const metadata: EventMetadata = {
  actor: 'system',
  channel: 'online',
  occurredAt: '2025-06-01T02:00:00Z',
};
const rule: EligibilityRule = {
  communityId: 'hupan',
  tieKinds: ['lives', 'works'],
  minAge: 16,
  on: '2025-06-10',
};

interface Harness {
  store: EventStore;
  db: ReadModelDatabase;
  /** The read-model file and its log, SQLite only. */
  fileBytes?: () => Buffer;
  openEmpty(): Promise<ReadModelDatabase>;
  close(): Promise<void>;
}

function residentReadModelSuite(engine: string, open: () => Promise<Harness>) {
  describe(`resident read model on ${engine}`, () => {
    let h: Harness;
    let runner: ProjectionRunner;
    const revisions = new Map<string, bigint>();

    /** Appends a resident's events (as the command handler would) and waits for the runner. */
    async function record(...events: ResidentEvent[]) {
      for (const event of events) {
        const stream = `resident-${event.data.residentId}`;
        const expected = revisions.get(stream) ?? 'no_stream';
        const result = await h.store.append(stream, [newEvent(event.type, event.data, metadata)], {
          expected,
        });
        revisions.set(stream, result.nextExpectedRevision);
        await runner.waitForPosition(result.position);
      }
    }

    beforeAll(async () => {
      h = await open();
      await enableSecureDelete(h.db);
      runner = await startProjectionRunner({
        store: h.store,
        db: h.db,
        projections: [residentProjection],
      });
      await record(
        {
          type: 'ResidentRegistered',
          data: {
            residentId: 'zhang',
            personal: zhang,
            phoneDigest: digest(1),
            birthYear: 1950,
            passwordHash,
            channel: 'online',
          },
        },
        {
          type: 'ResidentRegistered',
          data: {
            residentId: 'li',
            personal: li,
            phoneDigest: digest(2),
            birthYear: 2010,
            channel: 'offline',
            consent: { recordedBy: 'worker-1', form: 'paper', at: '2025-06-01T02:00:00Z' },
          },
        },
      );
      for (const [residentId, tieId, communityId, kind] of [
        ['zhang', 't1', 'hupan', 'lives'],
        ['zhang', 't2', 'binhu', 'works'],
        ['li', 't1', 'hupan', 'studies'],
        ['li', 't2', 'hupan', 'lives'],
      ] as const) {
        await record({
          type: 'CommunityTieDeclared',
          data: { residentId, tieId, communityId, streetId: 'yushan', kind },
        });
      }
    });
    afterAll(async () => {
      await runner.stop();
      await h.close();
    });

    it('keeps a display name and the masked phone, and finds the login by phone digest', async () => {
      expect(await readResident(h.db, 'zhang')).toMatchObject({
        name: '张秀英',
        phoneMasked: '138****1234',
        birthYear: 1950,
        phoneConfirmed: false,
        hasPassword: true,
        channel: 'online',
        status: 'active',
        revision: '2',
      });
      expect(await readResidentLogin(h.db, digest(1))).toEqual({
        residentId: 'zhang',
        passwordHash,
        phoneConfirmed: false,
      });
      expect(await readResidentLogin(h.db, digest(2))).toEqual({
        residentId: 'li',
        passwordHash: null,
        phoneConfirmed: false,
      });
      expect(await readResidentLogin(h.db, digest(3))).toBeUndefined();

      await record(
        { type: 'PhoneConfirmed', data: { residentId: 'li' } },
        { type: 'PasswordChanged', data: { residentId: 'li', passwordHash } },
      );
      expect(await readResident(h.db, 'li')).toMatchObject({
        phoneConfirmed: true,
        hasPassword: true,
        revision: '4',
      });
    });

    it('queues declared ties per community and records verification and rejection', async () => {
      const queue = await listVerificationQueue(h.db, 'hupan');
      expect(queue.map((t) => [t.residentId, t.tieId, t.kind, t.name, t.phoneMasked])).toEqual([
        ['zhang', 't1', 'lives', '张秀英', '138****1234'],
        ['li', 't1', 'studies', '李明', '139****5678'],
        ['li', 't2', 'lives', '李明', '139****5678'],
      ]);

      await record(
        {
          type: 'CommunityTieVerified',
          data: {
            residentId: 'zhang',
            tieId: 't1',
            communityId: 'hupan',
            streetId: 'yushan',
            verifiedBy: 'worker-1',
            personal: { note },
          },
        },
        {
          type: 'CommunityTieRejected',
          data: {
            residentId: 'li',
            tieId: 't1',
            communityId: 'hupan',
            streetId: 'yushan',
            rejectedBy: 'worker-1',
            personal: { reason: '学校不在本社区' },
          },
        },
      );
      expect((await listVerificationQueue(h.db, 'hupan')).map((t) => t.residentId)).toEqual(['li']);
      expect(await listVerificationQueue(h.db, 'binhu')).toHaveLength(1);
      expect(await listResidentTies(h.db, 'zhang')).toMatchObject([
        { tieId: 't1', status: 'verified', note, decidedBy: 'worker-1' },
        { tieId: 't2', communityId: 'binhu', status: 'declared', note: null },
      ]);
      expect(await listResidentTies(h.db, 'li')).toMatchObject([
        { tieId: 't1', status: 'rejected', reason: '学校不在本社区' },
        { tieId: 't2', status: 'declared' },
      ]);
    });

    it('answers eligibility from verified ties and age', async () => {
      expect(await residentEligibility(h.db, 'zhang', rule)).toEqual({ eligible: true });
      expect(await residentEligibility(h.db, 'zhang', { ...rule, communityId: 'binhu' })).toEqual(
        expect.objectContaining({ eligible: false, reason: 'no_verified_tie' }),
      );
      await record({
        type: 'CommunityTieVerified',
        data: {
          residentId: 'li',
          tieId: 't2',
          communityId: 'hupan',
          streetId: 'yushan',
          verifiedBy: 'worker-1',
          personal: { note: '户籍核实' },
        },
      });
      expect(await residentEligibility(h.db, 'li', rule)).toEqual(
        expect.objectContaining({ eligible: false, reason: 'too_young' }),
      );
      expect(await residentEligibility(h.db, 'li', { ...rule, minAge: 14 })).toEqual({
        eligible: true,
      });
      expect(await residentEligibility(h.db, 'nobody', rule)).toEqual(
        expect.objectContaining({ eligible: false, reason: 'not_registered' }),
      );
    });

    it('lists proxies granted and received, and finds the active one for an act', async () => {
      await record(
        {
          type: 'ProxyGranted',
          data: {
            residentId: 'zhang',
            proxyId: 'p1',
            granteeAccountId: 'li',
            powers: ['vote'],
            until: '2025-06-30',
          },
        },
        {
          type: 'ProxyGranted',
          data: { residentId: 'li', proxyId: 'p1', granteeAccountId: 'zhang', powers: ['propose'] },
        },
      );
      expect(await listProxiesGranted(h.db, 'zhang')).toEqual([
        {
          grantorId: 'zhang',
          grantorName: '张秀英',
          proxyId: 'p1',
          granteeAccountId: 'li',
          powers: ['vote'],
          until: '2025-06-30',
          grantedAt: '2025-06-01T02:00:00Z',
          revokedAt: null,
        },
      ]);
      expect((await listProxiesReceived(h.db, 'zhang')).map((p) => p.grantorId)).toEqual(['li']);

      await record({
        type: 'ProxyRevoked',
        data: { residentId: 'li', proxyId: 'p1', granteeAccountId: 'zhang' },
      });
      const [revoked] = await listProxiesReceived(h.db, 'zhang');
      expect(revoked!.revokedAt).not.toBeNull();
    });

    it('lets workers search their community by name or last digits', async () => {
      const search = (text: string, communityId = 'hupan') =>
        searchResidents(h.db, { communityId, text }).then((rows) => rows.map((r) => r.residentId));
      expect(await search('秀英')).toEqual(['zhang']);
      expect(await search('5678')).toEqual(['li']);
      expect(await search('1234')).toEqual(['zhang']);
      expect(await search('李明', 'binhu')).toEqual([]);
      expect(await search('%')).toEqual([]);
      expect(await search('  ')).toEqual([]);
    });

    it('purges every personal copy when a resident is forgotten, and a rebuild agrees', async () => {
      const personalTexts = [zhang.name, '138****1234', note];
      if (h.fileBytes) {
        await truncateWriteAheadLog(h.db);
        // The scan reads the read model's bytes: before the purge it finds the name.
        expect(h.fileBytes().includes(Buffer.from(zhang.name))).toBe(true);
      }

      await record({
        type: 'ResidentForgotten',
        data: { residentId: 'zhang', requestedBy: 'self' },
      });

      expect(await readResident(h.db, 'zhang')).toMatchObject({
        name: null,
        phoneMasked: null,
        birthYear: null,
        hasPassword: false,
        status: 'forgotten',
        forgottenAt: '2025-06-01T02:00:00Z',
      });
      expect(await readResidentLogin(h.db, digest(1))).toBeUndefined();
      expect(await listResidentTies(h.db, 'zhang')).toEqual([]);
      expect(await searchResidents(h.db, { communityId: 'hupan', text: '秀英' })).toEqual([]);
      expect(await residentEligibility(h.db, 'zhang', rule)).toEqual(
        expect.objectContaining({ eligible: false, reason: 'forgotten' }),
      );
      const [granted] = await listProxiesGranted(h.db, 'zhang');
      expect(granted).toMatchObject({ grantorName: null, revokedAt: '2025-06-01T02:00:00Z' });
      // Others keep theirs.
      expect(await readResident(h.db, 'li')).toMatchObject({ name: '李明', status: 'active' });

      if (h.fileBytes) {
        await truncateWriteAheadLog(h.db);
        const bytes = h.fileBytes();
        for (const text of personalTexts)
          expect(bytes.includes(Buffer.from(text)), text).toBe(false);
        expect(bytes.includes(Buffer.from(li.name))).toBe(true);
      }

      const tables = ['res_residents', 'res_ties', 'res_proxies'];
      const snapshot = async (db: ReadModelDatabase) =>
        Promise.all(tables.map((t) => db.all(`SELECT * FROM ${t} ORDER BY 1, 2`)));
      const live = await snapshot(h.db);
      const fresh = await h.openEmpty();
      try {
        await rebuildProjection({ store: h.store, db: fresh, projection: residentProjection });
        expect(await snapshot(fresh)).toEqual(live);
      } finally {
        await fresh.close();
      }
    });
  });
}

residentReadModelSuite('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-resident-'));
  // Events apart from the read models here: they hold `personal` in plaintext (no codec), and
  // the scan is of the read models alone.
  const store = await openSqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 20 });
  const readModels = join(dir, 'read-models.db');
  const db = await openSqliteReadModels(readModels);
  let others = 0;
  return {
    store,
    db,
    fileBytes: () =>
      Buffer.concat(
        [readModels, `${readModels}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
      ),
    openEmpty: () => openSqliteReadModels(join(dir, `empty-${++others}.db`)),
    async close() {
      await db.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

residentReadModelSuite('postgres', async () => {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const run = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-resident-'));
  const store = await openSqliteEventStore({ path: join(dir, 'events.db'), pollIntervalMs: 20 });
  const db = await openPostgresReadModels({ url, schema: `resident_rm_${run}` });
  const empties: Awaited<ReturnType<typeof openPostgresReadModels>>[] = [];
  return {
    store,
    db,
    async openEmpty() {
      const empty = await openPostgresReadModels({
        url,
        schema: `resident_rm_${run}_${empties.length + 1}`,
      });
      empties.push(empty);
      // Closing is the test's; dropping the schema happens with the harness.
      return { ...empty, close: async () => undefined };
    },
    async close() {
      for (const empty of empties) await empty.dropSchemaAndClose();
      await db.dropSchemaAndClose();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
