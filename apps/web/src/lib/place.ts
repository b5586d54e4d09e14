import { getLocale } from '$lib/paraglide/runtime';

export type NamedPlace = { name: string; nameEn: string | null };

/** The name to show: the English one in the English interface when there is one. */
export function placeName(place: NamedPlace): string {
  return getLocale() === 'en' && place.nameEn ? place.nameEn : place.name;
}
