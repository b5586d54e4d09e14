// Ballot commands as the API runs them. Casting folds the cycle and the voter, reads the
// community's pool, seals the receipt and choices, and appends to the voter's ballot stream with
// no_stream (first ballot) or at its revision (a change). Tallying counts the bulletin of each
// community once voting has closed and records the count on the community's tally stream.
import {
  ballotDecider,
  ballotEventSchemas,
  ballotStreams,
  describeBallotEvent,
  parseBallotEvent,
  requireVoteClosed,
  tallyDecider,
  type BallotEvent,
  type BallotState,
  type CycleState,
} from '@gongzhi/domain';
import { listBulletin, newReceipt, type BallotSeal } from '@gongzhi/projections/ballot';
import { listProjectPool } from '@gongzhi/projections/proposal';
import type { SqlExecutor } from '@gongzhi/projections';
import { executeCommand, type CommandResult, type EventCodec, type Writer } from '../commands.ts';
import { currentCycle } from '../cycle/commands.ts';
import { currentResident } from '../resident/commands.ts';
import { countBallots, type CountInput } from './count.ts';

export const ballotCodec: EventCodec<BallotEvent> = {
  read: (recorded) => parseBallotEvent(recorded.type, recorded.data),
  versionOf: (type) => ballotEventSchemas[type].version,
  describe: describeBallotEvent,
};

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

export async function castBallot(w: Writer, seal: BallotSeal, data: CastData): Promise<Cast> {
  const stream = ballotStreams.ballot(data.cycleId, data.voterId);
  const receipt = newReceipt();
  const place = { cycleId: data.cycleId, communityId: data.communityId };
  const [cycle, voter, pool] = await Promise.all([
    currentCycle(w.store, data.cycleId),
    currentResident(w.store, data.voterId),
    listProjectPool(w.readModels.db, place),
  ]);
  const result = await oneAtATime(stream, () =>
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
        pool: pool.map((p) => ({ proposalId: p.proposalId, cost: p.cost })),
      }),
      subject: ballotSubject,
      metadata: w.metadata,
    }),
  );
  return { result, receipt };
}

function replacedReceipt(seal: BallotSeal, state: Extract<BallotState, { status: 'cast' }>) {
  return seal.open({ cycleId: state.cycleId, communityId: state.communityId }, state.sealed)
    .receipt;
}

/** What counting a community takes, read from the cycle and the read models. */
export async function countInput(
  db: SqlExecutor,
  cycle: Extract<CycleState, { status: 'published' }>,
  communityId: string,
): Promise<CountInput | undefined> {
  const budget = cycle.definition.communities.find((c) => c.communityId === communityId)?.budget;
  if (budget === undefined) return undefined;
  const place = { cycleId: cycle.cycleId, communityId };
  const [pool, bulletin] = await Promise.all([listProjectPool(db, place), listBulletin(db, place)]);
  return {
    ...place,
    budget,
    rule: cycle.definition.aggregation,
    pool: pool.map((p) => ({ proposalId: p.proposalId, title: p.title, cost: p.cost })),
    bulletin,
  };
}

/**
 * Counts every community of the cycle and records each count. The caller has waited until the
 * read models hold every ballot written before it was called.
 */
export async function tallyCycle(w: Writer, cycleId: string) {
  const cycle = requireVoteClosed(await currentCycle(w.store, cycleId), cycleId);
  const results = [];
  for (const { communityId } of cycle.definition.communities) {
    const data = countBallots((await countInput(w.readModels.db, cycle, communityId))!);
    const result = await executeCommand(w.store, {
      decider: tallyDecider,
      codec: ballotCodec,
      stream: ballotStreams.tally(cycleId, communityId),
      command: () => ({ type: 'RecordTally' as const, data, cycle }),
      subject: () => ({ 'zh-CN': '计票结果', en: 'The tally' }),
      metadata: w.metadata,
    });
    results.push({ data, result });
  }
  return results;
}
