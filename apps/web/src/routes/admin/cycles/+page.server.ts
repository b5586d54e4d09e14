import { m } from '$lib/paraglide/messages';
import { mayManageCycles } from '$lib/permissions';
import { lastWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import type { PageServerLoad } from './$types';

// The cycles (drafts included) of every street the officer sets cycles up for.
export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { staff } = await parent();
  const minPosition = lastWrite(cookies);
  const overview = await locals.api.organisation.overview.query({ minPosition });
  const streets = overview.streets.filter((s) => mayManageCycles(staff.grants, s.streetId));
  if (streets.length === 0) refusePage(m.cycle_admin_need_role(), staff);
  return {
    streets: await Promise.all(
      streets.map(async (street) => ({
        streetId: street.streetId,
        name: street.name,
        nameEn: street.nameEn,
        open: street.status === 'open',
        cycles: (await locals.api.cycle.drafts.query({ streetId: street.streetId, minPosition }))
          .cycles,
      })),
    ),
  };
};
