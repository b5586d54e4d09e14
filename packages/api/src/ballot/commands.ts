// Ballot commands as the API runs them. Casting takes the cycle and the community's pool (cached
// while the cycle stream does not move, see votingCycle), the voter's eligibility, seals the
// receipt and choices, and appends to the voter's ballot stream with no_stream (first ballot) or
// at its revision (a change). Tallying counts the bulletin of each community once voting has
// closed and records the count on the community's tally stream; closing the vote does it.
import {
  ballotDecider,
  ballotEventSchemas,
  ballotStreams,
  checkEligibility,
  cycleStreams,
  defaultMinimumSupport,
  describeBallotEvent,
  parseBallotEvent,
  requireVoteClosed,
  tallyDecider,
  votingRule,
  type BallotEvent,
  type BallotState,
  type CycleState,
  type EligibilitySubject,
  type PoolProject,
} from '@gongzhi/domain';
import type { Position } from '@gongzhi/eventstore';
import { listBulletin, newReceipt, type BallotSeal } from '@gongzhi/projections/ballot';
import { listExcludedProjects } from '@gongzhi/projections/outcome';
import { listProjectPool } from '@gongzhi/projections/proposal';
import { listResidentTies, readResident } from '@gongzhi/projections/resident';
import type { SqlExecutor } from '@gongzhi/projections';
import {
  executeCommand,
  readState,
  type CommandResult,
  type EventCodec,
  type Writer,
} from '../commands.ts';
import { cycleRecord } from '../cycle/commands.ts';
import { caughtUpForDecision, caughtUpToHead } from '../positions.ts';
import { residentRecord } from '../resident/commands.ts';
import { countBallots, type CountInput } from './count.ts';

export const ballotCodec: EventCodec<BallotEvent> = {
  read: (recorded) => parseBallotEvent(recorded.type, recorded.data),
  versionOf: (type) => ballotEventSchemas[type].version,
  describe: describeBallotEvent,
};

/** A community's tally of a cycle, `tally-<cycleId>-<communityId>`. */
export const tallyRecord = (cycleId: string, communityId: string) => ({
  stream: ballotStreams.tally(cycleId, communityId),
  decider: tallyDecider,
  codec: ballotCodec,
});

const ballotSubject = () => ({ 'zh-CN': '您的选票', en: 'Your ballot' });

// Casts for one voter are taken one at a time in this process, so that a burst from one voter
// (double taps, a proxy and the resident at once) is decided in turn instead of failing on
// conflicts; the command path's bounded retries cover writers in other processes.
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

export interface CastData {
  cycleId: string;
  communityId: string;
  voterId: string;
  choices: readonly string[];
}

export interface Cast {
  result: CommandResult<BallotEvent>;
  /** Shown to the voter once: it is kept nowhere in the clear but the public bulletin. */
  receipt: string;
}

/**
 * The cycle as its stream has it now, and the community's pool. Both are kept per cycle while
 * the cycle stream's last revision stays the same, so a ballot is decided on the cycle's current
 * state without folding its stream each time. During voting the revision is checked at most every
 * CYCLE_RECHECK_MS: the only change that matters to ballots then is closing the vote, which in this
 * process goes through apartFromCasting (it drops the cached cycle). With other processes on the
 * same database the revision is read for every ballot, under the gate held across them. The pool
 * is cached only during voting, when it cannot change (proposals enter and leave the pool only in
 * proposing and screening; budgets are fixed once voting opens); it is read once the read models
 * hold every event up to the cycle's last, so it includes every pool decision made before voting.
 */
interface CachedCycle {
  revision: bigint;
  /** performance.now() when the revision was last read from the store. */
  checkedAt: number;
  position: Position;
  state: CycleState;
  pools: Map<string, Promise<PoolProject[]>>;
}
const cycles = new Map<string, CachedCycle>();
const CYCLE_RECHECK_MS = 100;

