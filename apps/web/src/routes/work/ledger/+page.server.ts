import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// A community's register: every item with its status, by kind.
export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community } = await parent();
  const minPosition = lastWrite(cookies);
  const [{ items }, figures] = await Promise.all([
    locals.api.ledger.items.query({ communityId: community.communityId, minPosition }),
    locals.api.ledger.figures.query({ communityId: community.communityId, minPosition }),
  ]);
  return { items, figures };
};
