import { isApiError } from '@gongzhi/api/client';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

/** A count the person's roles may not see (a street officer has no intake queue) is left out. */
async function countOf<T, C>(query: Promise<T>, count: (answer: T) => C): Promise<C | null> {
  try {
    return count(await query);
  } catch (cause) {
    if (isApiError(cause) && cause.data?.httpStatus === 403) return null;
    throw cause;
  }
}

// The community's work at a glance: what waits for a worker, each count linking to its page.
export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community } = await parent();
  const communityId = community.communityId;
  const minPosition = lastWrite(cookies);
  const [ties, intake, waiting, erasures, overdueReports] = await Promise.all([
    countOf(
      locals.api.resident.verificationQueue.query({ communityId, minPosition }),
      (a) => a.ties.length,
    ),
    countOf(
      locals.api.proposal.intakeQueue.query({ communityId, minPosition }),
      (a) => a.proposals.length,
    ),
    countOf(locals.api.feedback.queue.query({ communityId, minPosition }), (a) => a.counts),
    countOf(
      locals.api.resident.pendingErasures.query({ communityId, minPosition }),
      (a) => a.erasures.filter((erasure) => erasure.mayConfirm).length,
    ),
    countOf(
      locals.api.project.waitingReports.query({ communityId, overdueOnly: true, minPosition }),
      (a) => a.reports.length,
    ),
  ]);
  return {
    counts: {
      ties,
      intake,
      feedback: waiting?.awaitingFeedback ?? null,
      replies: waiting?.awaitingReply ?? null,
      erasures,
      overdueReports,
    },
  };
};
