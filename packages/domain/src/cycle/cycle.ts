// A micro-project cycle (民生微实事, step 1 方案共定): stream `cycle-<cycleId>`.
//
// A street officer drafts the cycle and amends the draft as a whole until it is published;
// publishing makes it public, `announced` until the officer opens proposing. Phases then move
// one step forward at a time; moving on a day other than the scheduled one needs a reason.
// After publishing, budgets and the schedule change only by amendments with a reason, which the
// cycle's public history shows.
//
// The street and communities a draft names are checked on their states, which the command
// handler folds from their streams (`street`, `communities`).
import type { Decider } from '../shared/decider.ts';
import { refuse } from '../shared/errors.ts';
import type { CommunityState, StreetState } from '../organisation/index.ts';
import { cycleStageText, moneyText } from './describe.ts';
import { cyclePhases, projectCategories } from './events.ts';
import type {
  CommunityBudget,
  CycleDefinition,
  CycleEvent,
  CycleEventData,
  CyclePhase,
  CycleSchedule,
  CycleStage,
  ListItem,
} from './events.ts';

export type CycleState =
  | { status: 'none' }
  | { status: 'draft'; cycleId: string; streetId: string; definition: CycleDefinition }
  | {
      status: 'published';
      cycleId: string;
      streetId: string;
      definition: CycleDefinition;
      phase: CycleStage;
      /** When publicity began (its CyclePhaseAdvanced's `at`); none before. */
      publicityBegan?: string;
    };

export type CycleCommand =
  | {
      type: 'DraftCycle';
      data: CycleEventData<'CycleDrafted'>;
      /** The street folded from its stream. */
      street: StreetState;
      /** The communities the definition names, folded from their streams. */
      communities: readonly CommunityState[];
    }
  | {
      type: 'AmendCycleDraft';
      data: CycleEventData<'CycleDraftAmended'>;
      communities: readonly CommunityState[];
    }
  | { type: 'PublishCycle'; data: { cycleId: string } }
  | {
      type: 'AdvanceCyclePhase';
      data: { cycleId: string; to: CyclePhase; reason?: string | undefined };
      /** The current instant, ISO-8601 UTC. */
      now: string;
      /**
       * The cycle's objections not yet answered, counted by the handler: confirming the
       * selection (publicity → implementing) needs it, other moves ignore it.
       */
      unansweredObjections?: number;
      /**
       * Labels of the cycle's paper ballot batches resolved during voting whose count was cut
       * short (a crash), listed by the handler: closing the vote (voting → publicity) needs it,
       * other moves ignore it.
       */
      uncountedPaperBatches?: readonly string[];
      /**
       * Titles of the cycle's proposals not selected whose authors still wait for feedback
       * (意见共商), listed by the handler: closing the cycle (to closed) needs it, other moves
       * ignore it.
       */
      feedbackOwed?: readonly string[];
    }
  | {
      type: 'AmendCycleBudget';
      data: { cycleId: string; budgets: CommunityBudget[]; reason: string };
    }
  | {
      type: 'AmendCycleSchedule';
      data: { cycleId: string; schedule: CycleSchedule; reason: string };
      now: string;
    };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Cycles run on China time (UTC+8, no daylight saving): the calendar day of an instant there. */
