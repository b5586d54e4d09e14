import { redirect } from '@sveltejs/kit';
import { catalogueKindSchema } from '@gongzhi/domain';
import { keptPlace, refusedAction } from '$lib/catalogue/forms';
import { m } from '$lib/paraglide/messages';
import { formText } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { refusePage, requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// The keepers' page: a place's versions (drafts too), drafting the next one, and the
// departments' requests to decide. City administrators, or street officers where the locality
// keeps catalogues by street.

async function placeOf(event: { locals: App.Locals; url: URL }) {
  const { locals, url } = event;
  const user = locals.user;
  if (!user) requireSignIn(url, 'staff');
  const settings = await locals.api.ledger.settings.query();
  const place =
    user.kind === 'staff'
      ? keptPlace(settings.catalogueLevel, user.grants, url.searchParams.get('street'))
      : undefined;
  if (!place) refusePage(m.catalogue_manage_title(), user);
  return place;
}

export const load: PageServerLoad = async (event) => {
  const place = await placeOf(event);
  const minPosition = lastWrite(event.cookies);
  const [{ versions }, { requests }] = await Promise.all([
    event.locals.api.catalogue.versions.query({ place, minPosition }),
    event.locals.api.catalogue.requests.query({ place, minPosition }),
  ]);
  return { place, versions, requests, thisYear: new Date().getFullYear() };
};

export const actions: Actions = {
  draft: async (event) => {
    const place = await placeOf(event);
    const data = await event.request.formData();
    const kind = catalogueKindSchema.safeParse(formText(data, 'kind'));
    let catalogueId: string;
    try {
      const result = await event.locals.api.catalogue.draft.mutate({
        place,
        kind: kind.success ? kind.data : ('' as never),
        year: Number(formText(data, 'year')),
      });
      rememberWrite(event.cookies, result.position);
      catalogueId = result.catalogueId;
    } catch (error) {
      return refusedAction(error, 'draft');
    }
    redirect(303, `/catalogues/manage/${encodeURIComponent(catalogueId)}`);
  },

  decide: async (event) => {
    await placeOf(event);
    const data = await event.request.formData();
    const requestId = formText(data, 'requestId');
    const admit = formText(data, 'decision') === 'admit';
    const catalogueId = formText(data, 'catalogueId');
    try {
      const result = await event.locals.api.catalogue.decideRequest.mutate({
        requestId,
        admit,
        reason: formText(data, 'reason'),
        ...(admit && catalogueId ? { catalogueId } : {}),
      });
      rememberWrite(event.cookies, result.position);
      return { item: requestId, done: m.catalogue_decided() };
    } catch (error) {
      return refusedAction(error, requestId);
    }
  },
};
