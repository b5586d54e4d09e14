import { catalogueKindSchema } from '@gongzhi/domain';
import { entryOf, keptPlace, refusedAction } from '$lib/catalogue/forms';
import { m } from '$lib/paraglide/messages';
import { formText } from '$lib/server/forms';
import { rememberWrite } from '$lib/server/read-your-writes';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// A department asks to add a work item or a certificate to the catalogue of the place that keeps
// them (the city, or the department's street where the locality keeps them by street).

const mayAsk = (grants: readonly { role: string }[]) =>
  grants.some((g) => ['department_staff', 'street_officer', 'city_admin'].includes(g.role));

async function placeOf({ locals, url }: { locals: App.Locals; url: URL }) {
  const user = locals.user;
  if (!user) requireSignIn(url, 'staff');
  if (user.kind !== 'staff' || !mayAsk(user.grants)) refusePage(m.catalogue_request_title(), user);
  const { catalogueLevel } = await locals.api.ledger.settings.query();
  if (catalogueLevel === 'city') return { type: 'city' as const };
  // By street: a department's grant names its street (or its community's street).
  const street = user.grants.find((g) => g.scope.type !== 'city')?.scope;
  const place =
    street && 'streetId' in street && street.streetId
      ? { type: 'street' as const, streetId: street.streetId }
      : keptPlace('street', user.grants, url.searchParams.get('street'));
  if (!place) refusePage(m.catalogue_request_title(), user);
  return place;
}

export const load: PageServerLoad = async (event) => ({ place: await placeOf(event) });

export const actions: Actions = {
  default: async (event) => {
    const place = await placeOf(event);
    const data = await event.request.formData();
    const kind = catalogueKindSchema.safeParse(formText(data, 'kind'));
    try {
      const result = await event.locals.api.catalogue.fileRequest.mutate({
        place,
        kind: kind.success ? kind.data : ('' as never),
        department: formText(data, 'requestingDepartment'),
        entry: entryOf(data),
        reason: formText(data, 'requestReason'),
      });
      rememberWrite(event.cookies, result.position);
      return { item: 'request', done: m.catalogue_request_filed() };
    } catch (error) {
      return refusedAction(error, 'request');
    }
  },
};
