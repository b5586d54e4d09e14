// Ballots over HTTP on the embedded store: cast and change with a receipt (during voting the
// bulletin is a number and the receipt look-up says when it will answer), refusals that write
// nothing, 200 concurrent ballots of one voter, and once voting has closed a bulletin by receipt
// (书院社区 has ten ballots or more) and a tally equal to the recount of the downloaded bulletin
// and of the events.
import { beforeAll, describe, expect, it } from 'vitest';
import { recountPb } from '@gongzhi/api';
import { ballotStreams, parseBallotEvent } from '@gongzhi/domain';
import { DEMO_CYCLE, openVoting, poolOf, seedVoters, type Voter } from '../bench/voters.ts';
import { engines, useApiServer } from './harness.ts';

const sqlite = engines.find((e) => e.name === 'sqlite')!;

describe('ballots over HTTP on sqlite', () => {
  const api = useApiServer(sqlite.make());
  let voters: Voter[];
  let outsider: Voter;
  let pool: string[];
  /** Receipts to look for once voting has closed: replaced ones must not be on the bulletin. */
  const replaced: string[] = [];
  const counted: { receipt: string; choices: string[] }[] = [];

  const as = (voter: Voter) => ({ headers: { authorization: `Bearer ${voter.token}` } });
  const cast = (voter: Voter, choices: string[], communityId = 'shuyuan') =>
    api.call<{ receipt: string; changed: boolean; position: string }>(
      'ballot.cast',
      { cycleId: DEMO_CYCLE, communityId, choices },
      as(voter),
    );
  const streamOf = (voter: Voter) =>
    api.runtime.store.readStream(ballotStreams.ballot(DEMO_CYCLE, voter.residentId));

  beforeAll(async () => {
    voters = await seedVoters(api.runtime, { count: 12, prefix: 'bt' });
    outsider = (
      await seedVoters(api.runtime, {
        count: 1,
        prefix: 'bt-hq',
        communityId: 'hongqiao',
        worker: 'demo-yushan',
      })
    )[0]!;
    pool = await poolOf(api.runtime);
    expect(pool.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a ballot before voting opens, and writes nothing', async () => {
    const reply = await cast(voters[0]!, [pool[0]!]);
    expect(reply.status).toBe(409);
    expect(reply.body.error?.data.reason).toBe('not_voting');
    expect(await streamOf(voters[0]!)).toEqual([]);
    await openVoting(api.runtime);
  });

  it('casts a ballot and changes it; during voting the bulletin is a number, no receipt is looked up', async () => {
    const first = await cast(voters[0]!, [pool[0]!, pool[1]!]);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const { receipt, changed, position } = first.body.result!.data;
    expect(changed).toBe(false);
    const lookUp = (minPosition: string) =>
      api.call(
        'ballot.findReceipt',
        { cycleId: DEMO_CYCLE, receipt: receipt.toLowerCase(), minPosition },
        { query: true },
      );
    expect((await lookUp(position)).body.result?.data).toEqual({ published: false, ballot: null });
    const bulletinAt = async (minPosition: string) =>
      (
        await api.call(
          'ballot.bulletin',
          { cycleId: DEMO_CYCLE, communityId: 'shuyuan', minPosition },
          { query: true },
        )
      ).body.result?.data;
    const live = { disclosure: 'count', ballots: 1, minimum: 10, files: false };
    expect(await bulletinAt(position)).toEqual(live);

    const second = await cast(voters[0]!, [pool[1]!]);
    expect(second.body.result?.data.changed).toBe(true);
    const after = second.body.result!.data;
    // A change of vote shows nowhere: the same number, the old receipt not looked up either.
    expect(await bulletinAt(after.position)).toEqual(live);
    expect((await lookUp(after.position)).body.result?.data).toEqual({
      published: false,
      ballot: null,
    });
    replaced.push(receipt);
    counted.push({ receipt: after.receipt, choices: [pool[1]!] });

    // Nobody downloads the bulletin during voting, the street's officer neither.
    await api.signIn('yushan');
    for (const as of [undefined, 'yushan']) {
      const file = await api.call(
        'ballot.bulletinFile',
        { cycleId: DEMO_CYCLE, communityId: 'shuyuan', format: 'pb' },
        { query: true, as },
      );
      expect({ status: file.status, reason: file.body.error?.data.reason }).toEqual({
        status: 409,
        reason: 'bulletin_not_published',
      });
    }

    const mine = await api.call(
      'ballot.mine',
      { cycleId: DEMO_CYCLE, minPosition: after.position },
      {
        ...as(voters[0]!),
        query: true,
      },
    );
    expect(mine.body.result?.data).toMatchObject({ communityId: 'shuyuan', versions: 2 });
    // The voter's stream holds the choices sealed, never in the clear.
    const events = await streamOf(voters[0]!);
    expect(events.map((e) => e.type)).toEqual(['BallotCast', 'BallotChanged']);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain(pool[1]!);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain(after.receipt);
  });

  it('refuses ballots against the rule, the pool, eligibility and access, writing nothing', async () => {
    const voter = voters[1]!;
    const refusals: [
      Promise<{ status: number; body: { error?: { data: { reason?: string } } } }>,
      number,
      string,
    ][] = [
      [cast(voter, ['no-such-project']), 400, 'choice_not_in_pool'],
      [cast(voter, [pool[0]!, pool[0]!]), 400, 'choice_repeated'],
      [cast(voter, []), 400, 'too_few_choices'],
      [cast(voter, [pool[0]!], 'hongqiao'), 403, 'not_eligible'],
      [cast(outsider, [pool[0]!]), 403, 'not_eligible'],
      [cast(voter, [pool[0]!], 'qinfeng'), 400, 'community_not_in_cycle'],
    ];
    for (const [reply, status, reason] of refusals) {
      const { status: got, body } = await reply;
      expect({ got, reason: body.error?.data.reason }).toEqual({ got: status, reason });
    }
    const anonymous = await api.call('ballot.cast', {
      cycleId: DEMO_CYCLE,
      communityId: 'shuyuan',
      choices: [pool[0]],
    });
    expect(anonymous.status).toBe(401);
    await api.signIn('shuyuan');
    const worker = await api.call(
      'ballot.cast',
      {
        cycleId: DEMO_CYCLE,
        communityId: 'shuyuan',
        choices: [pool[0]],
        forResidentId: voter.residentId,
      },
      { as: 'shuyuan' },
    );
    expect(worker.status).toBe(403);
    expect(worker.body.error?.data.reason).toBe('paper_entry_required');
    expect(await streamOf(voter)).toEqual([]);
    expect(await streamOf(outsider)).toEqual([]);
  });

  it('takes 200 concurrent ballots of one voter as one ballot and its changes, losing none', async () => {
    const voter = voters[2]!;
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) => cast(voter, [pool[i % pool.length]!])),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(200).fill(200));
    const events = await streamOf(voter);
    expect(events.length).toBe(200);
    expect(events.filter((e) => e.type === 'BallotCast').length).toBe(1);
    expect(events[0]!.type).toBe('BallotCast');
    const last = replies
      .map((r) => r.body.result!.data)
      .sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)))
      .at(-1)!;
    const bulletin = await api.call<{ ballots: number }>(
      'ballot.bulletin',
      { cycleId: DEMO_CYCLE, communityId: 'shuyuan', minPosition: last.position },
      { query: true },
    );
    expect(bulletin.body.result!.data.ballots).toBe(2);
    const receipts = replies.map((r) => r.body.result!.data.receipt);
    replaced.push(...receipts.filter((r) => r !== last.receipt));
    const choices = replies.find((r) => r.body.result!.data.receipt === last.receipt)!;
    counted.push({
      receipt: last.receipt,
      choices: [pool[replies.indexOf(choices) % pool.length]!],
    });
  });

  it('refuses a tally while voting is open; after closing, the tally equals every recount', async () => {
    for (const [i, voter] of voters.slice(3).entries()) {
      expect((await cast(voter, i % 3 === 0 ? [pool[0]!] : [pool[0]!, pool[1]!])).status).toBe(200);
    }
    await api.signIn('yushan');
    const early = await api.call('ballot.tally', { cycleId: DEMO_CYCLE }, { as: 'yushan' });
    expect(early.status).toBe(409);
    expect(early.body.error?.data.reason).toBe('vote_not_closed');
    const worker = await api.call('ballot.tally', { cycleId: DEMO_CYCLE }, { as: 'shuyuan' });
    expect(worker.status).toBe(403);

    // Closing the vote over HTTP counts it: the result is there before anyone asks for a tally.
    const close = await api.call<{ position: string }>(
      'cycle.advancePhase',
      { cycleId: DEMO_CYCLE, to: 'publicity', reason: '投票结束' },
      { as: 'yushan' },
    );
    expect(close.status, JSON.stringify(close.body)).toBe(200);
    const closed = await api.call<{ tally: { ballotCount: number }; revision: number } | null>(
      'ballot.result',
      {
        cycleId: DEMO_CYCLE,
        communityId: 'shuyuan',
        minPosition: close.body.result!.data.position,
      },
      { query: true },
    );
    expect(closed.body.result?.data).toMatchObject({
      tally: { ballotCount: voters.length - 1 },
      revision: 0,
      disclosure: 'ballots',
      bulletinMinimum: 10,
    });

    // Voting closed, with ten ballots or more: every ballot by receipt, none that was replaced.
    const bulletin = await api.call<{
      disclosure: string;
      files: boolean;
      rows: { receipt: string; choices: string[] }[];
    }>('ballot.bulletin', { cycleId: DEMO_CYCLE, communityId: 'shuyuan' }, { query: true });
    const { rows, ...shown } = bulletin.body.result!.data;
    expect(shown).toEqual({
      disclosure: 'ballots',
      ballots: voters.length - 1,
      minimum: 10,
      files: true,
    });
    expect(rows).toHaveLength(voters.length - 1);
    expect(rows).toEqual(expect.arrayContaining(counted));
    const onBulletin = new Set(rows.map((row) => row.receipt));
    expect(replaced.filter((r) => onBulletin.has(r))).toEqual([]);
    expect(JSON.stringify(bulletin.body)).not.toContain(voters[0]!.residentId);
    for (const { receipt, choices } of counted) {
      const found = await api.call(
        'ballot.findReceipt',
        { cycleId: DEMO_CYCLE, receipt },
        { query: true },
      );
      expect(found.body.result?.data).toEqual({
        published: true,
        ballot: { receipt, communityId: 'shuyuan', choices },
      });
    }
    const gone = await api.call(
      'ballot.findReceipt',
      { cycleId: DEMO_CYCLE, receipt: replaced[0] },
      { query: true },
    );
    expect(gone.body.result?.data).toEqual({ published: true, ballot: null });
    const retry = await api.call(
      'cycle.advancePhase',
      { cycleId: DEMO_CYCLE, to: 'publicity', reason: '投票结束' },
      { as: 'yushan' },
    );
    expect(retry.status).toBe(409);
    const late = await cast(voters[1]!, [pool[0]!]);
    expect(late.body.error?.data.reason).toBe('not_voting');

    // Counting again (as an officer may, to recount) records nothing new on the same bulletin.
    const tally = await api.call<{
      communities: {
        communityId: string;
        ballotCount: number;
        winners: string[];
        inputDigest: string;
        recorded: boolean;
      }[];
      position: string;
    }>('ballot.tally', { cycleId: DEMO_CYCLE }, { as: 'yushan' });
    expect(tally.status, JSON.stringify(tally.body)).toBe(200);
    expect(tally.body.result!.data.communities.some((c) => c.recorded)).toBe(false);
    const shuyuan = tally.body.result!.data.communities.find((c) => c.communityId === 'shuyuan')!;
    expect(shuyuan.ballotCount).toBe(voters.length - 1);

    const result = await api.call<{
      tally: {
        winners: string[];
        inputDigest: string;
        projects: { proposalId: string; votes: number }[];
      };
      recount: { matches: boolean; winners: string[] };
    }>(
      'ballot.result',
      {
        cycleId: DEMO_CYCLE,
        communityId: 'shuyuan',
        minPosition: tally.body.result!.data.position,
      },
      { query: true },
    );
    const { tally: recorded, recount } = result.body.result!.data;
    expect(recount.matches).toBe(true);
    expect(recorded.winners).toEqual(shuyuan.winners);

    // Anyone: the downloaded .pb has the recorded digest and counts to the recorded winners.
    const file = await api.call<{ text: string }>(
      'ballot.bulletinFile',
      { cycleId: DEMO_CYCLE, communityId: 'shuyuan', format: 'pb' },
      { query: true },
    );
    expect(recountPb(file.body.result!.data.text)).toEqual({
      inputDigest: recorded.inputDigest,
      winners: recorded.winners,
    });
    const csv = await api.call<{ text: string }>(
      'ballot.bulletinFile',
      { cycleId: DEMO_CYCLE, communityId: 'shuyuan', format: 'csv' },
      { query: true },
    );
    expect(csv.body.result!.data.text.trim().split('\n')).toHaveLength(voters.length);

    // The same files as downloads: CSV with a byte-order mark for Excel, .pb exactly as counted.
    const download = (file: string, communityId = 'shuyuan') =>
      fetch(`${api.url}/api/public/cycles/${DEMO_CYCLE}/communities/${communityId}/${file}`);
    const csvFile = await download('bulletin.csv');
    expect(csvFile.status).toBe(200);
    expect(csvFile.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvFile.headers.get('content-disposition')).toBe(
      `attachment; filename="ballots-${DEMO_CYCLE}-shuyuan.csv"`,
    );
    const csvBytes = Buffer.from(await csvFile.arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvBytes.subarray(3).toString('utf8')).toBe(csv.body.result!.data.text);
    const pbFile = await download('bulletin.pb');
    expect(pbFile.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(pbFile.headers.get('content-disposition')).toBe(
      `attachment; filename="ballots-${DEMO_CYCLE}-shuyuan.pb"`,
    );
    const pbText = await pbFile.text();
    expect(pbText).toBe(file.body.result!.data.text);
    expect(recountPb(pbText).inputDigest).toBe(recorded.inputDigest);
    expect((await download('bulletin.pb', 'qinfeng')).status).toBe(404);
    expect((await download('bulletin.xlsx')).status).toBe(404);

    // From the events: the last ballot of each voter, opened with the ballot key.
    const seal = api.runtime.services.ballotSeal!;
    const votes = new Map<string, number>();
    for (const voter of voters) {
      const last = (await streamOf(voter)).at(-1);
      if (!last) continue;
      const event = parseBallotEvent(last.type, last.data);
      if (event.type !== 'BallotCast' && event.type !== 'BallotChanged') continue;
      for (const id of seal.open(event.data, event.data.sealed).choices) {
        votes.set(id, (votes.get(id) ?? 0) + 1);
      }
    }
    for (const project of recorded.projects) {
      expect(project.votes).toBe(votes.get(project.proposalId) ?? 0);
    }

    // Counting again on the same bulletin records nothing new.
    const again = await api.call<{ communities: { recorded: boolean }[] }>(
      'ballot.tally',
      { cycleId: DEMO_CYCLE },
      { as: 'yushan' },
    );
    expect(again.body.result!.data.communities.every((c) => !c.recorded)).toBe(true);
  });
});