async function votingCycle(w: Writer, cycleId: string, communityId: string) {
  const stream = cycleStreams.cycle(cycleId);
  let cached = cycles.get(cycleId);
  const now = performance.now();
  // With other processes beside this one, the cycle is read again for every ballot once the
  // gate is held (see whileCasting): another process's close may have just committed.
  const fresh =
    !w.locks &&
    cached?.state.status === 'published' &&
    cached.state.phase === 'voting' &&
    now - cached.checkedAt < CYCLE_RECHECK_MS;
  if (!fresh) {
    const [last] = await w.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    if (last && cached?.revision === last.revision) {
      cached.checkedAt = now;
    } else {
      const { state, revision, position } = await readState(w.store, cycleRecord(cycleId));
      if (revision === undefined || position === undefined) return { cycle: state, pool: [] };
      cached = { revision, checkedAt: now, position, state, pools: new Map() };
      cycles.set(cycleId, cached);
    }
  }
  const { state, position, pools } = cached!;
  const readPool = async () => {
    await caughtUpForDecision(w, position);
    const rows = await listProjectPool(w.readModels.db, { cycleId, communityId });
    return rows.map((p) => ({ proposalId: p.proposalId, cost: p.cost }));
  };
  if (state.status !== 'published' || state.phase !== 'voting') {
    return { cycle: state, pool: await readPool() };
  }
  let pool = pools.get(communityId);
  if (!pool) {
    pool = readPool();
    pools.set(communityId, pool);
    pool.catch(() => pools.delete(communityId));
  }
  return { cycle: state, pool: await pool };
}

/**
 * The voter as eligibility sees them: the resident read model's row and ties (no personal data
 * to decrypt). When that row says no, the decision is taken on the resident's stream instead, so
 * a tie verified a moment ago and not yet projected never refuses a ballot. The reverse (a tie
 * revoked within the projection's lag, milliseconds) lets a ballot through that could as well
 * have arrived just before the revocation.
 */
export async function voterOf(
  w: Writer,
  voterId: string,
  cycle: CycleState,
  communityId: string,
): Promise<EligibilitySubject | { status: 'none' }> {
  if (cycle.status !== 'published') return { status: 'none' };
  const db = w.readModels.db;
  const [row, ties] = await Promise.all([readResident(db, voterId), listResidentTies(db, voterId)]);
  if (row && checkEligibility({ ...row, ties }, votingRule(cycle, communityId)).eligible) {
    return { ...row, ties };
  }
  return (await readState(w.store, residentRecord(voterId))).state;
}

export async function castBallot(w: Writer, seal: BallotSeal, data: CastData): Promise<Cast> {
  const stream = ballotStreams.ballot(data.cycleId, data.voterId);
  const receipt = newReceipt();
  const place = { cycleId: data.cycleId, communityId: data.communityId };
  const result = await whileCasting(w, data.cycleId, async () => {
    const { cycle, pool } = await votingCycle(w, data.cycleId, data.communityId);
    const voter = await voterOf(w, data.voterId, cycle, data.communityId);
    return oneAtATime(stream, () =>
      executeCommand(w.store, {
        decider: ballotDecider,
        codec: ballotCodec,
        stream,
        command: (state: BallotState) => ({
          type: 'CastBallot' as const,
          data: {
            ...data,
            sealed: seal.seal(place, {
              receipt,
              choices: [...data.choices],
              ...(state.status === 'cast' ? { replacesReceipt: replacedReceipt(seal, state) } : {}),
            }),
          },
          cycle,
          voter,
          pool,
        }),
        subject: ballotSubject,
        metadata: w.metadata,
      }),
    );
  });
  return { result, receipt };
}

// Closing the vote and casting exclude each other: a ballot decided while the cycle was in
// voting is appended before the phase event that closes the vote, so that the tally taken on
// closing counts it. In one process a gate in memory does it; when several API processes share
// the database (w.locks) each also holds the cycle's lock across processes, shared while
// casting and exclusive while closing.
interface Gate {
  casting: number;
  drained: (() => void) | undefined;
  closing: Promise<unknown> | undefined;
}
const gates = new Map<string, Gate>();
const gateOf = (cycleId: string) => {
  let gate = gates.get(cycleId);
  if (!gate) {
    gate = { casting: 0, drained: undefined, closing: undefined };
    gates.set(cycleId, gate);
  }
  return gate;
};

