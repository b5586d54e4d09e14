import { describe, expect, it } from 'vitest';
import { given, refused } from '../given.ts';
import {
  ballotDecider,
  paperBallotDecider,
  paperBatchDecider,
  paperReceiptDecider,
  paperSerialDecider,
  reviewPaperBatch,
} from '../../src/ballot/index.ts';
import type {
  BallotEvent,
  OpenedSheet,
  PaperBatchCommand,
  PaperContext,
  PaperDecision,
} from '../../src/ballot/index.ts';
import { cycleDecider, type CycleCommand, type CycleState } from '../../src/cycle/index.ts';
import { DomainError, fold } from '../../src/shared/index.ts';
import { advanced, cycleAt, drafted, published, residentOf } from '../cycle/fixtures.ts';

const voting = cycleAt('voting') as Extract<CycleState, { status: 'published' }>;
const pool = ['p1', 'p2', 'p3', 'p4'].map((proposalId) => ({ proposalId, cost: 1_000_000 }));

const opened: BallotEvent = {
  type: 'PaperBatchOpened',
  data: { cycleId: 'c2025', batchId: 'b1', communityId: 'hupan', label: '1号票箱', openedBy: 'w1' },
};
const sheet = (serial: string, voterId: string, choices = `sealed-${serial}`) => ({
  serial,
  voterId,
  choices,
});
const entered = (entry: 1 | 2, enteredBy: string): BallotEvent => ({
  type: 'PaperBatchEntered',
  data: {
    cycleId: 'c2025',
    batchId: 'b1',
    entry,
    enteredBy,
    sheets: [sheet('A001', 'r1'), sheet('A002', 'r2')],
  },
});

const enter = (enteredBy: string, sheets = [sheet('A001', 'r1')]): PaperBatchCommand => ({
  type: 'EnterPaperBatch',
  data: { cycleId: 'c2025', batchId: 'b1', enteredBy, sheets },
  cycle: voting,
});

const context = (overrides: Partial<PaperContext> = {}): PaperContext => ({
  cycle: voting,
  communityId: 'hupan',
  pool,
  voters: new Map(['r1', 'r2', 'r3'].map((id) => [id, residentOf('hupan')])),
  voted: new Map(),
  serialsTaken: new Set(),
  receiptsTaken: new Set(),
  ...overrides,
});

const first: OpenedSheet[] = [
  { serial: 'A001', voterId: 'r1', choices: ['p1', 'p2'] },
  { serial: 'A002', voterId: 'r2', choices: ['p3'] },
  { serial: 'A003', voterId: 'r3', choices: ['p1'] },
];

const resolve = (
  resolvedBy: string | undefined,
  decisions: PaperDecision[],
  review = reviewPaperBatch(first, first, context()),
): PaperBatchCommand => ({
  type: 'ResolvePaperBatch',
  data: {
    cycleId: 'c2025',
    batchId: 'b1',
    ...(resolvedBy && { resolvedBy }),
    decisions,
  },
  cycle: voting,
  review,
  seal: (s) => `ballot:${s.serial}:${s.receipt ?? 'new'}:${s.choices.join('+')}`,
});

describe('opening and entering a batch', () => {
  it('opens a batch during voting only', () => {
    const open: PaperBatchCommand = {
      type: 'OpenPaperBatch',
      data: opened.data as never,
      cycle: voting,
    };
    given(paperBatchDecider, []).when(open).then([opened]);
    given(paperBatchDecider, [])
      .when({ ...open, cycle: cycleAt('publicity') })
      .then(refused('conflict', 'not_voting'));
    given(paperBatchDecider, [opened]).when(open).then(refused('conflict', 'batch_exists'));
  });

  it('numbers the first and second entries', () => {
    given(paperBatchDecider, [opened])
      .when(enter('w1'))
      .then([
        {
          type: 'PaperBatchEntered',
          data: {
            cycleId: 'c2025',
            batchId: 'b1',
            enteredBy: 'w1',
            sheets: [sheet('A001', 'r1')],
            entry: 1,
          },
        },
      ]);
    given(paperBatchDecider, [opened, entered(1, 'w1')])
      .when(enter('w2'))
      .then([
        {
          type: 'PaperBatchEntered',
          data: {
            cycleId: 'c2025',
            batchId: 'b1',
            enteredBy: 'w2',
            sheets: [sheet('A001', 'r1')],
            entry: 2,
          },
        },
      ]);
  });

  it('takes the second entry from a different worker, and no third', () => {
    given(paperBatchDecider, [opened, entered(1, 'w1')])
      .when(enter('w1'))
      .then(refused('forbidden', 'same_worker_entry'));
    given(paperBatchDecider, [opened, entered(1, 'w1'), entered(2, 'w2')])
      .when(enter('w3'))
      .then(refused('conflict', 'batch_entered_twice'));
  });

  it('refuses a serial number twice in one entry, and an unknown batch', () => {
    given(paperBatchDecider, [opened])
      .when(enter('w1', [sheet('A001', 'r1'), sheet('A001', 'r2')]))
      .then(refused('invalid', 'serial_repeated'));
    given(paperBatchDecider, []).when(enter('w1')).then(refused('not_found', 'batch_not_found'));
  });
});

