// Rotating the key that wraps persons' data keys: every row of `pii_keys` is opened with the key
// its label names and wrapped again with the new one, a batch per transaction. A row changed in
// between (a person forgotten, a key created) is left as it is: the update matches the old value.
// Running it again after a crash finishes the rows still carrying an old label.
import type { ReadModelDatabase } from '@gongzhi/projections';
import type { KeyWrapper } from './vault.ts';

export interface RewrapResult {
  rewrapped: number;
  /** Rows already wrapped by the new key. */
  unchanged: number;
}

export async function rewrapDataKeys(
  db: ReadModelDatabase,
  wrapper: KeyWrapper,
  { batchSize = 500, onBatch }: { batchSize?: number; onBatch?: (done: number) => void } = {},
): Promise<RewrapResult> {
  const result: RewrapResult = { rewrapped: 0, unchanged: 0 };
  let after = '';
  for (;;) {
    const rows = await db.all<{ person_id: string; wrapped_key: string }>(
      'SELECT person_id, wrapped_key FROM pii_keys WHERE person_id > ? ORDER BY person_id LIMIT ?',
      [after, batchSize],
    );
    if (rows.length === 0) return result;
    const batch = await db.transaction(async (tx) => {
      const counts: RewrapResult = { rewrapped: 0, unchanged: 0 };
      for (const row of rows) {
        if (row.wrapped_key.startsWith(`${wrapper.label}.`)) {
          counts.unchanged += 1;
          continue;
        }
        const dataKey = wrapper.unwrap(row.person_id, row.wrapped_key);
        const { changes } = await tx.run(
          'UPDATE pii_keys SET wrapped_key = ? WHERE person_id = ? AND wrapped_key = ?',
          [wrapper.wrap(row.person_id, dataKey), row.person_id, row.wrapped_key],
        );
        counts.rewrapped += changes;
      }
      return counts;
    });
    result.rewrapped += batch.rewrapped;
    result.unchanged += batch.unchanged;
    onBatch?.(result.rewrapped + result.unchanged);
    after = rows.at(-1)!.person_id;
  }
}
