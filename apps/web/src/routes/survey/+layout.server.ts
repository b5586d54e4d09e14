import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { surveyCommunities } from '$lib/permissions';
import { lastWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import type { LayoutServerLoad } from './$types';

// Site surveys: project consultants and department staff of a community.
export const load: LayoutServerLoad = async ({ locals, url, cookies }) => {
  const staff = locals.user;
  if (!staff) redirect(303, `/login/staff?back=${encodeURIComponent(url.pathname + url.search)}`);
  if (staff.kind === 'resident') refusePage(m.screening_survey_need_role(), staff);
  const overview = await locals.api.organisation.overview.query({
    minPosition: lastWrite(cookies),
  });
  const communities = surveyCommunities(
    staff.grants,
    overview.streets.flatMap((street) => street.communities),
  );
  if (communities.length === 0) refusePage(m.screening_survey_need_role(), staff);
  return { staff, communities };
};
