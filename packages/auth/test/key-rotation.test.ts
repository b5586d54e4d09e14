import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKeyWrapper,
  createPersonalDataVault,
  rewrapDataKeys,
  wrappingKeyLabel,
} from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const masterKey = randomBytes(32);
const people = ['person-r1', 'person-r2', 'person-r3', 'person-r4', 'person-r5'];
const labels = async (db: TestDatabase['db']) =>
  (
    await db.all<{ wrapped_key: string }>(
      `SELECT wrapped_key FROM pii_keys WHERE person_id LIKE 'person-r%' ORDER BY person_id`,
    )
  ).map((row) => row.wrapped_key.split('.')[0]);

describe.each(DIALECTS)('rotating the wrapping key on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(() => database.dispose());

  it('rewraps every data key twice over; the data stays readable only with the new key', async () => {
    const before = createPersonalDataVault(database.db, masterKey);
    const envelopes = await Promise.all(
      people.map((person) => before.encryptFor(person, { name: person })),
    );
    await before.forget('person-r5');
    expect(await labels(database.db)).toEqual(['v1', 'v1', 'v1', 'v1']);

    const first = randomBytes(32);
    const one = await rewrapDataKeys(database.db, createKeyWrapper(masterKey, [first]), {
      batchSize: 3,
    });
    expect(one).toEqual({ rewrapped: 4, unchanged: 0 });
    expect(await labels(database.db)).toEqual(Array(4).fill(wrappingKeyLabel(first)));
    // Run again (as after a crash): nothing left to do.
    expect(await rewrapDataKeys(database.db, createKeyWrapper(masterKey, [first]))).toEqual({
      rewrapped: 0,
      unchanged: 4,
    });

    const afterFirst = createPersonalDataVault(database.db, masterKey, { wrappingKey: first });
    expect(await afterFirst.decryptFor('person-r1', envelopes[0]!)).toEqual({ name: 'person-r1' });
    // The master key alone no longer opens them, and says which key is missing.
    await expect(
      createPersonalDataVault(database.db, masterKey).decryptFor('person-r2', envelopes[1]!),
    ).rejects.toThrow(wrappingKeyLabel(first));
    // New people get keys wrapped by the wrapping key.
    await afterFirst.encryptFor('person-r6', { name: 'person-r6' });
    expect((await labels(database.db)).at(-1)).toBe(wrappingKeyLabel(first));

    const second = randomBytes(32);
    const two = await rewrapDataKeys(database.db, createKeyWrapper(masterKey, [first, second]));
    expect(two).toEqual({ rewrapped: 5, unchanged: 0 });
    const afterSecond = createPersonalDataVault(database.db, masterKey, { wrappingKey: second });
    for (const [index, person] of people.slice(0, 4).entries()) {
      expect(await afterSecond.decryptFor(person, envelopes[index]!)).toEqual({ name: person });
    }
    // The forgotten person stays forgotten; the retired key opens nothing any more.
    expect(await afterSecond.decryptFor('person-r5', envelopes[4]!)).toBeUndefined();
    await expect(
      createPersonalDataVault(database.db, masterKey, { wrappingKey: first }).decryptFor(
        'person-r3',
        envelopes[2]!,
      ),
    ).rejects.toThrow(wrappingKeyLabel(second));
  });
});
