// Voters and an open vote, written straight into a runtime's store: the ballot tests and
// `npm run bench:ballots` use them. Residents are registered (by a worker, from a paper form, so
// no password is hashed) with a verified tie in one append per resident, many appends in flight
// at once so that group commit shares the fsyncs; sessions are opened in the session store.
import { createHash } from 'node:crypto';
import { createSessionStore } from '@gongzhi/auth';
import { advanceCyclePhase } from '@gongzhi/api';
import { residentEventSchemas, residentStreams } from '@gongzhi/domain';
import { newEvent, type EventMetadata } from '@gongzhi/eventstore';
import type { Runtime } from '../src/runtime.ts';

/** The demo cycle of 虞山街道: its pool in 书院社区 is decided by the seed's round-table. */
export const DEMO_CYCLE = 'demo-cycle-yushan';

const metadata = (actor: string): EventMetadata => ({
  actor,
  channel: 'offline',
  correlationId: 'ballot-voters',
  occurredAt: new Date().toISOString(),
});

/** Moves the demo cycle from screening to voting. */
export async function openVoting(runtime: Runtime): Promise<void> {
  const result = await advanceCyclePhase(
    { store: runtime.store, readModels: runtime.runner, metadata: metadata('demo-yushan') },
    { cycleId: DEMO_CYCLE, to: 'voting', reason: '测试:开始投票' },
  );
  await runtime.runner.waitForPosition(result.position!, 30_000);
}

export interface Voter {
  residentId: string;
  /** A session token, for `Authorization: Bearer` or the session cookie. */
  token: string;
}

const version = (type: keyof typeof residentEventSchemas) => residentEventSchemas[type].version;

/**
 * Registers `count` residents of `communityId` (street `streetId`) with a verified tie, each
 * with an open session, and waits until the read models know them.
 */
export async function seedVoters(
  runtime: Runtime,
  options: {
    count: number;
    prefix: string;
    communityId?: string;
    streetId?: string;
    worker?: string;
    birthYear?: number;
    /** Appends in flight at once. */
    concurrency?: number;
    onProgress?: (done: number) => void;
  },
): Promise<Voter[]> {
  const {
    count,
    prefix,
    communityId = 'shuyuan',
    streetId = 'yushan',
    worker = 'demo-shuyuan',
    birthYear = 1980,
    concurrency = 512,
  } = options;
  const at = new Date().toISOString();
  const meta = metadata(worker);
  const register = (i: number) => {
    const residentId = `${prefix}-${i}`;
    const tieId = `${residentId}-tie`;
    const phone = `17${String(i).padStart(9, '0')}`;
    const events = [
      newEvent(
        'ResidentRegistered',
        {
          residentId,
          phoneDigest: createHash('sha256').update(`${prefix}/${phone}`).digest('hex'),
          birthYear,
          channel: 'offline',
          consent: { recordedBy: worker, form: 'paper', at },
          personal: { name: `居民${i}`, phone },
        },
        meta,
        version('ResidentRegistered'),
      ),
      newEvent(
        'CommunityTieDeclared',
        { residentId, tieId, communityId, streetId, kind: 'lives' },
        meta,
        version('CommunityTieDeclared'),
      ),
      newEvent(
        'CommunityTieVerified',
        {
          residentId,
          tieId,
          communityId,
          streetId,
          verifiedBy: worker,
          personal: { note: '已核对居住证明' },
        },
        meta,
        version('CommunityTieVerified'),
      ),
    ];
    return runtime.store.append(residentStreams.resident(residentId), events, {
      expected: 'no_stream',
    });
  };
  for (let start = 0; start < count; start += concurrency) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + concurrency); i++) batch.push(register(i));
    await Promise.all(batch);
    options.onProgress?.(Math.min(count, start + concurrency));
  }
  const voters: Voter[] = [];
  await runtime.readModelDb.transaction(async (tx) => {
    const sessions = createSessionStore(tx);
    for (let i = 0; i < count; i++) {
      const residentId = `${prefix}-${i}`;
      voters.push({ residentId, token: (await sessions.create(residentId)).token });
    }
  });
  const head = await runtime.store.headPosition();
  await runtime.runner.waitForPosition(head!, 600_000);
  return voters;
}

/** The demo pool of 书院社区 as the ballot paper lists it. */
export async function poolOf(runtime: Runtime, communityId = 'shuyuan'): Promise<string[]> {
  const rows = await runtime.readModelDb.all(
    `SELECT proposal_id FROM prop_proposals WHERE cycle_id = ? AND community_id = ? AND status = 'pool'
     ORDER BY proposal_id`,
    [DEMO_CYCLE, communityId],
  );
  return rows.map((r) => String(r.proposal_id));
}
