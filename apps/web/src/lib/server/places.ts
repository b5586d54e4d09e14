import type { ApiClient, RouterOutputs } from '@gongzhi/api/client';
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
