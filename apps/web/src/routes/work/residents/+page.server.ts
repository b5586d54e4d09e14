import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { isTieKind, optional, parseBirthYear, registerOnSpotForm } from '$lib/resident/forms';
import { m } from '$lib/paraglide/messages';
import {
  blankRequired,
  incomplete,
  itemBlank,
  itemRefusal,
  itemSuccess,
  refusal,
  success,
} from '$lib/server/forms';
import { rememberWrite } from '$lib/server/read-your-writes';
import { searchResidents } from '$lib/server/resident-search';
import type { Actions, PageServerLoad } from './$types';

const onSpotFormId = 'on-spot';

export const load: PageServerLoad = async ({ locals, url, parent }) => {
  const { community } = await parent();
  return {
    ...(await searchResidents(locals.api, community.communityId, url)),
    onSpotForm: await superValidate(zod4(registerOnSpotForm), { id: onSpotFormId }),
  };
};

const field = (data: FormData, name: string) => String(data.get(name) ?? '');

/** The number and kind the worker typed at the counter, kept after a code is sent or refused. */
const typedAtCounter = (data: FormData) => ({
  phone: field(data, 'phone'),
  tieKind: field(data, 'kind'),
});

function counterRefusal(error: unknown, data: FormData) {
  const refused = itemRefusal('counter', error);
  return fail(refused.status, { ...refused.data, ...typedAtCounter(data) });
}

export const actions: Actions = {
  registerOnSpot: async ({ request, locals, cookies }) => {
    const form = await superValidate(request, zod4(registerOnSpotForm), { id: onSpotFormId });
    const blank = blankRequired(form, ['name', 'phone', 'birthYear']);
    const year = parseBirthYear(form.data.birthYear);
    if (!blank && year === undefined) form.errors.birthYear = [m.register_birth_year_invalid()];
    if (!form.data.consent) form.errors.consent = [m.on_spot_consent_required()];
    if (blank || year === undefined || !form.data.consent) {
      form.valid = false;
      return incomplete(form);
    }
    const { communityId, kind, name, phone, idNumber, address } = form.data;
    try {
      const result = await locals.api.resident.registerOnSpot.mutate({
        communityId,
        kind: isTieKind(kind) ? kind : 'lives',
        name,
        phone,
        birthYear: year,
        idNumber: optional(idNumber),
        address: optional(address),
        consent: { form: 'paper' },
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return refusal(form, error);
    }
    const fresh = await superValidate(zod4(registerOnSpotForm), { id: onSpotFormId });
    return success(fresh, m.on_spot_registered({ name: name.trim() }));
  },

  requestTieCode: async ({ request, locals }) => {
    const data = await request.formData();
    try {
      await locals.api.resident.requestTieCode.mutate({
        communityId: field(data, 'communityId'),
        phone: field(data, 'phone'),
      });
    } catch (error) {
      return counterRefusal(error, data);
    }
    return { ...itemSuccess('counter', m.counter_code_sent()), ...typedAtCounter(data) };
  },

  declareTieFor: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const kind = field(data, 'kind');
    const code = field(data, 'code').trim();
    try {
      const result = await locals.api.resident.declareTieFor.mutate({
        communityId: field(data, 'communityId'),
        phone: field(data, 'phone'),
        kind: isTieKind(kind) ? kind : 'lives',
        ...(code !== '' && { code }),
      });
      // By number without the code nothing tells whether anything was written.
      if (result.position !== null) rememberWrite(cookies, result.position);
      return itemSuccess(
        'counter',
        result.awaitingResident ? m.counter_declared_awaiting() : m.counter_declared_with_code(),
      );
    } catch (error) {
      return counterRefusal(error, data);
    }
  },

  requestErasure: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const residentId = field(data, 'residentId');
    const writtenRequestRef = field(data, 'writtenRequestRef').trim();
    if (writtenRequestRef === '') return itemBlank(residentId);
    try {
      const result = await locals.api.resident.requestErasure.mutate({
        communityId: field(data, 'communityId'),
        residentId,
        writtenRequestRef,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(residentId, error);
    }
    return itemSuccess(residentId, m.work_erasure_requested());
  },
};
