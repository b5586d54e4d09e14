// The public vitality index (议事协商活力指数) of a community or a street: the last 12 months'
// figures with their components and, as evidence, the meetings each month counted
// (docs/vitality-index.md). An unknown or malformed place is a 404.
import { error } from '@sveltejs/kit';
import { isApiError } from '@gongzhi/api/client';
import { placeName } from '$lib/place';
import { loadOverview } from '$lib/server/places';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const place =
    params.placeType === 'street'
      ? { type: 'street' as const, streetId: params.placeId }
      : { type: 'community' as const, communityId: params.placeId };
  try {
    const [vitality, overview] = await Promise.all([
      locals.api.meeting.vitality.query({ place, minPosition: lastWrite(cookies) }),
      loadOverview(locals.api, cookies),
    ]);
    const street = overview.streets.find((s) =>
      place.type === 'street'
        ? s.streetId === place.streetId
        : s.communities.some((c) => c.communityId === place.communityId),
    );
    const community = street?.communities.find(
      (c) => place.type === 'community' && c.communityId === place.communityId,
    );
    const named = place.type === 'street' ? street : community;
    const communityNames = Object.fromEntries(
      (street?.communities ?? []).map((c) => [c.communityId, placeName(c)]),
    );
    return {
      place,
      name: named ? placeName(named) : params.placeId,
      street: street ? { streetId: street.streetId, name: placeName(street) } : null,
      communityNames,
      vitality,
    };
  } catch (cause) {
    const status = isApiError(cause) ? cause.data?.httpStatus : undefined;
    if (status === 404 || status === 400) error(404, cause instanceof Error ? cause.message : '');
    throw cause;
  }
};
