import { isApiError } from '@gongzhi/api/client';
import { needCommunities } from '$lib/permissions';
import { loadPlaces } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import type { PageServerLoad } from './$types';

// Hours of volunteer service for staff of a community (GET form): per team and per person over a
// period, never ranked, and the export as CSV.
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  if (!locals.user) requireSignIn(url, 'staff');
  const places = await loadPlaces(locals.api, lastWrite(cookies));
  const communities = needCommunities(
    locals.user.grants,
    Object.entries(places.communities).map(([communityId, c]) => ({ communityId, ...c })),
  );
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const query = {
    communityId: url.searchParams.get('communityId') ?? communities[0]?.communityId ?? '',
    from: url.searchParams.get('from') ?? `${today.slice(0, 4)}-01-01`,
    until: url.searchParams.get('until') ?? today,
  };
  const community = communities.find((c) => c.communityId === query.communityId);
  if (!community) return { communities, query, report: null, refusal: null };
  const input = { ...query, streetId: community.streetId };
  try {
    const report = await locals.api.team.hours.query({ ...input, minPosition: lastWrite(cookies) });
    return { communities, query: input, report, refusal: null };
  } catch (error) {
    if (!isApiError(error)) throw error;
    return { communities, query: input, report: null, refusal: error.message };
  }
};
