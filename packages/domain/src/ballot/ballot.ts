// A voter's ballot in a cycle (项目共决): stream `ballot-<cycleId>-<voterId>`.
//
// During voting an eligible resident (a verified tie of a kind the cycle admits, old enough on
// the first day of voting) casts one ballot in one community they are tied to, and may change it
// until voting closes; the last one counts. The ballot follows the cycle's rule: approval of at
// most K (and at least M, default 1) projects of the community's pool, or a knapsack of pool
// projects costing at most the community's budget. Everything the rule is judged on (the cycle,
// the voter, the pool) is folded or read by the command handler and passed in the command.
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import { moneyText } from '../cycle/describe.ts';
import { requirePhase, type CycleState, type PublishedCycle } from '../cycle/state.ts';
import { checkEligibility } from '../resident/eligibility.ts';
import type { EligibilityRule, EligibilitySubject } from '../resident/eligibility.ts';
import type { BallotEvent, BallotEventData } from './events.ts';

export type BallotState =
  | { status: 'none' }
  | {
      status: 'cast';
      cycleId: string;
      communityId: string;
      voterId: string;
      /** The sealed content of the ballot that counts now. */
      sealed: string;
      /** 1 for the first ballot, +1 for each change. */
      versions: number;
      /** Set when the ballot is a counted paper ballot (see paper/claims.ts): it cannot be changed online. */
      paper?: { batchId: string; serial: string };
    };

/** The cycle, while it is in voting; refuses otherwise, saying what only voting allows. */
export const requireVoting = (
  cycle: CycleState,
  cycleId: string,
  onlyDuringVoting: { zh: string; en: string },
): PublishedCycle =>
  requirePhase(cycle, cycleId, ['voting'], { code: 'not_voting', ...onlyDuringVoting });

/** Who may vote in a community of the cycle: judged on the first day of voting. */
export function votingRule(cycle: PublishedCycle, communityId: string): EligibilityRule {
  const { tieKinds, minAge } = cycle.definition.eligibility;
  return { communityId, tieKinds, minAge, on: cycle.definition.schedule.voting };
}

/** A project of the community's pool as the ballot rule sees it. */
export interface PoolProject {
  proposalId: string;
  /** In fen. */
  cost: number;
}

export type BallotCommand = {
  type: 'CastBallot';
  data: {
    cycleId: string;
    communityId: string;
    voterId: string;
    choices: readonly string[];
    /** The receipt and choices sealed by the API (see events.ts). */
    sealed: string;
  };
  cycle: CycleState;
  voter: EligibilitySubject | { status: 'none' };
  /** The community's project pool in this cycle. */
  pool: readonly PoolProject[];
};

export const ballotDecider: Decider<BallotCommand, BallotEvent, BallotState> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    switch (event.type) {
      case 'BallotCast':
      case 'BallotChanged': {
        const { cycleId, communityId, voterId, sealed } = event.data;
        const versions = state.status === 'cast' ? state.versions + 1 : 1;
        return { status: 'cast', cycleId, communityId, voterId, sealed, versions };
      }
      case 'PaperBallotCounted': {
        const { cycleId, communityId, voterId, sealed, batchId, serial } = event.data;
        return {
          status: 'cast',
          cycleId,
          communityId,
          voterId,
          sealed,
          versions: 1,
          paper: { batchId, serial },
        };
      }
      default:
        return state;
    }
  },

  decide(command, state) {
    const { data } = command;
    const { cycleId, communityId, voterId, choices, sealed } = data;
    const cycle = requireVoting(command.cycle, cycleId, {
      zh: '只有投票阶段才能投票或改票',
      en: 'ballots are cast and changed only during voting',
    });
    if (state.status === 'cast' && state.paper) {
      return refuse(
        'conflict',
        'paper_ballot_counted',
        `您的纸质选票（编号 ${state.paper.serial}）已经计入，每人只能投一张票，不能再在线投票或改票。`,
        `Your paper ballot (serial ${state.paper.serial}) has been counted; one ballot per voter, so it cannot be cast or changed online.`,
      );
    }
    const budget = cycle.definition.communities.find((c) => c.communityId === communityId)?.budget;
    if (budget === undefined) {
      return refuse(
        'invalid',
        'community_not_in_cycle',
        `社区（编号 ${communityId}）不在本项目周期内。`,
        `The community ${communityId} is not part of this cycle.`,
      );
    }
    const eligibility = checkEligibility(command.voter, votingRule(cycle, communityId));
    if (!eligibility.eligible) {
      return refuse(
        'forbidden',
        'not_eligible',
        `不能在本社区投票：${eligibility.text['zh-CN']}`,
        `Cannot vote in this community: ${eligibility.text.en}`,
      );
    }
    checkChoices(choices, command.pool, cycle.definition.ballot, budget);
    const event: BallotEventData<'BallotCast'> = { cycleId, communityId, voterId, sealed };
    return [{ type: state.status === 'none' ? 'BallotCast' : 'BallotChanged', data: event }];
  },
};

/** Refuses choices that break the cycle's ballot rule for the community's pool and budget. */
export function checkChoices(
  choices: readonly string[],
  pool: readonly PoolProject[],
  rule: PublishedCycle['definition']['ballot'],
  budget: number,
): void {
  if (new Set(choices).size !== choices.length) {
    refuse(
      'invalid',
      'choice_repeated',
      '同一个项目只能选一次。',
      'Each project can be chosen only once.',
    );
  }
  const costs = new Map(pool.map((p) => [p.proposalId, p.cost]));
  for (const choice of choices) {
    if (!costs.has(choice)) {
      refuse(
        'invalid',
        'choice_not_in_pool',
        `所选项目（编号 ${choice}）不在本社区的项目库中。`,
        `The project ${choice} is not in this community’s project pool.`,
      );
    }
  }
  if (rule.kind === 'approval') {
    const min = rule.minProjects ?? 1;
    if (choices.length > rule.maxProjects) {
      refuse(
        'invalid',
        'too_many_choices',
        `最多只能选 ${rule.maxProjects} 个项目，您选了 ${choices.length} 个。`,
        `Choose at most ${rule.maxProjects} projects; you chose ${choices.length}.`,
      );
    }
    if (choices.length < min) {
      refuse(
        'invalid',
        'too_few_choices',
        `至少要选 ${min} 个项目，您选了 ${choices.length} 个。`,
        `Choose at least ${min} projects; you chose ${choices.length}.`,
      );
    }
    return;
  }
  if (choices.length === 0) {
    refuse('invalid', 'too_few_choices', '至少要选 1 个项目。', 'Choose at least 1 project.');
  }
  const total = choices.reduce((sum, choice) => sum + costs.get(choice)!, 0);
  if (total > budget) {
    refuse(
      'invalid',
      'over_budget',
      `所选项目合计 ${moneyText(total)['zh-CN']}，超过了社区预算 ${moneyText(budget)['zh-CN']}。`,
      `The chosen projects cost ${moneyText(total).en} in all, more than the community budget of ${moneyText(budget).en}.`,
    );
  }
}