describe('comparing the two entries', () => {
  it('lists serials in one entry only, different voters and different choices', () => {
    const second: OpenedSheet[] = [
      { serial: 'A001', voterId: 'r1', choices: ['p2', 'p1'] },
      { serial: 'A002', voterId: 'r3', choices: ['p3'] },
      { serial: 'A004', voterId: 'r2', choices: ['p4'] },
    ];
    const review = reviewPaperBatch(first, second, context());
    expect(review.map((i) => [i.serial, i.mismatch, i.needsDecision])).toEqual([
      ['A001', undefined, false],
      ['A002', 'voter', true],
      ['A003', 'only_first', true],
      ['A004', 'only_second', true],
    ]);
  });

  it('finds the problems of a reading: eligibility, another ballot, a used serial, the rule', () => {
    const sheets: OpenedSheet[] = [
      { serial: 'A001', voterId: 'r1', choices: ['p1', 'p2', 'p3', 'p4'] },
      { serial: 'A002', voterId: 'r2', choices: ['p1'] },
      { serial: 'A003', voterId: 'r3', choices: ['p1'] },
      { serial: 'A004', voterId: 'young', choices: ['p1'] },
    ];
    const review = reviewPaperBatch(
      sheets,
      sheets,
      context({
        voters: new Map([
          ['r1', residentOf('hupan')],
          ['r2', residentOf('hupan')],
          ['r3', residentOf('hupan')],
          ['young', residentOf('hupan', 2015)],
        ]),
        voted: new Map([['r2', 'online']]),
        serialsTaken: new Set(['A003']),
      }),
    );
    expect(review.map((i) => i.first!.problems.map((p) => p.code))).toEqual([
      ['choices_break_rule'],
      ['voted_online'],
      ['serial_taken'],
      ['not_eligible'],
    ]);
    expect(review.every((i) => i.needsDecision && i.mismatch === undefined)).toBe(true);
  });

  it('compares the receipts, and finds a receipt used elsewhere or twice in the entry', () => {
    const withReceipts: OpenedSheet[] = [
      { ...first[0]!, receipt: 'AAAA-BBBB-CCCC-0001' },
      { ...first[1]!, receipt: 'AAAA-BBBB-CCCC-0002' },
      { ...first[2]!, receipt: 'AAAA-BBBB-CCCC-0003' },
    ];
    const misread = [withReceipts[0]!, { ...withReceipts[1]!, receipt: 'AAAA-BBBB-CCCC-0008' }];
    expect(
      reviewPaperBatch(withReceipts.slice(0, 2), misread, context()).map((i) => i.mismatch),
    ).toEqual([undefined, 'receipt']);
    // An old sheet typed without a receipt in one entry differs from one typed with it.
    expect(
      reviewPaperBatch([first[0]!], [withReceipts[0]!], context()).map((i) => i.mismatch),
    ).toEqual(['receipt']);
    const repeated = [
      ...withReceipts.slice(0, 2),
      { ...first[2]!, receipt: 'AAAA-BBBB-CCCC-0001' },
    ];
    const review = reviewPaperBatch(
      repeated,
      repeated,
      context({ receiptsTaken: new Set(['AAAA-BBBB-CCCC-0002']) }),
    );
    expect(review.map((i) => i.first!.problems.map((p) => p.code))).toEqual([
      ['receipt_repeated'],
      ['receipt_taken'],
      ['receipt_repeated'],
    ]);
  });
});

