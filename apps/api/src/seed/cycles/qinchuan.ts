import { advanceCyclePhase, cycleCommands, proposalCommands } from '@gongzhi/api';
import { content, demoCycle, type DemoCycle, type DemoCycleContext } from './steps.ts';

const cycleId = 'demo-cycle-qinchuan';

/** 琴川街道's cycle, open for proposals, with one proposal in 琴枫社区. */
export const qinchuanCycle: DemoCycle = { cycleId, seed: seedQinchuanCycle };

async function seedQinchuanCycle({ thisYear, day, by }: DemoCycleContext): Promise<void> {
  const year = thisYear + 1;
  const officer = 'demo-qinchuan';
  await cycleCommands.draftCycle(by(officer, -20), {
    cycleId,
    streetId: 'qinchuan',
    ...demoCycle(
      `${year}年度幸福微实事`,
      `Happiness micro-projects ${year}`,
      year,
      [
        ['qinfeng', 200_000],
        ['xingfu', 150_000],
        ['fangta', 150_000],
        ['sanfeng', 100_000],
      ],
      {
        proposing: day(-5),
        screening: day(25),
        voting: day(45),
        publicity: day(55),
        implementing: day(63),
        evaluating: day(250),
        closed: day(300),
      },
    ),
  });
  await cycleCommands.publishCycle(by(officer, -15), { cycleId });
  await advanceCyclePhase(by(officer, -5), { cycleId, to: 'proposing' });
  await proposalCommands.submitProposal(by('demo-r-wang', -2), {
    proposalId: 'demo-p-bus-shelter',
    cycleId,
    communityId: 'qinfeng',
    ...content(
      '琴枫社区门口公交候车亭加装座椅',
      '候车亭只有顶棚没有座椅,上下班等车的老人和孕妇只能站着。',
      'goods',
      8_000,
      '琴枫社区北门公交站',
    ),
    authorResidentId: 'demo-r-wang',
    channel: 'online',
  });
}
