// `npm run generate:changshu -- [--scale S] [--data DIR]`: a county-level city the size of
// Changshu (1.7 M residents in 340 communities of 14 streets, 750 k ballots, 4,000 meetings,
// about 10 M events) in an embedded store, for measuring restart, memory, page times and a full
// rebuild at that size (measure-changshu.ts; figures in docs/performance.md).
// Places, cycles, proposals, ballots and meetings go through the commands, as people's acts do;
// residents, 1.7 M of them, are appended to the store (through the personal-data codec, so their
// names and numbers are encrypted as the commands' would be), many appends in flight so that
// group commit shares the fsyncs. --scale 0.01 makes a city a hundredth of the size.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ballotCommands, meetingCommands, organisationCommands } from '@gongzhi/api';
import { hashPassword } from '@gongzhi/auth';
import { defaultBodyRules, residentEventSchemas, residentStreams } from '@gongzhi/domain';
import { newEvent, type EventMetadata } from '@gongzhi/eventstore';
import { content, seedCycleUpToVoting, type DemoProposal } from '../src/seed/cycles/steps.ts';
import { datedFromToday } from '../src/seed/writers.ts';
import { openRuntime, repoRoot, type Runtime } from '../src/runtime.ts';

export const CHANGSHU = {
  streets: 14,
  communities: 340,
  residents: 1_700_000,
  ballots: 750_000,
  meetings: 4_000,
};

/** Ids the measurements use to find their way around the generated city. */
export const changshuIds = {
  street: (s: number) => `cs-street-${s}`,
  community: (c: number) => `cs-community-${c}`,
  resident: (c: number, r: number) => `cs-r-${c}-${r}`,
  cycle: (s: number) => `cs-cycle-${s}`,
};

const version = (type: keyof typeof residentEventSchemas) => residentEventSchemas[type].version;

interface Size {
  communities: number;
  residentsPerCommunity: number;
  ballotsPerCommunity: number;
  meetingsPerCommunity: number;
}

export function sizeAt(scale: number): Size {
  return {
    communities: CHANGSHU.communities,
    residentsPerCommunity: Math.max(12, Math.round((CHANGSHU.residents * scale) / 340)),
    ballotsPerCommunity: Math.max(4, Math.round((CHANGSHU.ballots * scale) / 340)),
    meetingsPerCommunity: Math.max(1, Math.round((CHANGSHU.meetings * scale) / 340)),
  };
}

const streetOf = (c: number) => c % CHANGSHU.streets;

function log(started: number, line: string) {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(5);
  console.log(`[${seconds} s] ${line}`);
}

/** Generates the city into `runtime` (opened with the demo seed); returns the events appended. */
export async function generateChangshu(
  runtime: Runtime,
  size: Size,
  report: (line: string) => void = () => {},
): Promise<{ events: bigint }> {
  const target = { store: runtime.store, readModels: runtime.runner };
  const before = (await runtime.store.headPosition()) ?? 0n;
  const system: Parameters<typeof organisationCommands.registerStreet>[0] = {
    ...target,
    metadata: {
      actor: 'system',
      channel: 'system',
      correlationId: 'changshu',
      occurredAt: new Date().toISOString(),
    },
  };

  for (let s = 0; s < CHANGSHU.streets; s++) {
    await organisationCommands.registerStreet(system, {
      streetId: changshuIds.street(s),
      name: `常熟第${s + 1}街道`,
      nameEn: `Changshu Street ${s + 1}`,
    });
  }
  for (let c = 0; c < size.communities; c++) {
    await organisationCommands.registerCommunity(system, {
      communityId: changshuIds.community(c),
      streetId: changshuIds.street(streetOf(c)),
      kind: c % 5 === 4 ? 'village' : 'urban',
      name: `第${c + 1}社区`,
      nameEn: `Community ${c + 1}`,
    });
  }
  report(`${CHANGSHU.streets} streets and ${size.communities} communities registered`);

  await appendResidents(runtime, size, report);

  const { day, by } = datedFromToday(target);
  for (let s = 0; s < CHANGSHU.streets; s++) {
    const communities = [...Array(size.communities).keys()].filter((c) => streetOf(c) === s);
    await seedCycleUpToVoting(day, by, {
      cycleId: changshuIds.cycle(s),
      streetId: changshuIds.street(s),
      officer: 'system',
      title: [`常熟第${s + 1}街道民生微实事`, `Micro-projects of street ${s + 1}`],
      year: Number(day(0).slice(0, 4)),
      budgets: communities.map((c) => [changshuIds.community(c), 200_000]),
      schedule: {
        proposing: -60,
        screening: -35,
        voting: -3,
        publicity: 7,
        implementing: 15,
        evaluating: 200,
        closed: 260,
      },
      options: {},
      drafted: -70,
      published: -65,
      submitted: { from: -55, every: 0 },
      pools: communities.map((c) => ({
        communityId: changshuIds.community(c),
        worker: 'system',
        proposals: poolOf(c),
      })),
      roundTable: { day: -34, season: 'cs', proposer: false, notes: '全部入围' },
    });
  }
  report(`${CHANGSHU.streets} cycles in voting, five proposals per community`);
  await castBallots(runtime, size, report);
  await holdMeetings(runtime, size, report);

  const head = (await runtime.store.headPosition())!;
  await runtime.runner.waitForPosition(head, 3_600_000);
  return { events: head - before };
}

