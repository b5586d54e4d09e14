// A micro-project cycle (民生微实事, step 1 方案共定): stream `cycle-<cycleId>`.
//
// A street officer drafts the cycle and amends the draft as a whole until it is published;
// publishing makes it public, `announced` until the officer opens proposing. Phases then move
// one step forward at a time. The state folded from the stream, and what other modules read of
// it (the phase a command needs, the notice period, the calendar day); the commands are in
// commands/, wired in decider.ts.
import { refuse } from '../shared/errors.ts';
import { cycleStageText } from './describe.ts';
import { cyclePhases } from './events.ts';
import type { CycleDefinition, CycleEvent, CyclePhase, CycleStage } from './events.ts';

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

export type PublishedCycle = Extract<CycleState, { status: 'published' }>;

export const initialCycleState = (): CycleState => ({ status: 'none' });

export function evolveCycle(state: CycleState, event: CycleEvent): CycleState {
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
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Cycles run on China time (UTC+8, no daylight saving): the calendar day of an instant there. */
export function chinaDate(instant: string): string {
  return new Date(Date.parse(instant) + 8 * HOUR_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus whole days. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from one YYYY-MM-DD to another. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

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
      `找不到项目周期（编号 ${cycleId}）。`,
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
      `项目周期目前处于「${stage['zh-CN']}」阶段；${closed.zh}。`,
      `The cycle is at its ${stage.en} stage; ${closed.en}.`,
    );
  }
  return published;
}

/** The phase after a stage, or undefined after `closed`. */
export function nextPhase(stage: CycleStage): CyclePhase | undefined {
  return stage === 'announced' ? cyclePhases[0] : cyclePhases[cyclePhases.indexOf(stage) + 1];
}

/** Whether the published cycle is in (or past) `phase`. */
export function hasReached(stage: CycleStage, phase: CyclePhase): boolean {
  return stage !== 'announced' && cyclePhases.indexOf(stage) >= cyclePhases.indexOf(phase);
}
