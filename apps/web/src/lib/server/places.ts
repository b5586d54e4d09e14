import { isApiError, type ApiClient, type RouterOutputs } from '@gongzhi/api/client';
import type { NamedPlace } from '$lib/place';
import { lastWrite } from './read-your-writes';
import type { Cookies } from '@sveltejs/kit';

export type Overview = RouterOutputs['organisation']['overview'];
export type CommunityListing = Overview['streets'][number]['communities'][number];

/** The city's streets and communities, after this browser's latest write. */
export function loadOverview(api: ApiClient, cookies: Cookies): Promise<Overview> {
  return api.organisation.overview.query({ minPosition: lastWrite(cookies) });
}

/** Every community of the overview by id, for naming places in the interface language. */
export function communitiesById(overview: Overview): Record<string, CommunityListing> {
  return Object.fromEntries(
    overview.streets.flatMap((street) => street.communities.map((c) => [c.communityId, c])),
  );
}

/**
 * The streets and their communities with only what a place picker shows (ids, names, status):
 * a page that offers a community to choose sends this, not the overview's counts per community,
 * which at a city's size (hundreds of communities) weigh several times as much.
 */
export function placeChoices(overview: Overview) {
  return overview.streets.map(({ streetId, name, nameEn, status, communities }) => ({
    streetId,
    name,
    nameEn,
    status,
    communities: communities.map((c) => ({
      communityId: c.communityId,
      name: c.name,
      nameEn: c.nameEn,
      status: c.status,
    })),
  }));
}

/** What `load` answers, or undefined when the API finds no such place (404, or 400: no id). */
async function unlessMissing<T>(load: Promise<T>): Promise<T | undefined> {
  try {
    return await load;
  } catch (cause) {
    const status = isApiError(cause) ? cause.data?.httpStatus : undefined;
    if (status === 404 || status === 400) return undefined;
    throw cause;
  }
}

/**
 * One street's names, for a page that names only its street (not the city's overview, hundreds
 * of communities); null when there is no such street.
 */
export async function loadStreetName(
  api: ApiClient,
  streetId: string,
  minPosition?: string,
): Promise<NamedPlace | null> {
  const found = await unlessMissing(api.organisation.street.query({ streetId, minPosition }));
  return found ? { name: found.street.name, nameEn: found.street.nameEn } : null;
}

/** The street of a community; undefined when there is no such community (or the id is none). */
export async function streetOfCommunity(
  api: ApiClient,
  communityId: string,
  minPosition?: string,
): Promise<string | undefined> {
  const found = await unlessMissing(api.organisation.community.query({ communityId, minPosition }));
  return found?.street.streetId;
}

const open = (place: { status: string }) => place.status === 'open';

/** The open streets by name: the first step of a place picker (no communities). */
export async function openStreets(api: ApiClient, minPosition?: string) {
  const { streets } = await api.organisation.streets.query({ minPosition });
  return streets.filter(open).map(({ streetId, name, nameEn }) => ({ streetId, name, nameEn }));
}

/** The open communities of one street by name: the second step of a place picker. */
export async function openCommunitiesOf(api: ApiClient, streetId: string, minPosition?: string) {
  const { communities } = await api.organisation.street.query({ streetId, minPosition });
  return communities
    .filter(open)
    .map(({ communityId, name, nameEn }) => ({ communityId, name, nameEn }));
}
