import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadModelDatabase } from '@gongzhi/projections';
import { createPersonalDataVault } from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const masterKey = randomBytes(32);
const zhang = { name: '张秀英', phone: '13812341234', address: '虞山街道湖畔社区 3 幢 201 室' };

describe.each(DIALECTS)('personal-data vault on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(() => database.dispose());

  it('encrypts into a compact envelope and decrypts it back', async () => {
    const vault = createPersonalDataVault(database.db, masterKey);
    const envelope = await vault.encryptFor('person-roundtrip', zhang);
    expect(envelope).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
    expect(envelope).not.toContain('13812341234');
    expect(await vault.decryptFor('person-roundtrip', envelope)).toEqual(zhang);
    // A second vault (another API instance) reads it with the stored key.
    const other = createPersonalDataVault(database.db, masterKey);
    expect(await other.decryptFor('person-roundtrip', envelope)).toEqual(zhang);
  });

  it('gives each person their own key: an envelope cannot be read as someone else’s', async () => {
    const vault = createPersonalDataVault(database.db, masterKey);
    const envelope = await vault.encryptFor('person-a', zhang);
    await vault.encryptFor('person-b', { name: '李明' });
    await expect(vault.decryptFor('person-b', envelope)).rejects.toThrow();
    const tampered = envelope.slice(0, -2) + (envelope.endsWith('AA') ? 'BA' : 'AA');
    await expect(vault.decryptFor('person-a', tampered)).rejects.toThrow();
  });

  it('cannot unwrap keys with another master key', async () => {
    const vault = createPersonalDataVault(database.db, masterKey);
    const envelope = await vault.encryptFor('person-master', zhang);
    const impostor = createPersonalDataVault(database.db, randomBytes(32));
    await expect(impostor.decryptFor('person-master', envelope)).rejects.toThrow();
  });

  it('forgets: the key is deleted and decryption yields undefined, in every instance', async () => {
    const vault = createPersonalDataVault(database.db, masterKey);
    const envelope = await vault.encryptFor('person-forget', zhang);
    expect(await vault.forget('person-forget')).toBe(true);
    expect(await vault.forget('person-forget')).toBe(false);
    expect(await vault.decryptFor('person-forget', envelope)).toBeUndefined();
    const fresh = createPersonalDataVault(database.db, masterKey);
    expect(await fresh.decryptFor('person-forget', envelope)).toBeUndefined();
    expect(
      await database.db.get('SELECT person_id FROM pii_keys WHERE person_id = ?', [
        'person-forget',
      ]),
    ).toBeUndefined();
  });

  it('another instance stops using its cached key once the cache entry expires', async () => {
    let clock = 0;
    const here = createPersonalDataVault(database.db, masterKey);
    const there = createPersonalDataVault(database.db, masterKey, {
      cacheTtlMs: 60_000,
      now: () => clock,
    });
    const envelope = await here.encryptFor('person-ttl', zhang);
    expect(await there.decryptFor('person-ttl', envelope)).toEqual(zhang);
    await here.forget('person-ttl');
    clock = 60_000;
    expect(await there.decryptFor('person-ttl', envelope)).toBeUndefined();
  });

  it('keeps at most cacheSize keys in memory', async () => {
    let keyReads = 0;
    const counting: ReadModelDatabase = {
      ...database.db,
      get: (sql, params) => {
        if (sql.includes('FROM pii_keys')) keyReads++;
        return database.db.get(sql, params);
      },
    };
    const vault = createPersonalDataVault(counting, masterKey, { cacheSize: 2 });
    const envelopes = [];
    for (const person of ['cache-1', 'cache-2', 'cache-3']) {
      envelopes.push(await vault.encryptFor(person, { person }));
    }
    keyReads = 0;
    expect(await vault.decryptFor('cache-3', envelopes[2]!)).toEqual({ person: 'cache-3' });
    expect(keyReads).toBe(0);
    expect(await vault.decryptFor('cache-1', envelopes[0]!)).toEqual({ person: 'cache-1' });
    expect(keyReads).toBe(1);
  });
});

describe('forgetting on SQLite leaves nothing readable in the file', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
  });
  afterAll(() => database.dispose());

  const fileBytes = () =>
    Buffer.concat(
      [database.file!, `${database.file}-wal`]
        .filter((path) => existsSync(path))
        .map((path) => readFileSync(path)),
    );

  it('scans the raw database and log files for the plaintext and the wrapped key', async () => {
    const { db } = database;
    const vault = createPersonalDataVault(db, masterKey);
    // Stand-in for the event log, which lives elsewhere: it keeps only the envelope.
    await db.run('CREATE TABLE events (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
    for (let i = 0; i < 50; i++) {
      await vault.encryptFor(`neighbour-${i}`, { name: `邻居${i}` });
    }
    const envelope = await vault.encryptFor('person-scan', zhang);
    await db.run('INSERT INTO events (id, data) VALUES (?, ?)', ['event-1', envelope]);
    const wrapped = await db.get<{ wrapped_key: string }>(
      'SELECT wrapped_key FROM pii_keys WHERE person_id = ?',
      ['person-scan'],
    );
    // The scan can see the key before it is forgotten, so its silence afterwards means something.
    expect(fileBytes().includes(wrapped!.wrapped_key)).toBe(true);

    await vault.forget('person-scan');

    const bytes = fileBytes();
    expect(bytes.includes(wrapped!.wrapped_key)).toBe(false);
    for (const plaintext of [zhang.name, zhang.phone, zhang.address]) {
      expect(bytes.includes(Buffer.from(plaintext, 'utf8'))).toBe(false);
    }
    expect(bytes.includes(envelope)).toBe(true);
    expect(await vault.decryptFor('person-scan', envelope)).toBeUndefined();
  });
});