export function chinaDate(instant: string): string {
  return new Date(Date.parse(instant) + 8 * HOUR_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus whole days. */
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export type PublishedCycle = Extract<CycleState, { status: 'published' }>;

/**
 * The public notice (公示) of a cycle's selection: from the day publicity began (the scheduled
 * day, until it has begun) for the cycle's publicityDays, `until` being its last day (China
 * time). Objections are taken on these days; the selection is confirmed after them.
 */
export function noticePeriod(cycle: PublishedCycle): {
  from: string;
  until: string;
} {
  const began =
    cycle.publicityBegan === undefined
      ? cycle.definition.schedule.publicity
      : chinaDate(cycle.publicityBegan);
  return { from: began, until: addDays(began, cycle.definition.publicityDays - 1) };
}

/** The cycle once published; a draft is not found, as it is not shown outside its street. */
export function requirePublishedCycle(cycle: CycleState, cycleId: string): PublishedCycle {
  if (cycle.status !== 'published') {
    return refuse(
      'not_found',
      'cycle_not_found',
      `找不到项目周期(编号 ${cycleId})。`,
      `There is no published cycle with id ${cycleId}.`,
    );
  }
  return cycle;
}

/** The cycle once published and at one of `phases`; otherwise `closed` says why not. */
export function requirePhase(
  cycle: CycleState,
  cycleId: string,
  phases: readonly CyclePhase[],
  closed: { code: string; zh: string; en: string },
): PublishedCycle {
  const published = requirePublishedCycle(cycle, cycleId);
  if (!(phases as readonly string[]).includes(published.phase)) {
    const stage = cycleStageText[published.phase];
    return refuse(
      'conflict',
      closed.code,
      `项目周期目前处于「${stage['zh-CN']}」阶段;${closed.zh}。`,
      `The cycle is at its ${stage.en} stage; ${closed.en}.`,
    );
  }
  return published;
}

/** Whole days from one YYYY-MM-DD to another. */
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The phase after a stage, or undefined after `closed`. */
export function nextPhase(stage: CycleStage): CyclePhase | undefined {
  return stage === 'announced' ? cyclePhases[0] : cyclePhases[cyclePhases.indexOf(stage) + 1];
}

/** Whether the published cycle is in (or past) `phase`. */
export function hasReached(stage: CycleStage, phase: CyclePhase): boolean {
  return stage !== 'announced' && cyclePhases.indexOf(stage) >= cyclePhases.indexOf(phase);
}

type Defined = Exclude<CycleState, { status: 'none' }>;

const phaseZh = (stage: CycleStage) => cycleStageText[stage]['zh-CN'];
const phaseEn = (stage: CycleStage) => cycleStageText[stage].en;

export const cycleDecider: Decider<CycleCommand, CycleEvent, CycleState> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    switch (event.type) {
      case 'CycleDrafted': {
        const { cycleId, streetId, ...definition } = event.data;
        return { status: 'draft', cycleId, streetId, definition };
      }
      case 'CycleDraftAmended': {
        if (state.status === 'none') return state;
        const { cycleId: _cycleId, ...definition } = event.data;
        return { ...state, definition };
      }
      case 'CyclePublished':
        return state.status === 'none'
          ? state
          : { ...state, status: 'published', phase: 'announced' };
      case 'CyclePhaseAdvanced':
        if (state.status !== 'published') return state;
        return event.data.to === 'publicity'
          ? { ...state, phase: event.data.to, publicityBegan: event.data.at }
          : { ...state, phase: event.data.to };
      case 'CycleBudgetAmended': {
        if (state.status === 'none') return state;
        const amended = new Map(event.data.budgets.map((b) => [b.communityId, b.budget]));
        const communities = state.definition.communities.map((c) => ({
          communityId: c.communityId,
          budget: amended.get(c.communityId) ?? c.budget,
        }));
        return { ...state, definition: { ...state.definition, communities } };
      }
      case 'CycleScheduleAmended':
        return state.status === 'none'
          ? state
          : { ...state, definition: { ...state.definition, schedule: event.data.schedule } };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'DraftCycle': {
        if (state.status !== 'none') {
          return refuse(
            'conflict',
            'cycle_exists',
            `项目周期「${state.definition.title}」已存在。`,
            `The cycle “${state.definition.title}” already exists.`,
          );
        }
        const { street } = command;
        if (street.status === 'none') {
          return refuse(
            'not_found',
            'street_not_found',
            `找不到街道(编号 ${command.data.streetId})。`,
            `There is no street with id ${command.data.streetId}.`,
          );
        }
        if (street.status === 'closed') {
          return refuse(
            'conflict',
            'street_closed',
            `街道「${street.name}」已撤销,不能再设立项目周期。`,
            `The street “${street.name}” has been closed; no cycle can be set up for it.`,
          );
        }
        checkDefinition(command.data, command.data.streetId, command.communities);
        return [{ type: 'CycleDrafted', data: command.data }];
      }

      case 'AmendCycleDraft': {
        const cycle = requireCycle(state, command.data.cycleId);
        if (cycle.status !== 'draft') {
          return refuse(
            'conflict',
            'cycle_published',
            '项目周期已经发布,不能再修改草稿;预算和日程请用调整功能并说明理由。',
            'The cycle has been published; its draft can no longer change. Amend the budget or schedule instead, with a reason.',
          );
        }
        checkDefinition(command.data, cycle.streetId, command.communities);
        return [{ type: 'CycleDraftAmended', data: command.data }];
      }

      case 'PublishCycle': {
        const cycle = requireCycle(state, command.data.cycleId);
        if (cycle.status === 'published') {
          return refuse(
            'conflict',
            'cycle_already_published',
            '项目周期已经发布。',
            'The cycle has already been published.',
          );
        }
        if (cycle.definition.communities.length === 0) {
          return refuse(
            'invalid',
            'no_communities',
            '发布前请至少加入一个社区并设定其预算。',
            'Add at least one community with its budget before publishing.',
          );
        }
        return [{ type: 'CyclePublished', data: { cycleId: cycle.cycleId } }];
      }

      case 'AdvanceCyclePhase': {
        const cycle = requirePublished(state, command.data.cycleId);
        const { to, reason } = command.data;
        const next = nextPhase(cycle.phase);
        if (next === undefined) refuseClosed();
        if (to !== next) {
          return cyclePhases.indexOf(to) <= cyclePhases.indexOf(next)
            ? refuse(
                'conflict',
                'phase_backwards',
                `项目周期已处于「${phaseZh(cycle.phase)}」阶段,不能回到「${phaseZh(to)}」。`,
                `The cycle is already ${phaseEn(cycle.phase)}; it cannot go back to ${phaseEn(to)}.`,
              )
            : refuse(
                'invalid',
                'phase_skipped',
                `下一个阶段是「${phaseZh(next)}」,不能跳过。`,
                `The next phase is ${phaseEn(next)}; phases cannot be skipped.`,
              );
        }
        const scheduledFor = cycle.definition.schedule[to];
        const today = chinaDate(command.now);
        if (to === 'publicity') checkPaperCounted(command.uncountedPaperBatches);
        if (to === 'implementing') checkConfirmable(cycle, today, command.unansweredObjections);
        if (to === 'closed') checkFeedbackGiven(command.feedbackOwed);
        if (today !== scheduledFor && reason === undefined) {
          return refuse(
            'invalid',
            'reason_required',
            `日程安排「${phaseZh(to)}」于 ${scheduledFor} 开始;提前或推迟须说明理由。`,
            `The schedule starts ${phaseEn(to)} on ${scheduledFor}; moving it earlier or later needs a reason.`,
            'reason',
          );
        }
        return [
          {
            type: 'CyclePhaseAdvanced',
            data: {
              cycleId: cycle.cycleId,
              from: cycle.phase,
              to,
              at: command.now,
              scheduledFor,
              ...(reason === undefined ? {} : { reason }),
            },
          },
        ];
      }

      case 'AmendCycleBudget': {
        const cycle = requireAmendable(state, command.data.cycleId);
        if (hasReached(cycle.phase, 'voting')) {
          return refuse(
            'conflict',
            'budget_locked',
            '投票开始后预算不能再调整:选票是按这些预算投出的。',
            'Budgets are fixed once voting opens: ballots are cast against them.',
          );
        }
        const current = new Map(cycle.definition.communities.map((c) => [c.communityId, c.budget]));
        const budgets: CycleEventData<'CycleBudgetAmended'>['budgets'] = [];
        for (const { communityId, budget } of command.data.budgets) {
          const previousBudget = current.get(communityId);
          if (previousBudget === undefined) {
            return refuse(
              'invalid',
              'community_not_in_cycle',
              `社区(编号 ${communityId})不在本项目周期内。`,
              `The community ${communityId} is not part of this cycle.`,
            );
          }
          checkBudget(communityId, budget, cycle.definition.caps);
          if (budget !== previousBudget) budgets.push({ communityId, budget, previousBudget });
        }
        if (budgets.length === 0) return [];
        return [
          {
            type: 'CycleBudgetAmended',
            data: { cycleId: cycle.cycleId, budgets, reason: command.data.reason },
          },
        ];
      }

      case 'AmendCycleSchedule': {
        const cycle = requireAmendable(state, command.data.cycleId);
        const previousSchedule = cycle.definition.schedule;
        const { schedule, reason } = command.data;
        checkSchedule(schedule, cycle.definition.publicityDays);
        const today = chinaDate(command.now);
        for (const phase of cyclePhases) {
          if (schedule[phase] === previousSchedule[phase]) continue;
          if (hasReached(cycle.phase, phase)) {
            return refuse(
              'conflict',
              'schedule_phase_started',
              `「${phaseZh(phase)}」阶段已经开始,其日期不能再改。`,
              `The ${phaseEn(phase)} phase has already begun; its date can no longer change.`,
            );
          }
          if (schedule[phase] < today) {
            return refuse(
              'invalid',
              'schedule_in_past',
              `「${phaseZh(phase)}」的新日期 ${schedule[phase]} 已经过去。`,
              `The new date of ${phaseEn(phase)}, ${schedule[phase]}, has already passed.`,
            );
          }
        }
        if (cyclePhases.every((phase) => schedule[phase] === previousSchedule[phase])) return [];
        return [
          {
            type: 'CycleScheduleAmended',
            data: { cycleId: cycle.cycleId, schedule, previousSchedule, reason },
          },
        ];
      }
    }
  },
};

