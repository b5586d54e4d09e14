// Demo data: the places, a demo staff account for every staff role, a few residents, and eight
// micro-project cycles: 虞山街道's in screening with proposals in every state, its autumn one in
// voting, its summer one on public notice (公示), its spring one with the notice over, ready to be
// confirmed, its first one of the year being evaluated with an author still owed feedback (its one
// project settled), its next one open for proposals (empty), and 书院社区's own being implemented
// with a project at every stage; 琴川街道's open for proposals. Every
// record is written through the commands, as a person would write it, and only once (see
// streamIsMissing), so the first start seeds and later starts leave the data as they find it.
import { cycleStreams } from '@gongzhi/domain';
import type { BallotSeal } from '@gongzhi/projections/ballot';
import { DEMO_ACCOUNTS, seedStaffAccounts, type DemoSignIn } from './accounts.ts';
import { confirmCycle } from './cycles/confirm.ts';
import { evaluatingCycle } from './cycles/evaluating.ts';
import { implementingCycle } from './cycles/implementing.ts';
import { noticeCycle } from './cycles/notice.ts';
import { qinchuanCycle } from './cycles/qinchuan.ts';
import type { DemoCycle } from './cycles/steps.ts';
import { votingCycle } from './cycles/voting.ts';
import { yushanNextCycle } from './cycles/yushan-next.ts';
import { yushanCycle } from './cycles/yushan.ts';
import { seedCommunityMeetings } from './meetings/communities.ts';
import { seedShuyuanMeetings } from './meetings/shuyuan.ts';
import { seedYushanStreetMeetings } from './meetings/yushan-street.ts';
import { seedCatalogues } from './catalogues.ts';
import { seedLedger } from './ledger.ts';
import { seedPlaces } from './places.ts';
import { DEMO_RESIDENT_SIGN_INS, seedResidents } from './residents.ts';
import { seedTeams } from './teams.ts';
import { datedFromToday, streamIsMissing, type SeedTarget } from './writers.ts';

/** In the order they are seeded, which is the order of their events in the log. */
const DEMO_CYCLES: DemoCycle[] = [
  yushanCycle,
  qinchuanCycle,
  votingCycle,
  noticeCycle,
  confirmCycle,
  evaluatingCycle,
  yushanNextCycle,
  implementingCycle,
];

/** Seeds what is missing of the demo data and returns the sign-ins for the start banner. */
export async function seedDemoData(
  deps: SeedTarget & {
    /** HMAC digest of a mobile number, as the resident procedures compute it. */
    digestPhone: (phone: string) => string;
    /** Seals the demo ballots, as casting online does. */
    ballotSeal: BallotSeal;
  },
): Promise<DemoSignIn[]> {
  const { store, readModels, ballotSeal } = deps;
  await seedPlaces(deps);
  await seedStaffAccounts(deps);
  const { today, day, by } = datedFromToday(deps);
  await seedResidents(deps, day, by);
  const thisYear = Number(today.slice(0, 4));
  for (const cycle of DEMO_CYCLES) {
    if (await streamIsMissing(store, cycleStreams.cycle(cycle.cycleId))) {
      await cycle.seed({ thisYear, day, by, ballotSeal });
    }
  }
  await seedShuyuanMeetings(deps, day, by);
  await seedCommunityMeetings(deps, day, by);
  await seedYushanStreetMeetings(deps, day, by);
  await seedLedger(deps, day, by);
  await seedCatalogues(deps, thisYear, by);
  await seedTeams(deps, day, by);
  // Pages and sign-in read the read model: let it include the seed before serving.
  const head = await store.headPosition();
  if (head !== undefined) await readModels.waitForPosition(head, 30_000);
  return [...DEMO_ACCOUNTS, ...DEMO_RESIDENT_SIGN_INS];
}
