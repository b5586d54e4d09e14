// Batched writes inside a PostgreSQL read-model transaction (rebuilds and catch-up apply
// thousands of events per transaction; one statement per round trip would cap them at a few
// thousand events/s).
//
// A single-row INSERT of plain placeholders (`INSERT INTO t (a, b) VALUES (?, ?)`), optionally
// an upsert (`ON CONFLICT (a) DO UPDATE SET ...` without WHERE), is not sent at once: its row is
// kept, `run` resolves with `{ changes: 1 }` (what such a statement reports when it succeeds),
// and the rows kept for the same statement go later as one multi-row INSERT. Any other
// statement (a read, an UPDATE, a DELETE, another INSERT) first sends everything kept, then runs
// in order after it. Statements are sent without waiting for each other's round trip (the client
// pipelines them on the transaction's connection); the transaction awaits them all before it
// commits, and a failure of any of them fails the transaction.
//
// Kept rows of different tables may be written in another order than they were run (the rows of
// one table keep their order). That is safe for read models: an INSERT of plain values into one
// table does not read other tables, read models have no foreign keys or triggers, and
// a second statement text for a table already kept sends everything first. An upsert's rows are
// split so that no statement touches one key twice (which PostgreSQL refuses): the second row
// for a key goes in the next statement, after the first.
import type { SqlExecutor, SqlRow, SqlValue } from '../types.ts';

/**
 * Sends one statement on the transaction's connection: a statement as run (`?` placeholders),
 * or, with `merged`, a multi-row INSERT built here (`$n` placeholders).
 */
export type Send = (
  text: string,
  params: SqlValue[],
  merged?: boolean,
) => Promise<SqlRow[] & { count: number }>;

interface Mergeable {
  table: string;
  /** `INSERT INTO t (cols) VALUES `. */
  head: string;
  /** ` ON CONFLICT ...`, or ''. */
  tail: string;
  columns: number;
  /** Indexes of the parameters that make up the conflict key; empty for a plain INSERT. */
  key: number[];
}

