import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { surveyCommunities } from '$lib/micro/permissions';
import { lastWrite } from '$lib/server/read-your-writes';
import type { LayoutServerLoad } from './$types';

// Site surveys: project consultants and department staff of a community.
export const load: LayoutServerLoad = async ({ locals, url, cookies }) => {
  const staff = locals.user;
  if (!staff) redirect(303, `/login/staff?back=${encodeURIComponent(url.pathname + url.search)}`);
  if (staff.kind === 'resident') redirect(303, '/me');
  const overview = await locals.api.organisation.overview.query({
    minPosition: lastWrite(cookies),
  });
  const communities = surveyCommunities(
    staff.grants,
    overview.streets.flatMap((street) => street.communities),
  );
  if (communities.length === 0) error(403, m.screening_survey_need_role());
  return { staff, communities };
};
