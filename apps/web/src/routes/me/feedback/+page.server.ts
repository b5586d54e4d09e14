import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// My pool proposals the vote did not select, with whether the community's feedback has come; or,
// holding a relative's 'propose' proxy, theirs (`?for=`).
export const load: PageServerLoad = async ({ locals, cookies, url }) => {
  const minPosition = lastWrite(cookies);
  const profile = await locals.api.resident.me.query({ minPosition });
  const grantors = profile.proxiesReceived
    .filter((proxy) => proxy.active && proxy.powers.includes('propose'))
    .map((proxy) => ({
      residentId: proxy.grantor.accountId,
      name: proxy.grantor.name ?? proxy.grantor.phoneMasked ?? proxy.grantor.accountId,
    }));
  const forResident = grantors.find((g) => g.residentId === url.searchParams.get('for'));
  const { proposals } = await locals.api.feedback.mine.query({
    minPosition,
    ...(forResident && { forResidentId: forResident.residentId }),
  });
  return { proposals, grantors, forResidentId: forResident?.residentId ?? '' };
};
