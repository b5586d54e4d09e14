// Reads of the cycle read model, on the live tables (which carry the logical names). Money is in
// fen, as in the events; revisions leave as decimal strings (JSON has no bigint).
import { cyclePhases, describeCycleEvent, parseCycleEvent } from '@gongzhi/domain';
import type {
  CycleEvent,
  CyclePhase,
  CycleSchedule,
  CycleStage,
  LocalizedText,
} from '@gongzhi/domain';
import type { SqlExecutor } from '../types.ts';
import type { CycleRules } from './projection.ts';

export type CycleStatus = 'draft' | 'published';

export interface CycleSummary {
  cycleId: string;
  streetId: string;
  title: string;
  titleEn: string | null;
  year: number;
  status: CycleStatus;
  /** Null while a draft. */
  phase: CycleStage | null;
  schedule: CycleSchedule;
  communityCount: number;
  /** Sum of the communities' budgets, in fen. */
  totalBudget: number;
  revision: string;
  publishedAt: string | null;
  updatedAt: string;
}

export interface CyclePhaseView {
  phase: CyclePhase;
  /** First day by the schedule, YYYY-MM-DD. */
  scheduledFor: string;
  /** When the officer actually moved the cycle into it; null until then. */
  startedAt: string | null;
  current: boolean;
}

export interface CycleHistoryEntry {
  at: string;
  summary: LocalizedText;
  /** CyclePublished, CyclePhaseAdvanced, CycleBudgetAmended or CycleScheduleAmended, whole. */
  event: CycleEvent;
}

export interface CycleView extends CycleSummary {
  rules: CycleRules;
  budgets: { communityId: string; budget: number }[];
  phases: CyclePhaseView[];
  /** Publication, phase moves and amendments, oldest first. */
  history: CycleHistoryEntry[];
}

export interface CommunityCycle {
  cycleId: string;
  title: string;
  titleEn: string | null;
  year: number;
  phase: CycleStage;
  /** The community's budget in this cycle, in fen. */
  budget: number;
}

type Row = Record<string, unknown>;
const text = (value: unknown): string => String(value);
const optionalText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

const SUMMARY_COLUMNS = `c.cycle_id, c.street_id, c.title, c.title_en, c.year, c.status, c.phase,
  c.schedule, c.revision, c.published_at, c.updated_at,
  (SELECT count(*) FROM cyc_budgets b WHERE b.cycle_id = c.cycle_id) AS community_count,
  (SELECT coalesce(sum(b.budget), 0) FROM cyc_budgets b WHERE b.cycle_id = c.cycle_id) AS total_budget`;

const toSummary = (r: Row): CycleSummary => ({
  cycleId: text(r.cycle_id),
  streetId: text(r.street_id),
  title: text(r.title),
  titleEn: optionalText(r.title_en),
  year: Number(r.year),
  status: text(r.status) as CycleStatus,
  phase: optionalText(r.phase) as CycleStage | null,
  schedule: JSON.parse(text(r.schedule)) as CycleSchedule,
  communityCount: Number(r.community_count),
  totalBudget: Number(r.total_budget),
  revision: text(r.revision),
  publishedAt: optionalText(r.published_at),
  updatedAt: text(r.updated_at),
});

/**
 * Cycles, newest first: of one street or all; published ones only unless `includeDrafts` (the
 * street officer's own list).
 */
export async function listCycles(
  db: SqlExecutor,
  filter: { streetId?: string; includeDrafts?: boolean } = {},
): Promise<CycleSummary[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.streetId !== undefined) {
    where.push('c.street_id = ?');
    params.push(filter.streetId);
  }
  if (!filter.includeDrafts) where.push("c.status = 'published'");
  const rows = await db.all(
    `SELECT ${SUMMARY_COLUMNS} FROM cyc_cycles c
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY c.year DESC, c.drafted_position DESC`,
    params,
  );
  return rows.map(toSummary);
}

/** One cycle with its rules, budgets, phases and public history; drafts too (check status). */
export async function readCycle(db: SqlExecutor, cycleId: string): Promise<CycleView | undefined> {
  const row = await db.get(
    `SELECT ${SUMMARY_COLUMNS}, c.rules FROM cyc_cycles c WHERE c.cycle_id = ?`,
    [cycleId],
  );
  if (!row) return undefined;
  const summary = toSummary(row);
  const budgets = await db.all(
    'SELECT community_id, budget FROM cyc_budgets WHERE cycle_id = ? ORDER BY ordinal',
    [cycleId],
  );
  const historyRows = await db.all(
    'SELECT type, at, data FROM cyc_history WHERE cycle_id = ? ORDER BY position',
    [cycleId],
  );
  const history = historyRows.map((r): CycleHistoryEntry => {
    const event = parseCycleEvent(text(r.type), JSON.parse(text(r.data)));
    return { at: text(r.at), summary: describeCycleEvent(event), event };
  });
  const started = new Map<string, string>();
  for (const { event } of history) {
    if (event.type === 'CyclePhaseAdvanced') started.set(event.data.to, event.data.at);
  }
  return {
    ...summary,
    rules: JSON.parse(text(row.rules)) as CycleRules,
    budgets: budgets.map((b) => ({ communityId: text(b.community_id), budget: Number(b.budget) })),
    phases: cyclePhases.map((phase) => ({
      phase,
      scheduledFor: summary.schedule[phase],
      startedAt: started.get(phase) ?? null,
      current: summary.phase === phase,
    })),
    history,
  };
}

/** Published cycles a community takes part in, newest first, with its budget in each. */
export async function listCyclesOfCommunity(
  db: SqlExecutor,
  communityId: string,
): Promise<CommunityCycle[]> {
  const rows = await db.all(
    `SELECT c.cycle_id, c.title, c.title_en, c.year, c.phase, b.budget
     FROM cyc_budgets b JOIN cyc_cycles c ON c.cycle_id = b.cycle_id
     WHERE b.community_id = ? AND c.status = 'published'
     ORDER BY c.year DESC, c.drafted_position DESC`,
    [communityId],
  );
  return rows.map((r) => ({
    cycleId: text(r.cycle_id),
    title: text(r.title),
    titleEn: optionalText(r.title_en),
    year: Number(r.year),
    phase: text(r.phase) as CycleStage,
    budget: Number(r.budget),
  }));
}
