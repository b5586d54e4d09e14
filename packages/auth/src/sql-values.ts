/** BIGINT columns come back as numbers from SQLite and as strings from PostgreSQL. */
export function millis(value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new TypeError(`expected a millisecond timestamp, got ${value}`);
  return n;
}
