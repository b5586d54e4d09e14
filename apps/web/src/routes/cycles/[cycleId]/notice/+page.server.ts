import { mayAnswerObjections } from '$lib/permissions';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// The public notice (公示) of the cycle's selection: its dates, each community's selection as
// counted, and every objection with its answer. Staff who may answer an objection get a link to.
export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  const notice = await orNotFound(
    locals.api.outcome.notice.query({ cycleId: params.cycleId, minPosition: lastWrite(cookies) }),
  );
  const grants = locals.user?.grants ?? [];
  const answerable = notice.communities
    .filter((c) =>
      mayAnswerObjections(grants, { streetId: notice.streetId, communityId: c.communityId }),
    )
    .map((c) => c.communityId);
  return {
    notice,
    answerable,
    signedIn: locals.user !== null,
    done: url.searchParams.get('done'),
  };
};
