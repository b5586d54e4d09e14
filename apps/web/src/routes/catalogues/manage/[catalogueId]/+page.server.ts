import { redirect } from '@sveltejs/kit';
import { entryOf, refusedAction } from '$lib/catalogue/forms';
import { m } from '$lib/paraglide/messages';
import { orNotFound } from '$lib/server/cycles';
import { formText } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

// A version as its keepers edit it: every entry with the module's columns, changed or removed
// with the reason; entries added; the draft published (then read-only). What changed from the
// version before is listed with the reasons.
export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
  if (!locals.user) requireSignIn(url, 'staff');
  const version = await orNotFound(
    locals.api.catalogue.get.query({
      catalogueId: params.catalogueId,
      minPosition: lastWrite(cookies),
    }),
  );
  return { version };
};

type Api = App.Locals['api'];

/** Runs one change of the version; answers the page's message for `item`. */
async function change(
  event: { locals: App.Locals; cookies: import('@sveltejs/kit').Cookies },
  item: string,
  run: (api: Api) => Promise<{ position: string }>,
) {
  try {
    const result = await run(event.locals.api);
    rememberWrite(event.cookies, result.position);
    return { item, done: m.catalogue_saved() };
  } catch (cause) {
    return refusedAction(cause, item);
  }
}

export const actions: Actions = {
  add: async (event) => {
    const data = await event.request.formData();
    const { catalogueId } = event.params;
    return change(event, 'add', (api) =>
      api.catalogue.addEntry.mutate({
        catalogueId,
        entry: entryOf(data),
        reason: formText(data, 'reason'),
      }),
    );
  },
  change: async (event) => {
    const data = await event.request.formData();
    const { catalogueId } = event.params;
    return change(event, `change-${formText(data, 'code')}`, (api) =>
      api.catalogue.changeEntry.mutate({
        catalogueId,
        entry: entryOf(data),
        reason: formText(data, 'reason'),
      }),
    );
  },
  remove: async (event) => {
    const data = await event.request.formData();
    const { catalogueId } = event.params;
    return change(event, `change-${formText(data, 'code')}`, (api) =>
      api.catalogue.removeEntry.mutate({
        catalogueId,
        code: formText(data, 'code'),
        reason: formText(data, 'reason'),
      }),
    );
  },
  publish: async (event) => {
    const { catalogueId } = event.params;
    const result = await change(event, 'publish', (api) =>
      api.catalogue.publish.mutate({ catalogueId }),
    );
    if ('done' in result) redirect(303, `/catalogues/${encodeURIComponent(catalogueId)}`);
    return result;
  },
};
