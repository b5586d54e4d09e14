// Shared by the pages of cycles, proposals and screening: reading an item the API may
// not have, and naming places.
import { error } from '@sveltejs/kit';
import { isApiError, type ApiClient } from '@gongzhi/api/client';
import type { NamedPlace } from '$lib/place';

/**
 * Loads what a page shows; an unknown or malformed id is a 404 page, a refusal a 403 page, each
 * with the API's own words.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (cause) {
    const status = isApiError(cause) ? cause.data?.httpStatus : undefined;
    const text = cause instanceof Error ? cause.message : '';
    if (status === 404 || status === 400) error(404, text);
    if (status === 403) error(403, text);
    throw cause;
  }
}

export type Places = {
  streets: Record<string, NamedPlace>;
  communities: Record<string, NamedPlace & { streetId: string }>;
};

/** Every street and community by id, to name them in the interface language. */
export async function loadPlaces(api: ApiClient, minPosition?: string): Promise<Places> {
  const overview = await api.organisation.overview.query({ minPosition });
  const streets: Places['streets'] = {};
  const communities: Places['communities'] = {};
  for (const street of overview.streets) {
    streets[street.streetId] = { name: street.name, nameEn: street.nameEn };
    for (const c of street.communities) {
      communities[c.communityId] = { name: c.name, nameEn: c.nameEn, streetId: street.streetId };
    }
  }
  return { streets, communities };
}

/**
 * The published cycles a community takes part in that are not closed, newest first, whole
 * (rules, phase, budgets): a street runs one or two at a time.
 */
export async function openCyclesOf(
  api: ApiClient,
  community: { communityId: string; streetId: string },
  minPosition?: string,
) {
  const { cycles } = await api.cycle.list.query({ streetId: community.streetId, minPosition });
  const open = cycles.filter((cycle) => cycle.phase !== 'closed');
  const whole = await Promise.all(
    open.map((cycle) => api.cycle.get.query({ cycleId: cycle.cycleId, minPosition })),
  );
  return whole.filter((cycle) =>
    cycle.budgets.some((b) => b.communityId === community.communityId),
  );
}

/** The cycle asked for by `?cycle=`, else the first in `phase`, else the first given. */
export function chosenCycle<C extends { cycleId: string; phase: string | null }>(
  cycles: readonly C[],
  url: URL,
  phase?: string,
) {
  const wanted = url.searchParams.get('cycle');
  return (
    cycles.find((cycle) => cycle.cycleId === wanted) ??
    cycles.find((cycle) => cycle.phase === phase) ??
    cycles[0]
  );
}
