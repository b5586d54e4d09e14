import { loadPlaces } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies }) => {
  const minPosition = lastWrite(cookies);
  const [{ cycles }, places] = await Promise.all([
    locals.api.cycle.list.query({ minPosition }),
    loadPlaces(locals.api, minPosition),
  ]);
  return { cycles, streets: places.streets };
};
