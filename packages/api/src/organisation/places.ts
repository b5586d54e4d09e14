// Places as access checks and messages need them.
import type { Scope } from '@gongzhi/auth';
import { organisationStreams, parseOrganisationEvent } from '@gongzhi/domain';
import { refuse } from '@gongzhi/domain';
import { readCommunity, readStreet } from '@gongzhi/projections/organisation';
import type { Context } from '../context.ts';

/**
 * The first event of a stream, parsed: the one that names where its records belong. Scopes are
 * read from it rather than from a read model, so that a record of a moment ago is in scope.
 */
export async function firstEvent<Event>(
  ctx: Context,
  stream: string,
  parse: (type: string, data: unknown) => Event,
): Promise<Event | undefined> {
  const [first] = await ctx.services.store.readStream(stream, { maxCount: 1 });
  return first && parse(first.type, first.data);
}

/**
 * The scope of a community: its street comes from the community's first event in the store,
 * not from the read model, so that a community registered a moment ago is already in scope.
 */
export async function communityScope(
  ctx: Context,
  communityId: string,
): Promise<Extract<Scope, { type: 'community' }>> {
  const event = await firstEvent(
    ctx,
    organisationStreams.community(communityId),
    parseOrganisationEvent,
  );
  if (event?.type !== 'CommunityRegistered') {
    return refuse(
      'not_found',
      'community_not_found',
      `找不到社区或村（编号 ${communityId}）。`,
      `There is no community or village with id ${communityId}.`,
    );
  }
  return { type: 'community', communityId, streetId: event.data.streetId };
}

/** The scope of a street, which must have been registered (read from its stream). */
export async function streetScope(
  ctx: Context,
  streetId: string,
): Promise<Extract<Scope, { type: 'street' }>> {
  const [first] = await ctx.services.store.readStream(organisationStreams.street(streetId), {
    maxCount: 1,
  });
  if (first?.type !== 'StreetRegistered') {
    return refuse(
      'not_found',
      'street_not_found',
      `找不到街道（编号 ${streetId}）。`,
      `There is no street with id ${streetId}.`,
    );
  }
  return { type: 'street', streetId };
}

/** The name of a street or community as the read model has it, else its id. */
export async function readPlaceName(
  ctx: Context,
  scope: Exclude<Scope, { type: 'city' }>,
): Promise<string> {
  const db = ctx.services.readModels.db;
  if (scope.type === 'street')
    return (await readStreet(db, scope.streetId))?.name ?? scope.streetId;
  return (await readCommunity(db, scope.communityId))?.name ?? scope.communityId;
}