function poolOf(c: number): DemoProposal[] {
  const ideas: [string, 'works' | 'services' | 'goods', number][] = [
    ['楼道扶手', 'works', 30_000],
    ['长者助餐', 'services', 40_000],
    ['健身器材', 'goods', 25_000],
    ['路灯补装', 'works', 45_000],
    ['儿童托管', 'services', 35_000],
  ];
  return ideas.map(([title, category, cost], i) => [
    `cs-p-${c}-${i}`,
    changshuIds.resident(c, i),
    content(`${title}(第${c + 1}社区)`, `居民建议:${title}。`, category, cost, `第${c + 1}社区`),
    false,
  ]);
}

/**
 * Five events per resident, as registering online and having the tie verified writes them: the
 * phone claim, the registration (name and number encrypted), a password, the declared and the
 * verified tie. One argon2 hash serves all: hashing 1.7 M passwords would measure argon2.
 */
async function appendResidents(runtime: Runtime, size: Size, report: (line: string) => void) {
  const passwordHash = await hashPassword(randomBytes(12).toString('base64'));
  const at = new Date().toISOString();
  const meta: EventMetadata = {
    actor: 'system',
    channel: 'online',
    correlationId: 'changshu',
    occurredAt: at,
  };
  const total = size.communities * size.residentsPerCommunity;
  const register = async (n: number) => {
    const c = n % size.communities;
    const r = Math.floor(n / size.communities);
    const residentId = changshuIds.resident(c, r);
    const phoneDigest = runtime.services.residents.digestPhone(`13${String(n).padStart(9, '0')}`);
    await runtime.store.append(
      residentStreams.phone(phoneDigest),
      [newEvent('PhoneClaimed', { phoneDigest, residentId }, meta, version('PhoneClaimed'))],
      { expected: 'no_stream' },
    );
    const tie = {
      residentId,
      tieId: `${residentId}-t`,
      communityId: changshuIds.community(c),
      streetId: changshuIds.street(streetOf(c)),
    };
    await runtime.store.append(
      residentStreams.resident(residentId),
      [
        newEvent(
          'ResidentRegistered',
          {
            residentId,
            phoneDigest,
            birthYear: 1940 + (n % 66),
            channel: 'online',
            consent: { recordedBy: residentId, form: 'online', at },
            personal: { name: `居民${n}`, phone: `13${String(n).padStart(9, '0')}` },
          },
          meta,
          version('ResidentRegistered'),
        ),
        newEvent('PasswordChanged', { residentId, passwordHash }, meta, version('PasswordChanged')),
        newEvent(
          'CommunityTieDeclared',
          { ...tie, kind: 'lives' },
          meta,
          version('CommunityTieDeclared'),
        ),
        newEvent(
          'CommunityTieVerified',
          { ...tie, verifiedBy: 'system', personal: { note: '已核对居住证明' } },
          meta,
          version('CommunityTieVerified'),
        ),
      ],
      { expected: 'no_stream' },
    );
  };
  const inFlight = 256;
  let next = 0;
  let lastReport = performance.now();
  const worker = async () => {
    while (next < total) {
      await register(next++);
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        report(`residents: ${next.toLocaleString('en')} of ${total.toLocaleString('en')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  report(`${total.toLocaleString('en')} residents registered with a verified tie`);
}

async function castBallots(runtime: Runtime, size: Size, report: (line: string) => void) {
  // The ballots check each voter against the read models: let them catch up first.
  await runtime.runner.waitForPosition((await runtime.store.headPosition())!, 3_600_000);
  report('read models caught up with the residents');
  const seal = runtime.services.ballotSeal!;
  const total = size.communities * size.ballotsPerCommunity;
  let next = 0;
  let lastReport = performance.now();
  const worker = async () => {
    while (next < total) {
      const n = next++;
      const c = n % size.communities;
      const r = Math.floor(n / size.communities);
      const voterId = changshuIds.resident(c, r);
      await ballotCommands.castBallot(
        {
          store: runtime.store,
          readModels: runtime.runner,
          metadata: {
            actor: voterId,
            channel: 'online',
            correlationId: 'changshu',
            occurredAt: new Date().toISOString(),
          },
        },
        seal,
        {
          cycleId: changshuIds.cycle(streetOf(c)),
          communityId: changshuIds.community(c),
          voterId,
          choices: [`cs-p-${c}-${n % 5}`, `cs-p-${c}-${(n + 2) % 5}`],
        },
      );
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        report(`ballots: ${n.toLocaleString('en')} of ${total.toLocaleString('en')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  report(`${total.toLocaleString('en')} ballots cast`);
}

/** Each community's council of nine, meeting monthly: sign-ins, a motion and its vote. */
async function holdMeetings(runtime: Runtime, size: Size, report: (line: string) => void) {
  const { day, by } = datedFromToday({ store: runtime.store, readModels: runtime.runner });
  const meetingsOf = async (c: number) => {
    const communityId = changshuIds.community(c);
    const bodyId = `cs-body-${c}`;
    const worker = (offset: number) => by('system', offset);
    await meetingCommands.establishBody(worker(-400), {
      bodyId,
      communityId,
      streetId: changshuIds.street(streetOf(c)),
      kind: 'residents_council',
      name: `第${c + 1}社区居民议事会`,
      rules: defaultBodyRules('residents_council'),
    });
    const members = Array.from({ length: 9 }, (_, i) => changshuIds.resident(c, i));
    for (const [i, residentId] of members.entries()) {
      await meetingCommands.joinBody(worker(-400), {
        bodyId,
        residentId,
        role: i === 0 ? 'chair' : 'member',
        kind: 'resident',
        from: day(-400),
      });
    }
    for (let m = 0; m < size.meetingsPerCommunity; m++) {
      const held = -360 + Math.floor((m * 355) / size.meetingsPerCommunity);
      const meetingId = `cs-meeting-${c}-${m}`;
      await meetingCommands.conveneMeeting(worker(held - 5), {
        meetingId,
        bodyId,
        title: `第${m + 1}次议事会`,
        agenda: [{ itemId: `${meetingId}-i`, title: '社区事务', reserved: false }],
        startsAt: `${day(held)}T11:00:00.000Z`,
        place: `第${c + 1}社区议事厅`,
      });
      for (const residentId of members.slice(0, 6 + (m % 4))) {
        await meetingCommands.signIn(by(residentId, held), { meetingId, residentId, via: 'code' });
      }
      await meetingCommands.tableMotion(worker(held), {
        meetingId,
        motionId: `${meetingId}-m`,
        itemId: `${meetingId}-i`,
        text: '同意实施方案。',
      });
      await meetingCommands.voteOnMotion(worker(held), {
        meetingId,
        motionId: `${meetingId}-m`,
        vote: { method: 'count', for: 5, against: 1, abstain: 0 },
      });
      await meetingCommands.closeMeeting(worker(held), meetingId);
    }
  };
  let next = 0;
  const workerLoop = async () => {
    while (next < size.communities) await meetingsOf(next++);
  };
  await Promise.all(Array.from({ length: 16 }, workerLoop));
  report(`${(size.communities * size.meetingsPerCommunity).toLocaleString('en')} meetings held`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, data: { type: 'string' } },
  });
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale takes a number in (0, 1]');
  const dataDir = values.data ?? join(repoRoot, 'data-changshu');
  const started = performance.now();
  const runtime = await openRuntime({
    store: 'sqlite',
    dataDir,
    // What is generated can be generated again: no fsync per commit (a power cut loses the tail).
    durability: 'normal',
    seed: true,
    notificationSender: null,
  });
  try {
    if (((await runtime.store.headPosition()) ?? 0n) > 100_000n) {
      throw new Error(`${dataDir} holds a generated city already; choose another --data folder`);
    }
    const size = sizeAt(scale);
    log(started, `generating at scale ${scale} into ${dataDir}`);
    const { events } = await generateChangshu(runtime, size, (line) => log(started, line));
    const seconds = (performance.now() - started) / 1000;
    log(started, `${events.toLocaleString('en')} events in ${seconds.toFixed(0)} s`);
  } finally {
    await runtime.close();
  }
}
