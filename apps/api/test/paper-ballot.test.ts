// Paper ballots over HTTP on both stores: a batch entered twice by two workers, its
// mismatches and problems listed for a third who resolves them, the batch counted into the public
// bulletin as the voters' ballots (one per voter across paper and online), refusals that write
// nothing, serial numbers and printed receipts unique under concurrency (a voter finds their paper
// ballot by the receipt on the stub once voting has closed), and a count cut short finished without
// counting twice (the vote does not close before it is).
import { beforeAll, describe, expect, it } from 'vitest';
import { ballotEventSchemas, ballotStreams, type BallotEventType } from '@gongzhi/domain';
import { newEvent, type EventMetadata } from '@gongzhi/eventstore';
import { seedVoters, type Voter } from '../bench/voters.ts';
import { engines, holdReadModelTable, useApiServer, waitsBeyond, type Reply } from './harness.ts';

/** The seeded cycle of 虞山街道 in voting: 书院社区 approves at most three projects. */
const CYCLE = 'demo-cycle-voting';
const COMMUNITY = 'shuyuan';

interface Sheet {
  serial: string;
  voterId: string;
  choices: string[];
  receipt?: string;
}

interface BatchView {
  status: string;
  agreed: number;
  mayEnter: boolean;
  mayResolve: boolean;
  toDecide: {
    serial: string;
    mismatch: string | null;
    first: Reading | null;
    second: Reading | null;
  }[];
  counted: { counted: number; setAside: { serial: string; reason: string }[] } | null;
}

interface Reading {
  voterId: string;
  receipt: string | null;
  choices: string[];
  problems: { code: string }[];
}

