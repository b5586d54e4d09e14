import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies }) => ({
  overview: await locals.api.organisation.overview.query({ minPosition: lastWrite(cookies) }),
});