describe('resolving a batch', () => {
  const both = [opened, entered(1, 'w1'), entered(2, 'w2')];
  const second: OpenedSheet[] = [
    first[0]!,
    { serial: 'A002', voterId: 'r2', choices: ['p4'] },
    first[2]!,
  ];
  const differing = reviewPaperBatch(first, second, context());

  it('counts matching entries without a resolver, sealing each accepted sheet', () => {
    given(paperBatchDecider, both)
      .when(resolve(undefined, []))
      .then([
        {
          type: 'PaperBatchResolved',
          data: {
            cycleId: 'c2025',
            batchId: 'b1',
            decisions: [],
            accepted: [
              { serial: 'A001', voterId: 'r1', sealed: 'ballot:A001:new:p1+p2' },
              { serial: 'A002', voterId: 'r2', sealed: 'ballot:A002:new:p3' },
              { serial: 'A003', voterId: 'r3', sealed: 'ballot:A003:new:p1' },
            ],
          },
        },
      ]);
  });

  it('waits for a third worker when the entries differ', () => {
    given(paperBatchDecider, both)
      .when(resolve(undefined, [], differing))
      .then(refused('conflict', 'mismatches_to_resolve'));
    given(paperBatchDecider, both)
      .when(resolve('w1', [{ serial: 'A002', outcome: 'second' }], differing))
      .then(refused('forbidden', 'resolver_entered'));
    given(paperBatchDecider, both)
      .when(resolve('w3', [], differing))
      .then(refused('invalid', 'decision_missing'));
    given(paperBatchDecider, both)
      .when(resolve('w3', [{ serial: 'A001', outcome: 'first' }], differing))
      .then(refused('invalid', 'decision_not_needed'));
  });

  it('takes the picked reading, or leaves out a rejected sheet', () => {
    given(paperBatchDecider, both)
      .when(resolve('w3', [{ serial: 'A002', outcome: 'second' }], differing))
      .then([
        {
          type: 'PaperBatchResolved',
          data: {
            cycleId: 'c2025',
            batchId: 'b1',
            resolvedBy: 'w3',
            decisions: [{ serial: 'A002', outcome: 'second' }],
            accepted: [
              { serial: 'A001', voterId: 'r1', sealed: 'ballot:A001:new:p1+p2' },
              { serial: 'A002', voterId: 'r2', sealed: 'ballot:A002:new:p4' },
              { serial: 'A003', voterId: 'r3', sealed: 'ballot:A003:new:p1' },
            ],
          },
        },
      ]);
    const rejected: PaperDecision = { serial: 'A002', outcome: 'rejected', reason: '字迹不清' };
    given(paperBatchDecider, both)
      .when(resolve('w3', [rejected], differing))
      .then([
        {
          type: 'PaperBatchResolved',
          data: {
            cycleId: 'c2025',
            batchId: 'b1',
            resolvedBy: 'w3',
            decisions: [rejected],
            accepted: [
              { serial: 'A001', voterId: 'r1', sealed: 'ballot:A001:new:p1+p2' },
              { serial: 'A003', voterId: 'r3', sealed: 'ballot:A003:new:p1' },
            ],
          },
        },
      ]);
  });

  it('refuses to pick a reading with a problem, or two sheets of one voter', () => {
    const votedOnline = reviewPaperBatch(
      first,
      first,
      context({ voted: new Map([['r2', 'online']]) }),
    );
    given(paperBatchDecider, both)
      .when(resolve('w3', [{ serial: 'A002', outcome: 'first' }], votedOnline))
      .then(refused('invalid', 'reading_unusable'));
    // A mistyped serial: the same voter under A003 in one entry and A009 in the other.
    const retyped = reviewPaperBatch(
      first,
      [first[0]!, first[1]!, { ...first[2]!, serial: 'A009' }],
      context(),
    );
    given(paperBatchDecider, both)
      .when(
        resolve(
          'w3',
          [
            { serial: 'A003', outcome: 'first' },
            { serial: 'A009', outcome: 'second' },
          ],
          retyped,
        ),
      )
      .then(refused('invalid', 'voter_accepted_twice'));
  });

  it('seals the receipt typed for a sheet, and refuses one receipt on two counted sheets', () => {
    const typed = [{ ...first[0]!, receipt: 'AAAA-BBBB-CCCC-0001' }, first[1]!, first[2]!];
    const accepted = fold(paperBatchDecider, [
      ...both,
      ...paperBatchDecider.decide(
        resolve(undefined, [], reviewPaperBatch(typed, typed, context())),
        fold(paperBatchDecider, both),
      ),
    ]);
    expect(accepted.status === 'open' && accepted.resolved?.accepted.map((a) => a.sealed)).toEqual([
      'ballot:A001:AAAA-BBBB-CCCC-0001:p1+p2',
      'ballot:A002:new:p3',
      'ballot:A003:new:p1',
    ]);
    // The readings of A003 differ in the receipt, the second repeating A001's (a problem of A001
    // in that entry too): the resolver picks the first readings.
    const second = [typed[0]!, typed[1]!, { ...first[2]!, receipt: 'AAAA-BBBB-CCCC-0001' }];
    const misread = reviewPaperBatch(typed, second, context());
    expect(misread.map((i) => i.needsDecision)).toEqual([true, false, true]);
    const picks: PaperDecision[] = [
      { serial: 'A001', outcome: 'first' },
      { serial: 'A003', outcome: 'first' },
    ];
    given(paperBatchDecider, both)
      .when(resolve('w3', picks, misread))
      .then([
        {
          type: 'PaperBatchResolved',
          data: {
            cycleId: 'c2025',
            batchId: 'b1',
            resolvedBy: 'w3',
            decisions: picks,
            accepted: [
              { serial: 'A001', voterId: 'r1', sealed: 'ballot:A001:AAAA-BBBB-CCCC-0001:p1+p2' },
              { serial: 'A002', voterId: 'r2', sealed: 'ballot:A002:new:p3' },
              { serial: 'A003', voterId: 'r3', sealed: 'ballot:A003:new:p1' },
            ],
          },
        },
      ]);
    // Across entries, a repeat no single reading shows: A002 read as A001's receipt in one entry.
    const crossed = reviewPaperBatch(
      [typed[0]!, { ...first[1]!, receipt: 'AAAA-BBBB-CCCC-0009' }],
      [
        { ...first[0]!, receipt: 'AAAA-BBBB-CCCC-0008' },
        { ...first[1]!, receipt: 'AAAA-BBBB-CCCC-0001' },
      ],
      context(),
    );
    given(paperBatchDecider, both)
      .when(
        resolve(
          'w3',
          [
            { serial: 'A001', outcome: 'first' },
            { serial: 'A002', outcome: 'second' },
          ],
          crossed,
        ),
      )
      .then(refused('invalid', 'receipt_accepted_twice'));
  });

  it('refuses once resolved, and before two entries', () => {
    const resolved: BallotEvent = {
      type: 'PaperBatchResolved',
      data: { cycleId: 'c2025', batchId: 'b1', decisions: [], accepted: [] },
    };
    given(paperBatchDecider, [...both, resolved])
      .when(resolve('w3', []))
      .then(refused('conflict', 'batch_resolved'));
    given(paperBatchDecider, [opened, entered(1, 'w1')])
      .when(resolve('w3', []))
      .then(refused('conflict', 'batch_not_entered_twice'));
  });

  it('records the count once', () => {
    const resolved: BallotEvent = {
      type: 'PaperBatchResolved',
      data: { cycleId: 'c2025', batchId: 'b1', decisions: [], accepted: [] },
    };
    const counted: BallotEvent = {
      type: 'PaperBatchCounted',
      data: { cycleId: 'c2025', batchId: 'b1', counted: 0, setAside: [] },
    };
    const record: PaperBatchCommand = { type: 'RecordPaperCount', data: counted.data as never };
    given(paperBatchDecider, [...both, resolved])
      .when(record)
      .then([counted]);
    given(paperBatchDecider, [...both, resolved, counted])
      .when(record)
      .then([]);
  });
});

