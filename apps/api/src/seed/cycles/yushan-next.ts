import { advanceCyclePhase, cycleCommands } from '@gongzhi/api';
import { demoCycle, type DemoCycle, type DemoCycleContext } from './steps.ts';

const cycleId = 'demo-cycle-yushan-next';

/**
 * 虞山街道's second cycle of next year, open for proposals since three days ago, still empty: the
 * next cycle its authors not selected in the summer can carry their proposals into.
 */
export const yushanNextCycle: DemoCycle = { cycleId, seed: seedNextCycle };

async function seedNextCycle({ thisYear, day, by }: DemoCycleContext): Promise<void> {
  const year = thisYear + 1;
  const officer = 'demo-yushan';
  await cycleCommands.draftCycle(by(officer, -10), {
    cycleId,
    streetId: 'yushan',
    ...demoCycle(
      `${year}年度第二批民生微实事`,
      `Micro-projects ${year}, second round`,
      year,
      [
        ['shuyuan', 150_000],
        ['hongqiao', 100_000],
      ],
      {
        proposing: day(-3),
        screening: day(27),
        voting: day(47),
        publicity: day(57),
        implementing: day(65),
        evaluating: day(250),
        closed: day(300),
      },
    ),
  });
  await cycleCommands.publishCycle(by(officer, -8), { cycleId });
  await advanceCyclePhase(by(officer, -3), { cycleId, to: 'proposing' });
}
