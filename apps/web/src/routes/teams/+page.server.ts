import { loadPlaces } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

// Every volunteer team, with its place and the hours it has served: public.
export const load: PageServerLoad = async ({ locals, cookies }) => {
  const minPosition = lastWrite(cookies);
  const [{ teams }, places] = await Promise.all([
    locals.api.team.list.query({ minPosition }),
    loadPlaces(locals.api, minPosition),
  ]);
  return { teams, places };
};
