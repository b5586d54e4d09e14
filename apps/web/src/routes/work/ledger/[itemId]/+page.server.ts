import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { actForm, receiveLedgerPhotos, reinspectionForm, scheduleForm } from '$lib/ledger/forms';
import { mayOverseeStreet } from '$lib/ledger/labels';
import { orNotFound } from '$lib/server/cycles';
import { blankFields, invalid, refusedBy, rowOf, success } from '$lib/server/forms';
import { photoAccept } from '$lib/server/photos';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { chinaToday } from '$lib/text';
import type { Actions, PageServerLoad } from './$types';

const ids = { act: 'ledger-act', reinspect: 'ledger-reinspect', schedule: 'ledger-schedule' };

export const load: PageServerLoad = async ({ locals, cookies, params, parent }) => {
  const { community, staff } = await parent();
  const minPosition = lastWrite(cookies);
  const item = await orNotFound(
    locals.api.ledger.item.query({ itemId: params.itemId, minPosition }),
  );
  const [{ items }, settings] = await Promise.all([
    locals.api.ledger.items.query({ communityId: item.communityId, kind: item.kind, minPosition }),
    locals.api.ledger.settings.query(),
  ]);
  const today = chinaToday();
  return {
    item,
    community,
    settings,
    mergeTargets: items.filter(
      (i) => i.itemId !== item.itemId && ['active', 'kept', 'relapsed'].includes(i.status),
    ),
    mayOversee: mayOverseeStreet(staff.grants, item.streetId),
    photoAccept,
    actForm: await superValidate({ actedOn: today }, zod4(actForm), { id: ids.act, errors: false }),
    reinspectForm: await superValidate({ inspectedOn: today }, zod4(reinspectionForm), {
      id: ids.reinspect,
      errors: false,
    }),
    scheduleForm: await superValidate(zod4(scheduleForm), { id: ids.schedule }),
  };
};

const mapPhotos =
  (...lists: string[]) =>
  (path: string) => {
    const list = lists.find((l) => path.startsWith(l));
    return list ? { field: list, row: rowOf(path, list) } : { field: path };
  };

export const actions: Actions = {
  act: async (event) => {
    const { locals, cookies, params } = event;
    const data = await event.request.formData();
    const form = await superValidate(data, zod4(actForm), { id: ids.act });
    await receiveLedgerPhotos(event, form, data, 'beforePhotos', 'beforePhotoIds');
    await receiveLedgerPhotos(event, form, data, 'afterPhotos', 'afterPhotoIds');
    blankFields(form, ['basis', 'reason', 'approver', 'actedOn']);
    if (!form.valid) return invalid(form);
    const act = form.data.act as 'remove' | 'merge' | 'retire' | 'keep';
    try {
      const result = await locals.api.ledger.act.mutate({
        itemId: params.itemId,
        act,
        ...(act === 'merge' && form.data.intoItemId ? { intoItemId: form.data.intoItemId } : {}),
        basis: form.data.basis,
        reason: form.data.reason,
        approver: form.data.approver,
        actedOn: form.data.actedOn,
        beforePhotoIds: form.data.beforePhotoIds,
        afterPhotoIds: form.data.afterPhotoIds,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause, mapPhotos('beforePhotoIds', 'afterPhotoIds'));
    }
    return success(form, m.ledger_acted());
  },

  reinspect: async (event) => {
    const { locals, cookies, params } = event;
    const data = await event.request.formData();
    const form = await superValidate(data, zod4(reinspectionForm), { id: ids.reinspect });
    await receiveLedgerPhotos(event, form, data, 'photos', 'photoIds');
    blankFields(form, ['inspectedOn']);
    if (!form.valid) return invalid(form);
    const optional = (value: string) => (value.trim() === '' ? undefined : value);
    try {
      const result = await locals.api.ledger.recordReinspection.mutate({
        itemId: params.itemId,
        inspectedOn: form.data.inspectedOn,
        present: form.data.present === 'yes',
        department: optional(form.data.department),
        notes: optional(form.data.notes),
        photoIds: form.data.photoIds,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause, mapPhotos('photoIds'));
    }
    return success(form, m.ledger_reinspected());
  },

  schedule: async ({ locals, cookies, params, request }) => {
    const form = await superValidate(request, zod4(scheduleForm), { id: ids.schedule });
    blankFields(form, ['dueOn']);
    if (!form.valid) return invalid(form);
    try {
      const result = await locals.api.ledger.scheduleReinspection.mutate({
        itemId: params.itemId,
        dueOn: form.data.dueOn,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause);
    }
    return success(form, m.ledger_scheduled());
  },
};
