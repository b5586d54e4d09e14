import { m } from '$lib/paraglide/messages';
import { canActInPerson, canConfirmErasures, careCommunities } from '$lib/permissions';
import { placeName } from '$lib/place';
import { loadOverview } from '$lib/server/places';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { LayoutServerLoad } from './$types';

// Community work: the communities whose residents the person looks after, one at a time
// (`?community=`), the first by default. Anyone else, and a community the person does not look
// after, gets the refusal page.
export const load: LayoutServerLoad = async ({ locals, url, cookies }) => {
  const staff = locals.user;
  if (!staff) requireSignIn(url, 'staff');
  if (staff.kind === 'resident') refusePage(m.work_need_role(), staff);
  const overview = await loadOverview(locals.api, cookies);
  const open = overview.streets
    .filter((street) => street.status === 'open')
    .flatMap((street) =>
      street.communities
        .filter((community) => community.status === 'open')
        .map((community) => ({
          ...community,
          street: { name: street.name, nameEn: street.nameEn },
        })),
    );
  const communities = careCommunities(staff.grants, open);
  const first = communities[0];
  if (!first) refusePage(m.work_need_role(), staff);
  const wanted = url.searchParams.get('community');
  const community = wanted ? communities.find((c) => c.communityId === wanted) : first;
  if (!community) {
    refusePage(m.refused_other_community(), staff, {
      href: `/work?community=${encodeURIComponent(first.communityId)}`,
      label: m.refused_go_board({ community: placeName(first) }),
    });
  }
  return {
    staff,
    communities,
    community,
    mayActInPerson: canActInPerson(staff.grants, community),
    mayConfirmErasures: canConfirmErasures(staff.grants, community),
  };
};
