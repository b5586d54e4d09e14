import { offCatalogueChannelSchema } from '@gongzhi/domain';
import { refusedAction } from '$lib/catalogue/forms';
import { m } from '$lib/paraglide/messages';
import { formText } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

// Tasks pushed to the community that no catalogue admits (清单外事项): the form to record one
// (who pushed it, when, how) and the community's list.
export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { community } = await parent();
  const list = await locals.api.catalogue.communityOffCatalogueTasks.query({
    communityId: community.communityId,
    minPosition: lastWrite(cookies),
  });
  return { ...list, today: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) };
};

export const actions: Actions = {
  default: async ({ locals, cookies, request, url }) => {
    const data = await request.formData();
    const channel = offCatalogueChannelSchema.safeParse(formText(data, 'channel'));
    const notes = formText(data, 'notes');
    try {
      const result = await locals.api.catalogue.recordOffCatalogueTask.mutate({
        communityId: url.searchParams.get('community') ?? '',
        title: formText(data, 'title'),
        pushedBy: formText(data, 'pushedBy'),
        pushedOn: formText(data, 'pushedOn'),
        channel: channel.success ? channel.data : ('' as never),
        ...(notes ? { notes } : {}),
      });
      rememberWrite(cookies, result.position);
      return { item: 'off', done: m.catalogue_off_recorded() };
    } catch (error) {
      return refusedAction(error, 'off');
    }
  },
};
