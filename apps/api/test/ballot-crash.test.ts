// Ballots survive a crash: the real server (src/main.ts) in a child process takes ballots from
// many voters at once and is SIGKILLed mid-stream, three times, then restarted on the same data.
// Voters whose request got no answer try again (as a phone would), some voters change their
// ballot. In the end every ballot whose request got a success answer (the last per voter) is in
// the bulletin exactly once, no voter counts twice, and the tally recorded on closing the vote
// equals a recount from the events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotStreams, parseBallotEvent } from '@gongzhi/domain';
import { openRuntime } from '../src/runtime.ts';
import { DEMO_ACCOUNTS } from '../src/seed/accounts.ts';
import { startServerProcess, type ServerProcess } from '../bench/server-process.ts';
import { DEMO_CYCLE, openVoting, poolOf, seedVoters, type Voter } from '../bench/voters.ts';

const VOTERS = 400;
const ROUNDS = 3;
/** Acknowledged ballots after which each round's server is killed. */
const KILL_AFTER = 60;
const CONNECTIONS = 24;

describe('ballots across SIGKILLs of the server', () => {
  let dataDir: string;
  let voters: Voter[];
  let pool: string[];
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-ballot-crash-'));
    const runtime = await openRuntime({ store: 'sqlite', dataDir, seed: true });
    voters = await seedVoters(runtime, { count: VOTERS, prefix: 'crash' });
    await openVoting(runtime);
    pool = await poolOf(runtime);
    await runtime.close();
  });

  afterAll(async () => {
    await server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts every acknowledged ballot exactly once, and the tally equals the recount', async () => {
    /** The receipt of each voter's last acknowledged ballot, while no later request is pending. */
    const acknowledged = new Map<string, string>();
    /** Voters whose last request got no answer: its ballot may or may not be written. */
    const unanswered = new Set<string>();
    const choicesOf = (i: number, round: number) => [pool[(i + round) % pool.length]!];

    const cast = async (base: string, voter: Voter, choices: string[]) => {
      unanswered.add(voter.residentId);
      const response = await fetch(`${base}/trpc/ballot.cast`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${voter.token}` },
        body: JSON.stringify({ cycleId: DEMO_CYCLE, communityId: 'shuyuan', choices }),
      }).catch(() => undefined);
      const body = (await response?.json().catch(() => undefined)) as
        { result?: { data: { receipt: string } } } | undefined;
      const receipt = body?.result?.data.receipt;
      if (response === undefined || receipt === undefined) return false;
      expect(response.status).toBe(200);
      unanswered.delete(voter.residentId);
      acknowledged.set(voter.residentId, receipt);
      return true;
    };

    /** Sends each job once over CONNECTIONS requests at a time; stops sending once `stop` says so. */
    const stream = async (jobs: (() => Promise<boolean>)[], stop: () => boolean) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (next < jobs.length && !stop()) await jobs[next++]!();
        }),
      );
    };

    let fresh = 0;
    for (let round = 0; round < ROUNDS; round++) {
      server = await startServerProcess({
        dataDir,
        env: { GONGZHI_NOTIFICATION_SENDER: 'none' },
      });
      const base = server.url;
      // Voters left without an answer try again, some who voted change their ballot, new voters
      // vote; the server is killed once KILL_AFTER of these were acknowledged.
      const retries = [...unanswered].map((id) => voters.findIndex((v) => v.residentId === id));
      const changes = [...acknowledged.keys()]
        .filter((id) => !unanswered.has(id))
        .slice(0, 20)
        .map((id) => voters.findIndex((v) => v.residentId === id));
      const newcomers = Array.from({ length: 120 }, (_, k) => fresh + k);
      fresh += newcomers.length;
      const jobs = [...retries, ...changes, ...newcomers].map(
        (i) => () => cast(base, voters[i]!, choicesOf(i, round)),
      );
      let answered = 0;
      let killing: Promise<void> | undefined;
      await stream(
        jobs.map((job) => async () => {
          const ok = await job();
          if (ok && ++answered === KILL_AFTER) killing = server!.kill('SIGKILL');
          return ok;
        }),
        () => killing !== undefined,
      );
      await killing;
      expect(answered).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(server.child.signalCode).toBe('SIGKILL');
    }

    // The last start: everyone left without an answer tries again until answered.
    server = await startServerProcess({ dataDir, env: { GONGZHI_NOTIFICATION_SENDER: 'none' } });
    const base = server.url;
    expect(unanswered.size).toBeGreaterThan(0);
    const retries = [...unanswered].map((id) => voters.findIndex((v) => v.residentId === id));
    await stream(
      retries.map((i) => () => cast(base, voters[i]!, choicesOf(i, ROUNDS))),
      () => false,
    );
    expect(unanswered.size).toBe(0);

    // The street officer closes the vote: that records the tally of each community.
    const login = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        loginName: 'yushan',
        password: DEMO_ACCOUNTS.find((a) => a.loginName === 'yushan')!.password,
      }),
    });
    expect(login.status).toBe(200);
    const cookie = /^gongzhi_session=[^;]+/.exec(
      login.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='))!,
    )![0];
    const close = await fetch(`${base}/trpc/cycle.advancePhase`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ cycleId: DEMO_CYCLE, to: 'publicity', reason: '投票结束' }),
    });
    expect(close.status, await close.clone().text()).toBe(200);
    await server.kill('SIGTERM');
    server = undefined;

    // Everything below is read from the data the server left behind.
    const runtime = await openRuntime({ store: 'sqlite', dataDir, seed: false });
    try {
      await runtime.runner.waitForPosition((await runtime.store.headPosition())!, 30_000);
      const db = runtime.readModelDb;
      const bulletin = (await db.all(
        `SELECT receipt, choices FROM bal_bulletin WHERE cycle_id = ? AND community_id = ?`,
        [DEMO_CYCLE, 'shuyuan'],
      )) as { receipt: string; choices: string }[];
      const receipts = bulletin.map((row) => row.receipt).sort();
      expect(receipts).toEqual([...acknowledged.values()].sort());

      // From the events: one counting ballot per voter (the last), opened with the ballot key.
      const seal = runtime.services.ballotSeal!;
      const votes = new Map<string, number>();
      let voting = 0;
      for (const voter of voters) {
        const events = await runtime.store.readStream(
          ballotStreams.ballot(DEMO_CYCLE, voter.residentId),
        );
        if (events.length === 0) continue;
        voting++;
        expect(events.filter((e) => e.type === 'BallotCast')).toHaveLength(1);
        const last = parseBallotEvent(events.at(-1)!.type, events.at(-1)!.data);
        if (last.type !== 'BallotCast' && last.type !== 'BallotChanged') {
          throw new Error(`${last.type} ends an online voter's ballot stream`);
        }
        const opened = seal.open(last.data, last.data.sealed);
        expect(opened.receipt).toBe(acknowledged.get(voter.residentId));
        for (const id of opened.choices) votes.set(id, (votes.get(id) ?? 0) + 1);
      }
      expect(voting).toBe(acknowledged.size);

      const tallies = await runtime.store.readStream(ballotStreams.tally(DEMO_CYCLE, 'shuyuan'));
      expect(tallies).toHaveLength(1);
      const tally = parseBallotEvent(tallies[0]!.type, tallies[0]!.data);
      if (tally.type !== 'BallotsTallied') throw new Error('not a tally');
      expect(tally.data.ballotCount).toBe(acknowledged.size);
      expect(Object.fromEntries(tally.data.projects.map((p) => [p.proposalId, p.votes]))).toEqual(
        Object.fromEntries(
          tally.data.projects.map((p) => [p.proposalId, votes.get(p.proposalId) ?? 0]),
        ),
      );
    } finally {
      await runtime.close();
    }
  }, 60_000);
});
