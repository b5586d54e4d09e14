import { lastWrite } from '$lib/server/read-your-writes';
import { grantorsWith } from '$lib/server/acting';
import type { PageServerLoad } from './$types';

// My pool proposals the vote did not select, with whether the community's feedback has come; or,
// holding a relative's 'propose' proxy, theirs (`?for=`).
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const minPosition = lastWrite(cookies);
  const profile = await locals.api.resident.me.query({ minPosition });
  const grantors = grantorsWith(profile, 'propose');
  const forResident = grantors.find((g) => g.residentId === url.searchParams.get('for'));
  const { proposals } = await locals.api.feedback.mine.query({
    minPosition,
    ...(forResident && { forResidentId: forResident.residentId }),
  });
  return { proposals, grantors, forResidentId: forResident?.residentId ?? '' };
};