describe('counting a paper ballot', () => {
  const data = {
    cycleId: 'c2025',
    communityId: 'hupan',
    voterId: 'r1',
    sealed: 'v1.paper',
    batchId: 'b1',
    serial: 'A001',
  };
  const count = { type: 'CountPaperBallot' as const, data, cycle: voting };
  const counted: BallotEvent = { type: 'PaperBallotCounted', data };

  it('becomes the voter’s ballot once, and again is nothing new', () => {
    given(paperBallotDecider, []).when(count).then([counted]);
    given(paperBallotDecider, [counted]).when(count).then([]);
  });

  it('is refused for a voter who has voted, and outside voting', () => {
    const online: BallotEvent = {
      type: 'BallotCast',
      data: { cycleId: 'c2025', communityId: 'hupan', voterId: 'r1', sealed: 'v1.online' },
    };
    given(paperBallotDecider, [online]).when(count).then(refused('conflict', 'already_voted'));
    given(paperBallotDecider, [])
      .when({ ...count, cycle: cycleAt('publicity') })
      .then(refused('conflict', 'not_voting'));
  });

  it('keeps the voter from casting online afterwards, and says why', () => {
    given(ballotDecider, [counted])
      .when({
        type: 'CastBallot',
        data: {
          cycleId: 'c2025',
          communityId: 'hupan',
          voterId: 'r1',
          choices: ['p1'],
          sealed: 'v1.x',
        },
        cycle: voting,
        voter: residentOf('hupan'),
        pool,
      })
      .then(refused('conflict', 'paper_ballot_counted'));
  });
});

