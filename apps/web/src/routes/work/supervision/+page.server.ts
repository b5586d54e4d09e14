// Supervision reports of the community's projects waiting for the implementer's answer, the
// overdue ones first and flagged: the community's and the street's view of who owes residents an
// answer. Each links to the project's page, where the answer is given.
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community } = await parent();
  const { reports } = await locals.api.project.waitingReports.query({
    communityId: community.communityId,
    minPosition: lastWrite(cookies),
  });
  return { reports };
};
