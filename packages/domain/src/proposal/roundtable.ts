// A neighbourhood round-table (邻里圆桌会) of a cycle's screening: stream
// `roundtable-<roundTableId>`. The meeting is recorded once, with its date and attendees; its
// decision on each proposal is then recorded on that proposal's stream (ProposalAdmittedToPool,
// ProposalRejectedAtRoundTable, ProposalReturnedForRevision), naming the round-table.
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import { requirePhase, type CycleState } from '../cycle/state.ts';
import type { ProposalEventData, ProposalEventOf } from './events.ts';

export type RoundTableState =
  | { status: 'none' }
  | { status: 'held'; roundTableId: string; cycleId: string; communityId: string; date: string };

export type RoundTableCommand = {
  type: 'RecordRoundTable';
  data: Omit<ProposalEventData<'RoundTableHeld'>, 'streetId'>;
  /** The cycle folded from its stream. */
  cycle: CycleState;
  /** YYYY-MM-DD (China time). */
  today: string;
};

export type RoundTableEvent = ProposalEventOf<'RoundTableHeld'>;

export const roundTableDecider: Decider<RoundTableCommand, RoundTableEvent, RoundTableState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => {
    const { roundTableId, cycleId, communityId, date } = event.data;
    return { status: 'held', roundTableId, cycleId, communityId, date };
  },
  decide(command, state) {
    const { data, cycle, today } = command;
    if (state.status !== 'none') {
      return refuse(
        'conflict',
        'roundtable_exists',
        `这次邻里圆桌会（${state.date}）已经记录过了。`,
        `This round-table (${state.date}) has already been recorded.`,
      );
    }
    const published = requirePhase(cycle, data.cycleId, ['screening'], {
      code: 'not_screening',
      zh: '邻里圆桌会只能在筛选共议阶段记录',
      en: 'round-tables are recorded only during screening',
    });
    if (!published.definition.communities.some((c) => c.communityId === data.communityId)) {
      return refuse(
        'invalid',
        'community_not_in_cycle',
        '该社区不在本项目周期内。',
        'The community is not part of this cycle.',
      );
    }
    if (data.date > today) {
      return refuse(
        'invalid',
        'date_in_future',
        `会议日期 ${data.date} 还没有到来；请在开会后记录。`,
        `The meeting date ${data.date} is still to come; record the meeting after it is held.`,
      );
    }
    return [{ type: 'RoundTableHeld', data: { ...data, streetId: published.streetId } }];
  },
};
