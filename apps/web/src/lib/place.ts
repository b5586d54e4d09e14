import { getLocale } from '$lib/paraglide/runtime';

export type NamedPlace = { name: string; nameEn: string | null };

/** The name to show: the English one in the English interface when there is one. */
export function placeName(place: NamedPlace): string {
  return getLocale() === 'en' && place.nameEn ? place.nameEn : place.name;
}

type Street = NamedPlace & {
  streetId: string;
  status: string;
  communities: (NamedPlace & { communityId: string; status: string })[];
};

/** Open communities under their streets, as a grouped select shows them. */
export function communityGroups(streets: readonly Street[]) {
  return streets
    .filter((street) => street.status === 'open')
    .map((street) => ({
      label: placeName(street),
      options: street.communities
        .filter((community) => community.status === 'open')
        .map((community) => ({ value: community.communityId, label: placeName(community) })),
    }))
    .filter((group) => group.options.length > 0);
}
