// What the catalogue pages share: the place a person keeps catalogues for, an entry read from a
// plain form, and a refusal turned into the page's message.
import { fail } from '@sveltejs/kit';
import { fieldErrorsOf, isApiError } from '@gongzhi/api/client';
import type { CatalogueEntry, CataloguePlace } from '@gongzhi/domain';
import { formText } from '$lib/server/forms';

type Grant = { role: string; scope: { type: string; streetId?: string } };

/**
 * The place whose catalogues the person keeps: the city's (its administrators), or, where the
 * locality keeps them by street, the street asked for or the person's first.
 */
export function keptPlace(
  level: 'city' | 'street',
  grants: readonly Grant[],
  wantedStreet: string | null,
): CataloguePlace | undefined {
  if (level === 'city') {
    return grants.some((g) => g.role === 'city_admin') ? { type: 'city' } : undefined;
  }
  const streets = grants.flatMap((g) =>
    g.role === 'street_officer' && g.scope.streetId ? [g.scope.streetId] : [],
  );
  const city = grants.some((g) => g.role === 'city_admin');
  const streetId =
    wantedStreet && (city || streets.includes(wantedStreet)) ? wantedStreet : streets[0];
  return streetId ? { type: 'street', streetId } : undefined;
}

/** The columns of an entry as a plain form posts them; optional ones left out when blank. */
export function entryOf(data: FormData): CatalogueEntry {
  const optional = (name: string) => {
    const value = formText(data, name);
    return value ? value : undefined;
  };
  const category = optional('category');
  return {
    code: formText(data, 'code'),
    title: formText(data, 'title'),
    basis: formText(data, 'basis'),
    department: formText(data, 'department'),
    communityRole: formText(data, 'communityRole'),
    ...(optional('funding') ? { funding: optional('funding') } : {}),
    ...(optional('alternative') ? { alternative: optional('alternative') } : {}),
    ...(category ? { category: category as CatalogueEntry['category'] } : {}),
  };
}

/** A refused action: the message, each field problem beside its field (by path), for `item`. */
export function refusedAction(error: unknown, item = '') {
  if (!isApiError(error)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const e of fieldErrorsOf(error)) {
    const field = e.path.replace(/^entry\./, '');
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${e.message}` : e.message;
  }
  return fail(error.data?.httpStatus ?? 400, { item, error: error.message, fieldErrors });
}
