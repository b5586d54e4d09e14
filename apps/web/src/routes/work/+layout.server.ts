import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { canActInPerson, careCommunities } from '$lib/permissions';
import { loadOverview } from '$lib/server/places';
import { requireSignIn } from '$lib/server/sign-in';
import type { LayoutServerLoad } from './$types';

// Community work: the communities whose residents the person looks after, one at a time
// (`?community=`), the first by default.
export const load: LayoutServerLoad = async ({ locals, url, cookies }) => {
  const staff = locals.user;
  if (!staff) requireSignIn(url, 'staff');
  if (staff.kind === 'resident') redirect(303, '/me');
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
  if (communities.length === 0) error(403, m.work_need_role());
  const wanted = url.searchParams.get('community');
  const community = communities.find((c) => c.communityId === wanted) ?? communities[0]!;
  return {
    staff,
    communities,
    community,
    mayActInPerson: canActInPerson(staff.grants, community),
  };
};
