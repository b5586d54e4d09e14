// A cycle before it is public: the street officer drafts it, amends the draft as a whole, and
// publishes it. The street and communities the draft names are checked on their states, which
// the command handler folds from their streams (`street`, `communities`).
import { refuse } from '../../shared/errors.ts';
import type { CommunityState, StreetState } from '../../organisation/index.ts';
import { projectCategories } from '../events.ts';
import type { CycleDefinition, CycleEventData, CycleEventOf, ListItem } from '../events.ts';
import type { CycleState } from '../state.ts';
import { checkBudget, checkSchedule, mayPublish, requireCycle } from './rules.ts';

export interface DraftCycle {
  type: 'DraftCycle';
  data: CycleEventData<'CycleDrafted'>;
  /** The street folded from its stream. */
  street: StreetState;
  /** The communities the definition names, folded from their streams. */
  communities: readonly CommunityState[];
}

export interface AmendCycleDraft {
  type: 'AmendCycleDraft';
  data: CycleEventData<'CycleDraftAmended'>;
  communities: readonly CommunityState[];
}

export interface PublishCycle {
  type: 'PublishCycle';
  data: { cycleId: string };
}

export function draftCycle(command: DraftCycle, state: CycleState): CycleEventOf<'CycleDrafted'>[] {
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
      `找不到街道（编号 ${command.data.streetId}）。`,
      `There is no street with id ${command.data.streetId}.`,
    );
  }
  if (street.status === 'closed') {
    return refuse(
      'conflict',
      'street_closed',
      `街道「${street.name}」已撤销，不能再设立项目周期。`,
      `The street “${street.name}” has been closed; no cycle can be set up for it.`,
    );
  }
  checkDefinition(command.data, command.data.streetId, command.communities);
  return [{ type: 'CycleDrafted', data: command.data }];
}

export function amendCycleDraft(
  command: AmendCycleDraft,
  state: CycleState,
): CycleEventOf<'CycleDraftAmended'>[] {
  const cycle = requireCycle(state, command.data.cycleId);
  if (cycle.status !== 'draft') {
    return refuse(
      'conflict',
      'cycle_published',
      '项目周期已经发布，不能再修改草稿；预算和日程请用调整功能并说明理由。',
      'The cycle has been published; its draft can no longer change. Amend the budget or schedule instead, with a reason.',
    );
  }
  checkDefinition(command.data, cycle.streetId, command.communities);
  return [{ type: 'CycleDraftAmended', data: command.data }];
}

export function publishCycle(
  command: PublishCycle,
  state: CycleState,
): CycleEventOf<'CyclePublished'>[] {
  const cycle = requireCycle(state, command.data.cycleId);
  if (cycle.status === 'published') {
    return refuse(
      'conflict',
      'cycle_already_published',
      '项目周期已经发布。',
      'The cycle has already been published.',
    );
  }
  if (!mayPublish(cycle.definition)) {
    return refuse(
      'invalid',
      'no_communities',
      '发布前请至少加入一个社区并设定其预算。',
      'Add at least one community with its budget before publishing.',
    );
  }
  return [{ type: 'CyclePublished', data: { cycleId: cycle.cycleId } }];
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
        `社区（编号 ${communityId}）列了两次。`,
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
      `每张选票至少选 ${ballot.minProjects} 项，却最多只能选 ${ballot.maxProjects} 项。`,
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
      `找不到社区或村（编号 ${communityId}）。`,
      `There is no community or village with id ${communityId}.`,
    );
  }
  if (community.status === 'closed') {
    refuse(
      'conflict',
      'community_closed',
      `「${community.name}」已撤销，不能加入项目周期。`,
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
