import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// My pool proposals the vote did not select, with whether the community's feedback has come.
export const load: PageServerLoad = async ({ locals, cookies }) => {
  const { proposals } = await locals.api.feedback.mine.query({ minPosition: lastWrite(cookies) });
  return { proposals };
};