/**
 * Confirming the selection (publicity → implementing) waits for the notice period to end and for
 * every objection to be answered; no reason overrides either.
 */
function checkConfirmable(
  cycle: Extract<CycleState, { status: 'published' }>,
  today: string,
  unanswered: number | undefined,
): void {
  const { until } = noticePeriod(cycle);
  if (today <= until) {
    refuse(
      'conflict',
      'notice_period_open',
      `公示期到 ${until} 结束;公示期满后才能确认入选项目。`,
      `The public notice runs until ${until}; the selection can be confirmed only after it ends.`,
    );
  }
  if (unanswered === undefined)
    throw new Error('Confirming a cycle needs its unanswered objections');
  if (unanswered > 0) {
    refuse(
      'conflict',
      'objections_unanswered',
      `还有 ${unanswered} 条异议尚未答复;每条异议答复后才能确认入选项目。`,
      `${unanswered} objection(s) are not answered yet; the selection can be confirmed only once every objection is answered.`,
    );
  }
}

/**
 * A paper batch resolved during voting counts as ballots cast during voting, and its count can
 * only be finished while voting is open: the vote closes once every such count is finished.
 */
function checkPaperCounted(uncounted: readonly string[] | undefined): void {
  if (uncounted === undefined)
    throw new Error('Closing the vote needs its uncounted paper batches');
  if (uncounted.length > 0) {
    const zh = uncounted.map((label) => `「${label}」`).join('、');
    const en = uncounted.map((label) => `“${label}”`).join(', ');
    const batches = uncounted.length === 1 ? `batch ${en} has` : `batches ${en} have`;
    refuse(
      'conflict',
      'paper_count_unfinished',
      `纸质选票批次${zh}已经核定,但计入没有完成;请先在批次页面完成计入,再结束投票。`,
      `The paper ballot ${batches} been resolved but not fully counted; finish the count on the batch page before closing the vote.`,
    );
  }
}

