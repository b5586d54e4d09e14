import { error, redirect } from '@sveltejs/kit';
import { ledgerKindSchema, type LedgerKind } from '@gongzhi/domain';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { detailsOf, itemForm, receiveLedgerPhotos, wholeNumber } from '$lib/ledger/forms';
import { blankFields, invalid, refusedBy, rowOf } from '$lib/server/forms';
import { photoAccept } from '$lib/server/photos';
import { rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

const formId = 'ledger-item';

function kindOf(url: URL): LedgerKind {
  const kind = ledgerKindSchema.safeParse(url.searchParams.get('kind'));
  if (!kind.success) error(404, m.ledger_empty());
  return kind.data;
}

export const load: PageServerLoad = async ({ locals, url }) => ({
  kind: kindOf(url),
  settings: await locals.api.ledger.settings.query(),
  photoAccept,
  form: await superValidate(zod4(itemForm), { id: formId }),
});

export const actions: Actions = {
  default: async (event) => {
    const { locals, cookies, url } = event;
    const kind = kindOf(url);
    const communityId = url.searchParams.get('community') ?? '';
    const data = await event.request.formData();
    const form = await superValidate(data, zod4(itemForm), { id: formId });
    await receiveLedgerPhotos(event, form, data, 'photos', 'photoIds');
    blankFields(form, [
      'title',
      'department',
      ...(kind === 'app' || kind === 'chat_group' || kind === 'certificate' || kind === 'task'
        ? ['purpose']
        : []),
      ...(kind === 'chat_group' ? ['owner'] : []),
    ]);
    const weeklyMinutes = wholeNumber(form, 'weeklyMinutes', form.data.weeklyMinutes);
    const members = kind === 'chat_group' ? wholeNumber(form, 'members', form.data.members) : 0;
    if (!form.valid || weeklyMinutes === undefined || members === undefined) return invalid(form);
    try {
      const result = await locals.api.ledger.record.mutate({
        communityId,
        title: form.data.title,
        department: form.data.department,
        weeklyMinutes,
        details: detailsOf(kind, form.data, members) as never,
        photoIds: form.data.photoIds,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause, (path) =>
        path.startsWith('photoIds')
          ? { field: 'photoIds', row: rowOf(path, 'photoIds') }
          : { field: path.startsWith('details.') ? path.slice('details.'.length) : path },
      );
    }
    redirect(303, `/work/ledger?community=${encodeURIComponent(communityId)}`);
  },
};
