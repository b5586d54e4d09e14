// Acts done on a resident's behalf, on SQLite and PostgreSQL: events of every module carrying
// `onBehalfOf`, and what others wrote on a resident's own stream, are listed for that resident
// newest first; the resident's own acts and others' acts for nobody are not.
import { newEvent } from '@gongzhi/eventstore';
import type { EventMetadata } from '@gongzhi/eventstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actsOnBehalfProjection,
  listActsOnBehalf,
  type ActOnBehalfRow,
} from '../../src/resident/index.ts';
import type { ProjectionRunner } from '../../src/runner.ts';
import { startProjectionRunner } from '../../src/runner.ts';
import { engines, expectRebuildToMatch } from '../cycle/harness.ts';
import type { Harness } from '../cycle/harness.ts';

const at = (minute: number) => `2025-06-01T02:${String(minute).padStart(2, '0')}:00Z`;

describe.each(engines('acts'))('acts on behalf on %s', (_engine, open) => {
  let h: Harness;
  let runner: ProjectionRunner;
  const revisions = new Map<string, bigint>();
  let minute = 0;

  /** Appends one event as `act` says, and waits for the runner. Data is not read. */
  async function record(
    stream: string,
    type: string,
    act: Pick<EventMetadata, 'actor' | 'onBehalfOf' | 'channel'>,
  ) {
    const metadata: EventMetadata = { ...act, occurredAt: at(minute++) };
    const result = await h.store.append(stream, [newEvent(type, {}, metadata)], {
      expected: revisions.get(stream) ?? 'no_stream',
    });
    revisions.set(stream, result.nextExpectedRevision);
    await runner.waitForPosition(result.position);
  }

  const summary = (rows: ActOnBehalfRow[]) =>
    rows.map((r) => [r.type, r.stream, r.actor, r.channel]);

  beforeAll(async () => {
    h = await open();
    runner = await startProjectionRunner({
      store: h.store,
      db: h.db,
      projections: [actsOnBehalfProjection],
    });
    const worker = { actor: 'worker-1', onBehalfOf: 'zhao', channel: 'offline' } as const;
    await record('resident-zhao', 'ResidentRegistered', worker);
    // The phone reservation belongs to the registration listed above.
    await record('phone-abc', 'PhoneClaimed', worker);
    await record('resident-zhao', 'PhoneConfirmed', { actor: 'zhao', channel: 'online' });
    await record('resident-zhao', 'CommunityTieVerified', { actor: 'worker-2', channel: 'online' });
    await record('proposal-p1', 'ProposalSubmitted', {
      actor: 'son',
      onBehalfOf: 'zhao',
      channel: 'proxy',
    });
    await record('proposal-p1', 'ProposalCoSigned', { actor: 'wang', channel: 'online' });
    await record('proposal-p1', 'ProposalSentToSurvey', { actor: 'worker-1', channel: 'online' });
    await record('proposal-p2', 'ProposalSubmitted', worker);
    await record('ballot-c1-zhao', 'BallotCast', {
      actor: 'son',
      onBehalfOf: 'zhao',
      channel: 'proxy',
    });
    // Acting for oneself is not an act on one's behalf.
    await record('ballot-c1-wang', 'BallotCast', {
      actor: 'wang',
      onBehalfOf: 'wang',
      channel: 'online',
    });
  });
  afterAll(async () => {
    await runner.stop();
    await h.close();
  });

  it('lists what others did for the resident across modules, newest first', async () => {
    expect(summary(await listActsOnBehalf(h.db, 'zhao'))).toEqual([
      ['BallotCast', 'ballot-c1-zhao', 'son', 'proxy'],
      ['ProposalSubmitted', 'proposal-p2', 'worker-1', 'offline'],
      ['ProposalSubmitted', 'proposal-p1', 'son', 'proxy'],
      ['CommunityTieVerified', 'resident-zhao', 'worker-2', 'online'],
      ['ResidentRegistered', 'resident-zhao', 'worker-1', 'offline'],
    ]);
    expect(await listActsOnBehalf(h.db, 'wang')).toEqual([]);
  });

  it('points at each event by stream, revision and position, and limits the list', async () => {
    const [latest] = await listActsOnBehalf(h.db, 'zhao', { limit: 1 });
    const [event] = await h.store.readStream('ballot-c1-zhao');
    expect(latest).toEqual({
      residentId: 'zhao',
      type: 'BallotCast',
      stream: 'ballot-c1-zhao',
      revision: 0n,
      position: event!.position,
      actor: 'son',
      channel: 'proxy',
      occurredAt: event!.metadata.occurredAt,
    });
  });

  it('rebuilds to the same rows', async () => {
    await expectRebuildToMatch(h, actsOnBehalfProjection);
  });
});