/** Every author not selected is owed feedback (意见共商): the cycle closes once each has it. */
function checkFeedbackGiven(owed: readonly string[] | undefined): void {
  if (owed === undefined) throw new Error('Closing a cycle needs the feedback still owed');
  if (owed.length > 0) {
    const zh = owed.map((title) => `「${title}」`).join('、');
    const en = owed.map((title) => `“${title}”`).join(', ');
    refuse(
      'conflict',
      'feedback_owed',
      `还有 ${owed.length} 项未入选建议的提议人在等待意见反馈:${zh};每位提议人都得到反馈后才能结束项目周期。`,
      `${owed.length} author(s) of proposals not selected still wait for feedback: ${en}; the cycle can close once each has had it.`,
    );
  }
}

function requireCycle(state: CycleState, cycleId: string): Defined {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'cycle_not_found',
      `找不到项目周期(编号 ${cycleId})。`,
      `There is no cycle with id ${cycleId}.`,
    );
  }
  return state;
}

function requirePublished(state: CycleState, cycleId: string) {
  const cycle = requireCycle(state, cycleId);
  if (cycle.status !== 'published') {
    return refuse(
      'conflict',
      'cycle_not_published',
      '项目周期尚未发布;草稿可以直接修改。',
      'The cycle has not been published yet; change the draft itself.',
    );
  }
  return cycle;
}

function requireAmendable(state: CycleState, cycleId: string) {
  const cycle = requirePublished(state, cycleId);
  if (cycle.phase === 'closed') refuseClosed();
  return cycle;
}

function refuseClosed(): never {
  return refuse(
    'conflict',
    'cycle_closed',
    '项目周期已经结束,不能再更改。',
    'The cycle is closed; nothing about it can change any more.',
  );
}

