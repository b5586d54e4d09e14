// Paper ballot batches as workers list them (where each batch stands, who entered and resolved
// it), and the serial numbers and voters each resolved batch accepted, so that a batch under
// review can see what other batches have used. No choices here: they stay sealed in the events.
import { parseBallotEvent } from '@gongzhi/domain';
import type { BallotEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, SqlValue, TableNames } from '../types.ts';

export const paperBallotTables = ['bal_paper_batches', 'bal_paper_accepted'] as const;
export type PaperBallotTable = (typeof paperBallotTables)[number];

const projectedTypes = [
  'PaperBatchOpened',
  'PaperBatchEntered',
  'PaperBatchResolved',
  'PaperBatchCounted',
] as const satisfies readonly BallotEvent['type'][];

export const paperBatchStatuses = [
  'awaiting_first',
  'awaiting_second',
  'to_resolve',
  'counting',
  'counted',
] as const;
export type PaperBatchStatus = (typeof paperBatchStatuses)[number];

export const paperBallotProjection: Projection<PaperBallotTable> = {
  name: 'paper_ballot',
  version: 1,
  tables: paperBallotTables,
  eventTypes: projectedTypes,

  schema: (t) => [
    `CREATE TABLE ${t.bal_paper_batches} (
       cycle_id TEXT NOT NULL,
       batch_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       label TEXT NOT NULL,
       status TEXT NOT NULL,
       opened_by TEXT NOT NULL,
       opened_at TEXT NOT NULL,
       first_by TEXT,
       second_by TEXT,
       resolved_by TEXT,
       sheets INTEGER,
       accepted INTEGER,
       counted INTEGER,
       set_aside INTEGER,
       revision BIGINT NOT NULL,
       PRIMARY KEY (cycle_id, batch_id)
     )`,
    `CREATE INDEX ${t.bal_paper_batches}_by_community ON ${t.bal_paper_batches} (cycle_id, community_id, opened_at)`,
    `CREATE TABLE ${t.bal_paper_accepted} (
       cycle_id TEXT NOT NULL,
       batch_id TEXT NOT NULL,
       serial TEXT NOT NULL,
       voter_id TEXT NOT NULL,
       PRIMARY KEY (cycle_id, batch_id, serial)
     )`,
    `CREATE INDEX ${t.bal_paper_accepted}_by_serial ON ${t.bal_paper_accepted} (cycle_id, serial)`,
    `CREATE INDEX ${t.bal_paper_accepted}_by_voter ON ${t.bal_paper_accepted} (cycle_id, voter_id)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<PaperBallotTable>) {
    const event = parseBallotEvent(recorded.type, recorded.data);
    const key = [event.data.cycleId, (event.data as { batchId: string }).batchId];
    const update = (set: string, values: SqlValue[]) =>
      tx.run(
        `UPDATE ${t.bal_paper_batches} SET ${set}, revision = ? WHERE cycle_id = ? AND batch_id = ?`,
        [...values, recorded.revision, ...key],
      );
    switch (event.type) {
      case 'PaperBatchOpened': {
        const { cycleId, batchId, communityId, label, openedBy } = event.data;
        await tx.run(
          `INSERT INTO ${t.bal_paper_batches}
             (cycle_id, batch_id, community_id, label, status, opened_by, opened_at, revision)
           VALUES (?, ?, ?, ?, 'awaiting_first', ?, ?, ?)
           ON CONFLICT (cycle_id, batch_id) DO NOTHING`,
          [
            cycleId,
            batchId,
            communityId,
            label,
            openedBy,
            recorded.metadata.occurredAt,
            recorded.revision,
          ],
        );
        return;
      }
      case 'PaperBatchEntered': {
        const { entry, enteredBy, sheets } = event.data;
        if (entry === 1) {
          await update(`status = 'awaiting_second', first_by = ?, sheets = ?`, [
            enteredBy,
            sheets.length,
          ]);
        } else {
          await update(`status = 'to_resolve', second_by = ?`, [enteredBy]);
        }
        return;
      }
      case 'PaperBatchResolved': {
        const { cycleId, batchId, resolvedBy, accepted } = event.data;
        await update(`status = 'counting', resolved_by = ?, accepted = ?`, [
          resolvedBy ?? null,
          accepted.length,
        ]);
        for (const sheet of accepted) {
          await tx.run(
            `INSERT INTO ${t.bal_paper_accepted} (cycle_id, batch_id, serial, voter_id)
             VALUES (?, ?, ?, ?) ON CONFLICT (cycle_id, batch_id, serial) DO NOTHING`,
            [cycleId, batchId, sheet.serial, sheet.voterId],
          );
        }
        return;
      }
      case 'PaperBatchCounted':
        await update(`status = 'counted', counted = ?, set_aside = ?`, [
          event.data.counted,
          event.data.setAside.length,
        ]);
        return;
      default:
        return;
    }
  },
};

export interface PaperBatchRow {
  cycleId: string;
  batchId: string;
  communityId: string;
  label: string;
  status: PaperBatchStatus;
  openedBy: string;
  openedAt: string;
  firstBy: string | null;
  secondBy: string | null;
  resolvedBy: string | null;
  /** Sheets of the first entry. */
  sheets: number | null;
  accepted: number | null;
  counted: number | null;
  setAside: number | null;
  revision: bigint;
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function batchRow(r: Record<string, unknown>): PaperBatchRow {
  return {
    cycleId: String(r.cycle_id),
    batchId: String(r.batch_id),
    communityId: String(r.community_id),
    label: String(r.label),
    status: String(r.status) as PaperBatchStatus,
    openedBy: String(r.opened_by),
    openedAt: String(r.opened_at),
    firstBy: text(r.first_by),
    secondBy: text(r.second_by),
    resolvedBy: text(r.resolved_by),
    sheets: num(r.sheets),
    accepted: num(r.accepted),
    counted: num(r.counted),
    setAside: num(r.set_aside),
    revision: BigInt(String(r.revision)),
  };
}

/** The paper ballot batches of a community in a cycle, newest first. */
export async function listPaperBatches(
  db: SqlExecutor,
  query: { cycleId: string; communityId: string },
): Promise<PaperBatchRow[]> {
  const rows = await db.all(
    `SELECT * FROM bal_paper_batches WHERE cycle_id = ? AND community_id = ?
     ORDER BY opened_at DESC, batch_id DESC`,
    [query.cycleId, query.communityId],
  );
  return rows.map(batchRow);
}

/** The batches of some communities whose two entries wait for a third worker, oldest first. */
export async function listPaperBatchesToResolve(
  db: SqlExecutor,
  communityIds: readonly string[],
): Promise<PaperBatchRow[]> {
  if (communityIds.length === 0) return [];
  const rows = await db.all(
    `SELECT * FROM bal_paper_batches
     WHERE status = 'to_resolve' AND community_id IN (${communityIds.map(() => '?').join(', ')})
     ORDER BY opened_at, batch_id`,
    [...communityIds],
  );
  return rows.map(batchRow);
}

/** The batches of a cycle resolved but not counted yet (a count cut short), oldest first. */
export async function listUncountedPaperBatches(
  db: SqlExecutor,
  cycleId: string,
): Promise<PaperBatchRow[]> {
  const rows = await db.all(
    `SELECT * FROM bal_paper_batches WHERE cycle_id = ? AND status = 'counting'
     ORDER BY opened_at, batch_id`,
    [cycleId],
  );
  return rows.map(batchRow);
}

/** The serial numbers and voters that resolved batches other than `batchId` have accepted. */
export async function paperUsedElsewhere(
  db: SqlExecutor,
  query: {
    cycleId: string;
    batchId: string;
    serials: readonly string[];
    voterIds: readonly string[];
  },
): Promise<{ serials: Set<string>; voterIds: Set<string> }> {
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  const { cycleId, batchId, serials, voterIds } = query;
  const [bySerial, byVoter] = await Promise.all([
    serials.length === 0
      ? []
      : db.all(
          `SELECT DISTINCT serial FROM bal_paper_accepted
           WHERE cycle_id = ? AND batch_id <> ? AND serial IN (${marks(serials.length)})`,
          [cycleId, batchId, ...serials],
        ),
    voterIds.length === 0
      ? []
      : db.all(
          `SELECT DISTINCT voter_id FROM bal_paper_accepted
           WHERE cycle_id = ? AND batch_id <> ? AND voter_id IN (${marks(voterIds.length)})`,
          [cycleId, batchId, ...voterIds],
        ),
  ]);
  return {
    serials: new Set(bySerial.map((r) => String(r.serial))),
    voterIds: new Set(byVoter.map((r) => String(r.voter_id))),
  };
}
