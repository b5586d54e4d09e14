// Who may call a staff procedure (trpc.ts `Access`): the roles it takes, and the place its input
// names. Each way of finding that place is written here once; a router picks the builder for its
// input, gives the roles and names the act for the 403 message:
//
//   procedure(communityStaff(['community_worker'], say('录入纸质选票', 'enter paper ballots')), …)
//
// Places of records (a cycle's street, a proposal's community) are read from the record's first
// event, not from a read model, so that a record written a moment ago is already in scope.
import type { Role, Scope } from '@gongzhi/auth';
import {
  cycleStreams,
  ledgerStreams,
  parseCycleEvent,
  parseLedgerEvent,
  parseProposalEvent,
  proposalStreams,
  refuse,
  type LocalizedText,
} from '@gongzhi/domain';
import type { Context } from './context.ts';
import { communityScope, firstEvent } from './organisation/places.ts';
import type { Access } from './trpc.ts';

/** City administrators and street officers: a street's staff (a city grant reaches every street). */
export const STREET_ROLES = ['city_admin', 'street_officer'] as const satisfies readonly Role[];

/** Staff holding one of `roles` for the community the input names. */
export const communityStaff = (
  roles: readonly Role[],
  action: LocalizedText,
): Access<{ communityId: string }> => ({
  roles,
  scope: (input, ctx) => communityScope(ctx, input.communityId),
  action,
});

/** Street officers of the street of the cycle the input names, and city administrators. */
export const cycleStaff = (action: LocalizedText): Access<{ cycleId: string }> => ({
  roles: STREET_ROLES,
  scope: (input, ctx) => cycleScope(ctx, input.cycleId),
  action,
});

/** Staff holding one of `roles` for the community of the proposal the input names. */
export const proposalStaff = (
  roles: readonly Role[],
  action: LocalizedText,
): Access<{ proposalId: string }> => ({
  roles,
  scope: (input, ctx) => proposalScope(ctx, input.proposalId),
  action,
});

/** The street of a cycle, from the cycle's first event. */
export async function cycleScope(
  ctx: Context,
  cycleId: string,
): Promise<Extract<Scope, { type: 'street' }>> {
  const event = await firstEvent(ctx, cycleStreams.cycle(cycleId), parseCycleEvent);
  if (event?.type !== 'CycleDrafted') return cycleNotFound(cycleId);
  return { type: 'street', streetId: event.data.streetId };
}

export const cycleNotFound = (cycleId: string): never =>
  refuse(
    'not_found',
    'cycle_not_found',
    `找不到项目周期（编号 ${cycleId}）。`,
    `There is no cycle with id ${cycleId}.`,
  );

/** The community of a proposal, from its first event. */
export async function proposalScope(
  ctx: Context,
  proposalId: string,
): Promise<Extract<Scope, { type: 'community' }>> {
  const event = await firstEvent(ctx, proposalStreams.proposal(proposalId), parseProposalEvent);
  if (event?.type !== 'ProposalSubmitted') return proposalNotFound(proposalId);
  return { type: 'community', communityId: event.data.communityId, streetId: event.data.streetId };
}

export const proposalNotFound = (proposalId: string): never =>
  refuse(
    'not_found',
    'proposal_not_found',
    `找不到建议（编号 ${proposalId}）。`,
    `There is no proposal with id ${proposalId}.`,
  );

/** Staff holding one of `roles` for the community of the ledger item the input names. */
export const ledgerItemStaff = (
  roles: readonly Role[],
  action: LocalizedText,
): Access<{ itemId: string }> => ({
  roles,
  scope: (input, ctx) => ledgerItemScope(ctx, input.itemId),
  action,
});

/** The community of a ledger item, from its first event. */
export async function ledgerItemScope(
  ctx: Context,
  itemId: string,
): Promise<Extract<Scope, { type: 'community' }>> {
  const event = await firstEvent(ctx, ledgerStreams.item(itemId), parseLedgerEvent);
  if (event?.type !== 'LedgerItemRecorded') {
    return refuse(
      'not_found',
      'ledger_item_not_found',
      `台账中没有这一项（编号 ${itemId}）。`,
      `There is no ledger item with id ${itemId}.`,
    );
  }
  return { type: 'community', communityId: event.data.communityId, streetId: event.data.streetId };
}