function checkDefinition(
  definition: CycleDefinition,
  streetId: string,
  communities: readonly CommunityState[],
): void {
  const seen = new Set<string>();
  for (const { communityId, budget } of definition.communities) {
    if (seen.has(communityId)) {
      refuse(
        'invalid',
        'community_duplicate',
        `社区(编号 ${communityId})列了两次。`,
        `The community ${communityId} is listed twice.`,
      );
    }
    seen.add(communityId);
    checkCommunity(communityId, streetId, communities);
    checkBudget(communityId, budget, definition.caps);
  }
  for (const category of projectCategories) {
    if (definition.caps[category] <= 0) {
      refuse(
        'invalid',
        'cap_not_positive',
        '每类项目的限额须大于零。',
        'Each category’s cap per project must be above zero.',
      );
    }
  }
  checkListCodes(definition.allowed, '正面清单', 'allowed list');
  checkListCodes(definition.excluded, '负面清单', 'excluded list');
  const { ballot } = definition;
  if (
    ballot.kind === 'approval' &&
    ballot.minProjects !== undefined &&
    ballot.minProjects > ballot.maxProjects
  ) {
    refuse(
      'invalid',
      'ballot_min_above_max',
      `每张选票至少选 ${ballot.minProjects} 项,却最多只能选 ${ballot.maxProjects} 项。`,
      `A ballot must approve at least ${ballot.minProjects} projects but at most ${ballot.maxProjects}.`,
    );
  }
  checkSchedule(definition.schedule, definition.publicityDays);
}

function checkCommunity(
  communityId: string,
  streetId: string,
  communities: readonly CommunityState[],
): void {
  const community = communities.find((c) => c.status !== 'none' && c.communityId === communityId);
  if (!community || community.status === 'none') {
    return refuse(
      'not_found',
      'community_not_found',
      `找不到社区或村(编号 ${communityId})。`,
      `There is no community or village with id ${communityId}.`,
    );
  }
  if (community.status === 'closed') {
    refuse(
      'conflict',
      'community_closed',
      `「${community.name}」已撤销,不能加入项目周期。`,
      `“${community.name}” has been closed and cannot take part in a cycle.`,
    );
  }
  if (community.streetId !== streetId) {
    refuse(
      'invalid',
      'community_outside_street',
      `「${community.name}」不属于本街道。`,
      `“${community.name}” does not belong to this street.`,
    );
  }
}

function checkBudget(communityId: string, budget: number, caps: CycleDefinition['caps']): void {
  if (budget <= 0) {
    refuse(
      'invalid',
      'budget_not_positive',
      `社区(编号 ${communityId})的预算须大于零。`,
      `The budget of the community ${communityId} must be above zero.`,
    );
  }
  const highestCap = Math.max(...projectCategories.map((c) => caps[c]));
  if (highestCap > budget) {
    refuse(
      'invalid',
      'cap_above_budget',
      `单个项目的限额(${moneyText(highestCap)['zh-CN']})高于社区(编号 ${communityId})的预算(${moneyText(budget)['zh-CN']})。`,
      `A per-project cap (${moneyText(highestCap).en}) is above the budget of the community ${communityId} (${moneyText(budget).en}).`,
    );
  }
}

function checkListCodes(items: readonly ListItem[], nameZh: string, nameEn: string): void {
  const codes = new Set<string>();
  for (const { code } of items) {
    if (codes.has(code)) {
      refuse(
        'invalid',
        'list_code_duplicate',
        `${nameZh}中的编号「${code}」重复。`,
        `The code “${code}” appears twice in the ${nameEn}.`,
      );
    }
    codes.add(code);
  }
}

function checkSchedule(schedule: CycleSchedule, publicityDays: number): void {
  for (let i = 1; i < cyclePhases.length; i++) {
    const before = cyclePhases[i - 1]!;
    const phase = cyclePhases[i]!;
    if (schedule[phase] <= schedule[before]) {
      refuse(
        'invalid',
        'schedule_out_of_order',
        `「${phaseZh(phase)}」(${schedule[phase]})须晚于「${phaseZh(before)}」(${schedule[before]})。`,
        `${capitalised(phaseEn(phase))} (${schedule[phase]}) must start after ${phaseEn(before)} (${schedule[before]}).`,
      );
    }
  }
  if (daysBetween(schedule.publicity, schedule.implementing) < publicityDays) {
    refuse(
      'invalid',
      'publicity_too_short',
      `公示须满 ${publicityDays} 天,但日程只留了 ${daysBetween(schedule.publicity, schedule.implementing)} 天。`,
      `Publicity must last ${publicityDays} days, but the schedule leaves ${daysBetween(schedule.publicity, schedule.implementing)}.`,
    );
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
