import { loadPlaces, orNotFound } from '$lib/server/cycles';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, params }) => {
  const minPosition = lastWrite(cookies);
  const cycle = await orNotFound(
    locals.api.cycle.get.query({ cycleId: params.cycleId, minPosition }),
  );
  const places = await loadPlaces(locals.api, minPosition);
  return { cycle, street: places.streets[cycle.streetId] ?? null };
};
