import { orNotFound } from '$lib/server/cycles';
import { loadStreetName } from '$lib/server/places';
import { orNotYet, pastView } from '$lib/server/as-of';
import { lastWrite } from '$lib/server/read-your-writes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { locals, cookies, params } = event;
  // As of a past day (`?asOf=`): the cycle as it stood then; places are named as today.
  const view = pastView(event);
  const minPosition = view.asOf === null ? lastWrite(cookies) : undefined;
  const cycle = await orNotFound(
    orNotYet(view, view.api.cycle.get.query({ cycleId: params.cycleId, minPosition })),
  );
  return {
    asOf: view.asOf,
    nowHref: view.nowHref,
    cycle,
    street: await loadStreetName(locals.api, cycle.streetId, minPosition),
  };
};