const acrossProcesses = <T>(
  w: Pick<Writer, 'locks'>,
  cycleId: string,
  mode: 'shared' | 'exclusive',
  work: () => Promise<T>,
) => (w.locks ? w.locks.withLock(`cycle-gate:${cycleId}`, mode, work) : work());

export async function whileCasting<T>(
  w: Pick<Writer, 'locks'>,
  cycleId: string,
  work: () => Promise<T>,
): Promise<T> {
  const gate = gateOf(cycleId);
  while (gate.closing) await gate.closing.catch(() => undefined);
  gate.casting++;
  try {
    return await acrossProcesses(w, cycleId, 'shared', work);
  } finally {
    if (--gate.casting === 0) gate.drained?.();
  }
}

/** Runs `work` (a phase move) once no ballot of the cycle is being cast, holding new ones back. */
export async function apartFromCasting<T>(
  w: Pick<Writer, 'locks'>,
  cycleId: string,
  work: () => Promise<T>,
): Promise<T> {
  const gate = gateOf(cycleId);
  while (gate.closing) await gate.closing.catch(() => undefined);
  const run = (async () => {
    if (gate.casting > 0) await new Promise<void>((resolve) => (gate.drained = resolve));
    gate.drained = undefined;
    return acrossProcesses(w, cycleId, 'exclusive', work);
  })();
  gate.closing = run;
  try {
    return await run;
  } finally {
    cycles.delete(cycleId);
    gate.closing = undefined;
  }
}

function replacedReceipt(seal: BallotSeal, state: Extract<BallotState, { status: 'cast' }>) {
  return seal.open({ cycleId: state.cycleId, communityId: state.communityId }, state.sealed)
    .receipt;
}

/**
 * What counting a community takes, read from the cycle and the read models. A project an upheld
 * objection took out of the count is left out of the pool and of every ballot's choices.
 */
export async function countInput(
  db: SqlExecutor,
  cycle: Extract<CycleState, { status: 'published' }>,
  communityId: string,
): Promise<CountInput | undefined> {
  const budget = cycle.definition.communities.find((c) => c.communityId === communityId)?.budget;
  if (budget === undefined) return undefined;
  const place = { cycleId: cycle.cycleId, communityId };
  const [pool, bulletin, excluded] = await Promise.all([
    listProjectPool(db, place),
    listBulletin(db, place),
    listExcludedProjects(db, place),
  ]);
  const counted = (proposalId: string) => !excluded.includes(proposalId);
  return {
    ...place,
    budget,
    rule: cycle.definition.aggregation,
    minimumSupport: cycle.definition.minimumSupport ?? defaultMinimumSupport,
    pool: pool
      .filter((p) => counted(p.proposalId))
      .map((p) => ({ proposalId: p.proposalId, title: p.title, cost: p.cost })),
    bulletin:
      excluded.length === 0
        ? bulletin
        : bulletin.map((row) => ({ ...row, choices: row.choices.filter(counted) })),
  };
}

/**
 * Counts every community of the cycle and records each count (nothing new when a community's
 * bulletin is unchanged since its last count), once the read models hold every event written
 * before it was called.
 */
export async function tallyCycle(w: Writer, cycleId: string) {
  await caughtUpToHead(w);
  const { state } = await readState(w.store, cycleRecord(cycleId));
  const cycle = requireVoteClosed(state, cycleId);
  const results = [];
  for (const { communityId } of cycle.definition.communities) {
    const data = countBallots((await countInput(w.readModels.db, cycle, communityId))!);
    const result = await executeCommand(w.store, {
      ...tallyRecord(cycleId, communityId),
      command: () => ({ type: 'RecordTally' as const, data, cycle }),
      subject: () => ({ 'zh-CN': '计票结果', en: 'The tally' }),
      metadata: w.metadata,
    });
    results.push({ data, result });
  }
  return results;
}