describe('claiming a serial number', () => {
  const data = { cycleId: 'c2025', batchId: 'b1', serial: 'A001' };
  const claimed: BallotEvent = { type: 'PaperSerialClaimed', data };

  it('claims a serial once per cycle, again for the same batch is nothing new', () => {
    given(paperSerialDecider, []).when({ type: 'ClaimPaperSerial', data }).then([claimed]);
    given(paperSerialDecider, [claimed]).when({ type: 'ClaimPaperSerial', data }).then([]);
    given(paperSerialDecider, [claimed])
      .when({ type: 'ClaimPaperSerial', data: { ...data, batchId: 'b2' } })
      .then(refused('conflict', 'serial_taken'));
  });
});

describe('claiming a receipt', () => {
  const data = { cycleId: 'c2025', batchId: 'b1', serial: 'A001' };
  const claimed: BallotEvent = { type: 'PaperReceiptClaimed', data };

  it('claims a receipt once per cycle, again for the same sheet is nothing new', () => {
    given(paperReceiptDecider, []).when({ type: 'ClaimPaperReceipt', data }).then([claimed]);
    given(paperReceiptDecider, [claimed]).when({ type: 'ClaimPaperReceipt', data }).then([]);
    given(paperReceiptDecider, [claimed])
      .when({ type: 'ClaimPaperReceipt', data: { ...data, serial: 'A002' } })
      .then(refused('conflict', 'receipt_taken'));
    given(paperReceiptDecider, [claimed])
      .when({ type: 'ClaimPaperReceipt', data: { ...data, batchId: 'b2' } })
      .then(refused('conflict', 'receipt_taken'));
  });
});

describe('closing the vote with paper batches', () => {
  const inVoting = [
    drafted,
    published,
    advanced('announced', 'proposing'),
    advanced('proposing', 'screening'),
    advanced('screening', 'voting'),
  ];
  const close = (uncountedPaperBatches: string[]): CycleCommand => ({
    type: 'AdvanceCyclePhase',
    data: { cycleId: 'c2025', to: 'publicity' },
    now: '2025-05-08T02:00:00Z',
    uncountedPaperBatches,
  });

  it('closes once every resolved batch is fully counted', () =>
    given(cycleDecider, inVoting)
      .when(close([]))
      .then([
        {
          type: 'CyclePhaseAdvanced',
          data: {
            cycleId: 'c2025',
            from: 'voting',
            to: 'publicity',
            at: '2025-05-08T02:00:00Z',
            scheduledFor: '2025-05-08',
          },
        },
      ]));

  it('is refused while a resolved batch is not fully counted, naming the batches', () => {
    given(cycleDecider, inVoting)
      .when(close(['1号票箱']))
      .then(refused('conflict', 'paper_count_unfinished'));
    const state = fold(cycleDecider, inVoting);
    const refusal = (() => {
      try {
        cycleDecider.decide(close(['1号票箱', '2号票箱']), state);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).text).toEqual({
      'zh-CN': expect.stringContaining('纸质选票批次「1号票箱」、「2号票箱」已经核定'),
      en: expect.stringContaining('batches “1号票箱”, “2号票箱” have been resolved'),
    });
  });
});
