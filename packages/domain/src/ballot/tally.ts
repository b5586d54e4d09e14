// The tally of one community in a cycle: stream `tally-<cycleId>-<communityId>`.
//
// The count itself (packages/pb on the bulletin) is done by the command handler, which passes
// its result; the decider checks that voting is closed and the community takes part, and records
// the count. Counting again on the same input records nothing; a different input (e.g. after an
// upheld objection) records a new tally, and the last one stands. A tally recorded before the
// minimum support existed is counted again under it (it may have selected a project nobody
// supported).
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import { cycleStageText } from '../cycle/describe.ts';
import {
  hasReached,
  requirePublishedCycle,
  type CycleState,
  type PublishedCycle,
} from '../cycle/state.ts';
import type { BallotEvent, BallotEventData } from './events.ts';

export type TallyState =
  | { status: 'none' }
  | { status: 'tallied'; last: BallotEventData<'BallotsTallied'>; tallies: number };

export type TallyCommand = {
  type: 'RecordTally';
  data: BallotEventData<'BallotsTallied'>;
  cycle: CycleState;
};

export const tallyDecider: Decider<TallyCommand, BallotEvent, TallyState> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    if (event.type !== 'BallotsTallied') return state;
    const tallies = state.status === 'tallied' ? state.tallies + 1 : 1;
    return { status: 'tallied', last: event.data, tallies };
  },

  decide(command, state) {
    const { data, cycle } = command;
    const closed = requireVoteClosed(cycle, data.cycleId);
    if (!closed.definition.communities.some((c) => c.communityId === data.communityId)) {
      return refuse(
        'invalid',
        'community_not_in_cycle',
        `社区（编号 ${data.communityId}）不在本项目周期内。`,
        `The community ${data.communityId} is not part of this cycle.`,
      );
    }
    if (
      state.status === 'tallied' &&
      state.last.inputDigest === data.inputDigest &&
      state.last.pbRule === data.pbRule &&
      state.last.minimumSupport === data.minimumSupport
    ) {
      return [];
    }
    return [{ type: 'BallotsTallied', data }];
  },
};

/** The cycle, once its vote has closed (publicity or later); refuses otherwise. */
export function requireVoteClosed(cycle: CycleState, cycleId: string): PublishedCycle {
  const published = requirePublishedCycle(cycle, cycleId);
  if (!hasReached(published.phase, 'publicity')) {
    const stage = cycleStageText[published.phase];
    return refuse(
      'conflict',
      'vote_not_closed',
      `项目周期目前处于「${stage['zh-CN']}」阶段；投票结束（进入公示）后才能计票。`,
      `The cycle is at its ${stage.en} stage; ballots are counted once voting has closed (publicity).`,
    );
  }
  return published;
}