const insert =
  /^\s*INSERT\s+INTO\s+([\w."]+)\s*\(([^()?]*)\)\s*VALUES\s*\(\s*\?(?:\s*,\s*\?)*\s*\)\s*([^?]*?)\s*$/is;
const upsert = /^ON\s+CONFLICT\s*\(([^()]*)\)\s*DO\s+UPDATE\s+SET\s/is;
const notInUpsert = /\b(WHERE|SELECT|RETURNING)\b|;/i;
/** PostgreSQL takes at most 65,535 parameters per statement. */
const maxParameters = 65_535;
const maxRows = 1_024;
/** Pieces of up to this many rows are sent as they are (see sendKept). */
const exactRows = 64;

const parsed = new Map<string, Mergeable | null>();
const texts = new WeakMap<Mergeable, Map<number, string>>();

/** The INSERT of `rows` rows for `statement`, with `$n` placeholders. */
function multiRow(statement: Mergeable, rows: number): string {
  let bySize = texts.get(statement);
  if (!bySize) texts.set(statement, (bySize = new Map()));
  let text = bySize.get(rows);
  if (text === undefined) {
    const tuples: string[] = [];
    for (let r = 0, n = 0; r < rows; r++) {
      const values: string[] = [];
      for (let c = 0; c < statement.columns; c++) values.push(`$${++n}`);
      tuples.push(`(${values.join(', ')})`);
    }
    text = statement.head + tuples.join(', ') + statement.tail;
    bySize.set(rows, text);
  }
  return text;
}

/** How `text` can be merged with others of its kind, or null when it cannot. */
export function mergeable(text: string): Mergeable | null {
  let found = parsed.get(text);
  if (found !== undefined) return found;
  found = null;
  const match = insert.exec(text);
  if (match) {
    const [, table, columnList, tail] = match as unknown as [string, string, string, string];
    const columns = columnList.split(',').map((c) => c.trim().toLowerCase());
    const conflict = upsert.exec(tail);
    if (tail === '' || (conflict && !notInUpsert.test(tail))) {
      const key = conflict
        ? conflict[1]!.split(',').map((c) => columns.indexOf(c.trim().toLowerCase()))
        : [];
      if (!key.includes(-1)) {
        found = {
          table: table.toLowerCase(),
          head: `INSERT INTO ${table} (${columnList}) VALUES `,
          tail: tail === '' ? '' : ` ${tail}`,
          columns: columns.length,
          key,
        };
      }
    }
  }
  if (parsed.size >= 1_000) parsed.clear();
  parsed.set(text, found);
  return found;
}

interface Kept {
  statement: Mergeable;
  /** Parameters of the rows by round, row after row: a key's n-th row goes in round n. (Flat,
   * so that a piece is one slice and no array per row outlives its statement.) */
  rounds: SqlValue[][];
  occurrences: Map<string, number>;
  rows: number;
}

export interface PipelinedExecutor extends SqlExecutor {
  /** Sends what is kept and waits for every statement sent; throws the first failure. */
  settle(): Promise<void>;
}

export function pipelinedExecutor(send: Send): PipelinedExecutor {
  const kept = new Map<string, Kept>();
  const tables = new Map<string, string>();
  const sent: Promise<unknown>[] = [];
  let failure: { error: unknown } | undefined;

  const track = <T>(promise: Promise<T>) => {
    sent.push(
      promise.catch((error: unknown) => {
        failure ??= { error };
      }),
    );
    return promise;
  };

  function sendKept(): void {
    for (const { statement, rounds } of kept.values()) {
      const { columns } = statement;
      for (const values of rounds) {
        const rows = values.length / columns;
        // Up to 64 rows in one piece, more in pieces of 2^k rows: a statement has few distinct
        // texts, each kept prepared by the server (the 64 small ones weigh about what the
        // powers of two up to 1,024 rows do), and a round of an upsert, which holds one row per
        // key and is often small, goes in one statement rather than three or four.
        for (let at = 0; at < rows;) {
          const left = rows - at;
          const size = left <= exactRows ? left : 2 ** Math.floor(Math.log2(left));
          const piece = size === rows ? values : values.slice(at * columns, (at + size) * columns);
          void track(send(multiRow(statement, size), piece, true));
          at += size;
        }
      }
    }
    kept.clear();
    tables.clear();
  }

  function keep(text: string, statement: Mergeable, params: SqlValue[]): void {
    if (tables.has(statement.table) && tables.get(statement.table) !== text) sendKept();
    let entry = kept.get(text);
    if (!entry) {
      entry = { statement, rounds: [], occurrences: new Map(), rows: 0 };
      kept.set(text, entry);
      tables.set(statement.table, text);
    }
    let round = 0;
    if (statement.key.length > 0) {
      const key = statement.key.map((i) => String(params[i])).join('\u0000');
      round = entry.occurrences.get(key) ?? 0;
      entry.occurrences.set(key, round + 1);
    }
    const values = (entry.rounds[round] ??= []);
    for (const param of params) values.push(param);
    entry.rows += 1;
    const limit = Math.min(maxRows, 2 ** Math.floor(Math.log2(maxParameters / statement.columns)));
    if (values.length >= limit * statement.columns || entry.rows >= limit * 4) sendKept();
  }

  /** Runs `text` after everything kept or sent; a failure before it is the one reported. */
  async function inOrder(text: string, params: SqlValue[]) {
    sendKept();
    try {
      return await track(send(text, params));
    } catch (error) {
      await Promise.all(sent);
      throw failure?.error ?? error;
    }
  }

  return {
    async run(text, params = []) {
      const statement = params.length > 0 ? mergeable(text) : null;
      if (statement && statement.columns === params.length) {
        keep(text, statement, params);
        return { changes: 1 };
      }
      return { changes: (await inOrder(text, params)).count };
    },
    all: async <Row extends SqlRow>(text: string, params: SqlValue[] = []) =>
      (await inOrder(text, params)) as unknown as Row[],
    get: async <Row extends SqlRow>(text: string, params: SqlValue[] = []) =>
      (await inOrder(text, params))[0] as Row | undefined,
    async settle() {
      sendKept();
      await Promise.all(sent);
      if (failure) throw failure.error;
    },
  };
}