describe.each(engines)('paper ballots over HTTP on $name', ({ name, make }) => {
  const api = useApiServer(make());
  let voters: Voter[];
  let outsider: Voter;
  let pool: string[];

  const place = { cycleId: CYCLE, communityId: COMMUNITY };
  const open = async (as: string, label: string) => {
    const reply = await api.call<{ batchId: string }>(
      'ballot.paperBatches.open',
      { ...place, label },
      { as },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data.batchId;
  };
  const enter = (as: string, batchId: string, sheets: Sheet[]) =>
    api.call<{ position: string }>(
      'ballot.paperBatches.enter',
      { ...place, batchId, sheets },
      { as },
    );
  /** The position a mutation wrote, which the reads after it name as `minPosition`. */
  const positionOf = (reply: Reply<{ position: string }>) => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data.position;
  };
  const view = async (as: string, batchId: string, minPosition: string) => {
    const reply = await api.call<BatchView>(
      'ballot.paperBatches.get',
      { ...place, batchId, minPosition },
      { as, query: true },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const bulletinSize = async () => {
    const head = await api.head();
    const reply = await api.call<{ ballots: number }>(
      'ballot.bulletin',
      { ...place, minPosition: String(head ?? 0n) },
      { query: true },
    );
    return reply.body.result!.data.ballots;
  };
  /** The batches the cycle's staff see holding the vote open, as `as` asks for them. */
  const uncounted = async (as: string, minPosition: string) => {
    const reply = await api.call<{ batches: unknown[] }>(
      'ballot.uncountedPaperBatches',
      { cycleId: CYCLE, minPosition },
      { as, query: true },
    );
    return reply.status === 200
      ? { status: 200, batches: reply.body.result!.data.batches }
      : { status: reply.status };
  };
  const closeVote = () =>
    api.call<{ position: string }>(
      'cycle.advancePhase',
      { cycleId: CYCLE, to: 'publicity', reason: '投票结束' },
      { as: 'yushan' },
    );
  const streamOf = (voterId: string) =>
    api.runtime.store.readStream(ballotStreams.ballot(CYCLE, voterId));
  const id = (i: number) => voters[i]!.residentId;

  beforeAll(async () => {
    voters = await seedVoters(api.runtime, { count: 22, prefix: 'pb' });
    outsider = (
      await seedVoters(api.runtime, {
        count: 1,
        prefix: 'pb-hq',
        communityId: 'qinfeng',
        streetId: 'qinchuan',
        worker: 'demo-qinfeng',
      })
    )[0]!;
    const paper = await api.call<{ projects: { proposalId: string }[] }>('ballot.paper', place, {
      query: true,
    });
    pool = paper.body.result!.data.projects.map((p) => p.proposalId);
    expect(pool.length).toBeGreaterThanOrEqual(4);
    for (const login of ['shuyuan', 'shuyuan2', 'shuyuan3', 'qinfeng', 'yushan', 'qinchuan']) {
      await api.signIn(login);
    }
  });

  it('counts a batch entered twice once a third worker has resolved its mismatches', async () => {
    const before = await bulletinSize();
    const batchId = await open('shuyuan', '1号票箱');
    const first: Sheet[] = [
      { serial: 'T-001', voterId: id(0), choices: [pool[0]!, pool[1]!] },
      { serial: 'T-002', voterId: id(1), choices: [pool[2]!] },
      { serial: 'T-003', voterId: id(2), choices: [pool[0]!] },
    ];
    const blind = await view(
      'shuyuan2',
      batchId,
      positionOf(await enter('shuyuan', batchId, first)),
    );
    expect(blind).toMatchObject({ status: 'awaiting_second', mayEnter: true, toDecide: [] });

    // The same worker cannot enter the second time; nothing is written.
    const head = await api.head();
    const again = await enter('shuyuan', batchId, first);
    expect(again.status).toBe(403);
    expect(again.body.error?.data.reason).toBe('same_worker_entry');
    expect(again.body.error?.message).toMatch(/\p{Script=Han}/u);
    expect(await api.head()).toBe(head);

    const second: Sheet[] = [
      { serial: 't-001', voterId: id(0), choices: [pool[1]!, pool[0]!] },
      { serial: 'T-002', voterId: id(1), choices: [pool[3]!] },
      { serial: 'T-003', voterId: id(2), choices: [pool[0]!] },
      { serial: 'T-004', voterId: id(3), choices: [pool[0]!] },
    ];
    const entered = positionOf(await enter('shuyuan2', batchId, second));

    const review = await view('shuyuan3', batchId, entered);
    expect(review).toMatchObject({ status: 'to_resolve', agreed: 2, mayResolve: true });
    expect(review.toDecide.map((i) => [i.serial, i.mismatch])).toEqual([
      ['T-002', 'choices'],
      ['T-004', 'only_second'],
    ]);
    expect((await view('shuyuan', batchId, entered)).mayResolve).toBe(false);

    // The choices are sealed in the events, in the entries as in the ballots.
    const batchEvents = await api.runtime.store.readStream(
      ballotStreams.paperBatch(CYCLE, batchId),
    );
    expect(JSON.stringify(batchEvents.map((e) => e.data))).not.toContain(pool[3]!);

    const resolveAs = (as: string, decisions: unknown[]) =>
      api.call<{ position: string }>(
        'ballot.paperBatches.resolve',
        { ...place, batchId, decisions },
        { as },
      );
    const refusals: [string, unknown[], number, string][] = [
      ['shuyuan2', [{ serial: 'T-002', outcome: 'second' }], 403, 'resolver_entered'],
      ['shuyuan3', [{ serial: 'T-002', outcome: 'second' }], 400, 'decision_missing'],
      [
        'shuyuan3',
        [
          { serial: 'T-002', outcome: 'second' },
          { serial: 'T-004', outcome: 'first' },
        ],
        400,
        'reading_unusable',
      ],
      ['qinfeng', [], 403, 'out_of_scope'],
    ];
    for (const [as, decisions, status, reason] of refusals) {
      const headBefore = await api.head();
      const reply = await resolveAs(as, decisions);
      expect({ status: reply.status, reason: reply.body.error?.data.reason }).toEqual({
        status,
        reason,
      });
      expect(await api.head()).toBe(headBefore);
    }

    const resolved = await resolveAs('shuyuan3', [
      { serial: 'T-002', outcome: 'second' },
      { serial: 'T-004', outcome: 'rejected', reason: '登记册上无此人签名' },
    ]);
    const counted = positionOf(resolved);
    expect((await view('shuyuan', batchId, counted)).counted).toEqual({ counted: 3, setAside: [] });
    expect(await bulletinSize()).toBe(before + 3);
    expect((await streamOf(id(0))).map((e) => e.type)).toEqual(['PaperBallotCounted']);
    expect(await streamOf(id(3))).toEqual([]);

    // One ballot per voter: the voter whose paper ballot counted cannot vote online, and is told why.
    const headBefore = await api.head();
    const online = await api.call(
      'ballot.cast',
      { ...place, choices: [pool[0]] },
      { headers: { authorization: `Bearer ${voters[0]!.token}` } },
    );
    expect(online.status).toBe(409);
    expect(online.body.error?.data.reason).toBe('paper_ballot_counted');
    expect(await api.head()).toBe(headBefore);

    const list = await api.call<{ batchId: string; status: string }[]>(
      'ballot.paperBatches.list',
      { ...place, minPosition: counted },
      { as: 'shuyuan', query: true },
    );
    expect(list.body.result!.data.find((b) => b.batchId === batchId)?.status).toBe('counted');
  });

  it('lists the problems of sheets for the resolver: voted online, used serial, ineligible, rule', async () => {
    const cast = await api.call(
      'ballot.cast',
      { ...place, choices: [pool[0]] },
      { headers: { authorization: `Bearer ${voters[4]!.token}` } },
    );
    expect(cast.status).toBe(200);
    const batchId = await open('shuyuan2', '2号票箱');
    const sheets: Sheet[] = [
      { serial: 'T-001', voterId: id(5), choices: [pool[0]!] },
      { serial: 'T-010', voterId: id(4), choices: [pool[0]!] },
      { serial: 'T-011', voterId: outsider.residentId, choices: [pool[0]!] },
      { serial: 'T-012', voterId: id(6), choices: pool.slice(0, 4) },
      { serial: 'T-013', voterId: id(7), choices: [pool[1]!] },
    ];
    positionOf(await enter('shuyuan2', batchId, sheets));
    const review = await view(
      'shuyuan',
      batchId,
      positionOf(await enter('shuyuan3', batchId, sheets)),
    );
    expect(
      review.toDecide.map((i) => [i.serial, i.mismatch, i.first!.problems.map((p) => p.code)]),
    ).toEqual([
      ['T-001', null, ['serial_taken']],
      ['T-010', null, ['voted_online']],
      ['T-011', null, ['not_eligible']],
      ['T-012', null, ['choices_break_rule']],
    ]);
    const reject = (serial: string) => ({ serial, outcome: 'rejected', reason: '核对不符' });
    const reply = await api.call<{ position: string }>(
      'ballot.paperBatches.resolve',
      {
        ...place,
        batchId,
        decisions: ['T-001', 'T-010', 'T-011', 'T-012'].map(reject),
      },
      { as: 'shuyuan' },
    );
    expect((await view('shuyuan', batchId, positionOf(reply))).counted).toEqual({
      counted: 1,
      setAside: [],
    });
    expect((await streamOf(id(4))).map((e) => e.type)).toEqual(['BallotCast']);
    expect((await streamOf(id(7))).map((e) => e.type)).toEqual(['PaperBallotCounted']);
  });

  it('counts a batch whose entries agree at once; refuses another community and outside voting', async () => {
    const batchId = await open('shuyuan', '3号票箱');
    const sheets: Sheet[] = [{ serial: 'T-020', voterId: id(8), choices: [pool[2]!] }];
    const foreign = await api.call(
      'ballot.paperBatches.enter',
      { cycleId: CYCLE, communityId: 'qinfeng', batchId, sheets },
      { as: 'qinfeng' },
    );
    expect(foreign.status).toBe(404);
    const head = await api.head();
    const screening = await api.call(
      'ballot.paperBatches.open',
      { cycleId: 'demo-cycle-yushan', communityId: COMMUNITY, label: '筛选阶段' },
      { as: 'shuyuan' },
    );
    expect(screening.status).toBe(409);
    expect(screening.body.error?.data.reason).toBe('not_voting');
    expect(await api.head()).toBe(head);
    positionOf(await enter('shuyuan', batchId, sheets));
    const entered = positionOf(await enter('shuyuan3', batchId, sheets));
    expect(await view('shuyuan2', batchId, entered)).toMatchObject({
      status: 'counted',
      counted: { counted: 1, setAside: [] },
    });
  });

  it('lets one batch only use a serial number when two count at once', async () => {
    const [a, b] = [await open('shuyuan', '4号票箱'), await open('shuyuan', '5号票箱')];
    const sheetA: Sheet[] = [{ serial: 'T-030', voterId: id(9), choices: [pool[0]!] }];
    const sheetB: Sheet[] = [{ serial: 'T-030', voterId: id(10), choices: [pool[1]!] }];
    await enter('shuyuan', a, sheetA);
    await enter('shuyuan', b, sheetB);
    const replies = await Promise.all([enter('shuyuan2', a, sheetA), enter('shuyuan2', b, sheetB)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    const claims = await api.runtime.store.readStream(ballotStreams.paperSerial(CYCLE, 'T-030'));
    expect(claims.map((e) => e.type)).toEqual(['PaperSerialClaimed']);
    const ballots = [...(await streamOf(id(9))), ...(await streamOf(id(10)))];
    expect(ballots.map((e) => e.type)).toEqual(['PaperBallotCounted']);
  });

  it('counts a paper ballot under its printed receipt; a receipt used elsewhere or misread waits for a resolver', async () => {
    const online = await api.call<{ receipt: string }>(
      'ballot.cast',
      { ...place, choices: [pool[2]] },
      { headers: { authorization: `Bearer ${voters[16]!.token}` } },
    );
    expect(online.status).toBe(200);
    const onlineReceipt = online.body.result!.data.receipt;
    const batchId = await open('shuyuan', '7号票箱');
    const sheet = (serial: string, voter: number, receipt: string): Sheet => ({
      serial,
      voterId: id(voter),
      choices: [pool[1]!],
      receipt,
    });
    // Typed in lower case by one worker: the receipt is read as printed (upper case).
    expect(
      (
        await enter('shuyuan', batchId, [
          sheet('T-050', 13, 'pbrc-0000-0000-0001'),
          sheet('T-051', 14, 'PBRC-0000-0000-0002'),
          sheet('T-052', 15, onlineReceipt),
        ])
      ).status,
    ).toBe(200);
    const second = [
      sheet('T-050', 13, 'PBRC-0000-0000-0001'),
      sheet('T-051', 14, 'PBRC-0000-0000-0008'),
      sheet('T-052', 15, onlineReceipt),
    ];
    const entered = positionOf(await enter('shuyuan2', batchId, second));
    // The receipts are sealed with the choices: never in the clear in the batch's events.
    const events = await api.runtime.store.readStream(ballotStreams.paperBatch(CYCLE, batchId));
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('PBRC-0000-0000-0001');

    const review = await view('shuyuan3', batchId, entered);
    expect(
      review.toDecide.map((i) => [
        i.serial,
        i.mismatch,
        i.first!.receipt,
        i.second!.receipt,
        i.first!.problems.map((p) => p.code),
      ]),
    ).toEqual([
      ['T-051', 'receipt', 'PBRC-0000-0000-0002', 'PBRC-0000-0000-0008', []],
      ['T-052', null, onlineReceipt, onlineReceipt, ['receipt_taken']],
    ]);
    const resolved = await api.call<{ position: string }>(
      'ballot.paperBatches.resolve',
      {
        ...place,
        batchId,
        decisions: [
          { serial: 'T-051', outcome: 'first' },
          { serial: 'T-052', outcome: 'rejected', reason: '回执码已被使用' },
        ],
      },
      { as: 'shuyuan3' },
    );
    expect((await view('shuyuan', batchId, positionOf(resolved))).counted).toEqual({
      counted: 2,
      setAside: [],
    });
    for (const voter of [13, 14]) {
      expect((await streamOf(id(voter))).map((e) => e.type)).toEqual(['PaperBallotCounted']);
    }

    // A receipt another batch counted is listed for the resolver, not counted again.
    const again = await open('shuyuan', '8号票箱');
    const copied = [sheet('T-053', 17, 'PBRC-0000-0000-0001')];
    positionOf(await enter('shuyuan', again, copied));
    const listed = await view(
      'shuyuan3',
      again,
      positionOf(await enter('shuyuan2', again, copied)),
    );
    expect(listed.status).toBe('to_resolve');
    expect(listed.toDecide[0]!.first!.problems.map((p) => p.code)).toEqual(['receipt_taken']);
  });

  it('lets one sheet only use a receipt when two batches count at once', async () => {
    const [a, b] = [await open('shuyuan', '9号票箱'), await open('shuyuan', '10号票箱')];
    const receipt = 'PBRC-0000-0000-0003';
    const sheetA: Sheet[] = [{ serial: 'T-060', voterId: id(18), choices: [pool[0]!], receipt }];
    const sheetB: Sheet[] = [{ serial: 'T-061', voterId: id(19), choices: [pool[1]!], receipt }];
    await enter('shuyuan', a, sheetA);
    await enter('shuyuan', b, sheetB);
    const replies = await Promise.all([enter('shuyuan2', a, sheetA), enter('shuyuan2', b, sheetB)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    const key = api.runtime.services.ballotSeal!.receiptKey(CYCLE, receipt);
    const claims = await api.runtime.store.readStream(ballotStreams.paperReceipt(CYCLE, key));
    expect(claims.map((e) => e.type)).toEqual(['PaperReceiptClaimed']);
    // The other sheet is set aside by its count, or waits for a resolver if it was reviewed late.
    const ballots = [...(await streamOf(id(18))), ...(await streamOf(id(19)))];
    expect(ballots.map((e) => e.type)).toEqual(['PaperBallotCounted']);
  });

  // A second PostgreSQL connection holds the bulletin back (its table locked against writes) while a
  // voter casts online: the ballot is in the store, not yet on the bulletin the review reads.
  it.runIf(name === 'postgres')(
    'reviews a batch on every ballot cast before it, though the bulletin has not caught up',
    async () => {
      const release = await holdReadModelTable(api.runtime, 'bal_bulletin');
      let restoreWait = () => {};
      try {
        const online = await api.call<{ receipt: string; position: string }>(
          'ballot.cast',
          { ...place, choices: [pool[2]] },
          { headers: { authorization: `Bearer ${voters[20]!.token}` } },
        );
        // Released once the server waits for the read models to hold the ballot (or has answered).
        const ballotWait = waitsBeyond(api.runtime, BigInt(positionOf(online)) - 1n);
        restoreWait = ballotWait.restore;
        const waitsForBallot = ballotWait.waiting;
        const batchId = await open('shuyuan', '11号票箱');
        const sheets: Sheet[] = [
          {
            serial: 'T-070',
            voterId: id(21),
            choices: [pool[1]!],
            receipt: online.body.result!.data.receipt,
          },
        ];
        positionOf(await enter('shuyuan', batchId, sheets));
        const second = enter('shuyuan2', batchId, sheets);
        await Promise.race([waitsForBallot, second]);
        await release();
        const listed = await view('shuyuan3', batchId, positionOf(await second));
        expect(listed.status).toBe('to_resolve');
        expect(listed.toDecide[0]!.first!.problems.map((p) => p.code)).toEqual(['receipt_taken']);
        expect(await streamOf(id(21))).toEqual([]);
      } finally {
        restoreWait();
        await release();
      }
    },
  );

  it('finishes a count cut short without counting any ballot twice, before the vote closes', async () => {
    const { store, services } = api.runtime;
    const seal = services.ballotSeal!;
    const batchId = 'pb-crashed';
    const meta: EventMetadata = {
      actor: 'demo-shuyuan3',
      channel: 'paper',
      occurredAt: new Date().toISOString(),
    };
    const event = <T extends BallotEventType>(type: T, data: unknown) =>
      newEvent(type, data, meta, ballotEventSchemas[type].version);
    const sheets = [11, 12].map((i) => ({
      serial: `T-04${i}`,
      voterId: id(i),
      choices: seal.sealEntry(place, { choices: [pool[0]!] }),
    }));
    const accepted = sheets.map((s) => ({
      serial: s.serial,
      voterId: s.voterId,
      sealed: seal.seal(place, {
        receipt: `PBCR-ASH0-0000-000${s.serial.at(-1)}`,
        choices: [pool[0]!],
      }),
    }));
    const ref = { cycleId: CYCLE, batchId };
    await store.append(ballotStreams.paperBatch(CYCLE, batchId), [
      event('PaperBatchOpened', {
        ...ref,
        communityId: COMMUNITY,
        label: '6号票箱',
        openedBy: 'demo-shuyuan',
      }),
      event('PaperBatchEntered', { ...ref, entry: 1, enteredBy: 'demo-shuyuan', sheets }),
      event('PaperBatchEntered', { ...ref, entry: 2, enteredBy: 'demo-shuyuan2', sheets }),
      event('PaperBatchResolved', { ...ref, decisions: [], accepted }),
    ]);
    // The process died after the first sheet's serial, receipt and ballot were written.
    const [done] = accepted;
    await store.append(ballotStreams.paperSerial(CYCLE, done!.serial), [
      event('PaperSerialClaimed', { ...ref, serial: done!.serial }),
    ]);
    await store.append(
      ballotStreams.paperReceipt(CYCLE, seal.receiptKey(CYCLE, 'PBCR-ASH0-0000-0001')),
      [event('PaperReceiptClaimed', { ...ref, serial: done!.serial })],
    );
    await store.append(ballotStreams.ballot(CYCLE, done!.voterId), [
      event('PaperBallotCounted', {
        ...ref,
        communityId: COMMUNITY,
        voterId: done!.voterId,
        sealed: done!.sealed,
        serial: done!.serial,
      }),
    ]);
    const before = await bulletinSize();
    const appended = (await api.head())!;
    expect((await view('shuyuan', batchId, appended)).status).toBe('counting');

    // The cycle's street officers see which batch holds the vote open; nobody else does.
    expect(await uncounted('yushan', appended)).toEqual({
      status: 200,
      batches: [{ batchId, communityId: COMMUNITY, label: '6号票箱' }],
    });
    expect((await uncounted('shuyuan', appended)).status).toBe(403);
    expect((await uncounted('qinchuan', appended)).status).toBe(403);

    // Its count needs voting open: the vote does not close until the batch is counted.
    const unfinished = await api.head();
    const closing = await closeVote();
    expect(closing.status).toBe(409);
    expect(closing.body.error?.data.reason).toBe('paper_count_unfinished');
    expect(closing.body.error?.message).toContain('6号票箱');
    expect(await api.head()).toBe(unfinished);

    const count = () =>
      api.call<{ position: string }>(
        'ballot.paperBatches.count',
        { ...place, batchId },
        { as: 'shuyuan' },
      );
    const finished = positionOf(await count());
    expect((await view('shuyuan', batchId, finished)).counted).toEqual({
      counted: 2,
      setAside: [],
    });
    for (const sheet of accepted) {
      expect((await streamOf(sheet.voterId)).map((e) => e.type)).toEqual(['PaperBallotCounted']);
      const claims = await store.readStream(ballotStreams.paperSerial(CYCLE, sheet.serial));
      expect(claims).toHaveLength(1);
    }
    expect(await bulletinSize()).toBe(before + 1);

    expect(await uncounted('yushan', finished)).toEqual({ status: 200, batches: [] });

    const head = await api.head();
    expect((await count()).status).toBe(200);
    expect(await api.head()).toBe(head);
  });

  it('counts paper ballots in the tally when the vote closes, and enters no more after', async () => {
    const size = await bulletinSize();
    const close = await closeVote();
    const closed = positionOf(close);
    const result = await api.call<{
      tally: { ballotCount: number };
      recount: { matches: boolean };
    } | null>('ballot.result', { ...place, minPosition: closed }, { query: true });
    expect(result.body.result?.data).toMatchObject({
      tally: { ballotCount: size },
      recount: { matches: true },
    });
    // The voters of the sheets whose printed receipts the workers typed find their ballots.
    for (const receipt of ['PBRC-0000-0000-0001', 'pbrc-0000-0000-0002']) {
      const found = await api.call(
        'ballot.findReceipt',
        { cycleId: CYCLE, receipt, minPosition: closed },
        { query: true },
      );
      expect(found.body.result?.data).toEqual({
        published: true,
        ballot: { receipt: receipt.toUpperCase(), communityId: COMMUNITY, choices: [pool[1]!] },
      });
    }
    const late = await api.call(
      'ballot.paperBatches.open',
      { ...place, label: '迟到的票箱' },
      { as: 'shuyuan' },
    );
    expect(late.body.error?.data.reason).toBe('not_voting');
  });
});
