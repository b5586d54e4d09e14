import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { isTieKind, parseBirthYear, registerResidentForm } from '$lib/resident/forms';
import { m } from '$lib/paraglide/messages';
import { blankRequired, incomplete, refusal } from '$lib/server/forms';
import { requestPhoneCode } from '$lib/server/phone-code';
import { openCommunitiesOf, openStreets } from '$lib/server/places';
import { afterSignIn } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

const formId = 'register';
/** The API takes at most six ties at registration. */
const maxTies = 6;

// The street comes first (`?street=`, a plain GET form; the only one if there is one), then the
// form with that street's communities: a city has hundreds, too many for one list. Every post
// keeps `?street=` in its address, so the page after it offers the same communities.
export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.user) redirect(303, afterSignIn(url, locals.user));
  const streets = await openStreets(locals.api);
  const asked = url.searchParams.get('street');
  const street =
    streets.find((s) => s.streetId === asked) ?? (streets.length === 1 ? streets[0] : undefined);
  const communities = street ? await openCommunitiesOf(locals.api, street.streetId) : [];
  return {
    streets,
    streetId: street?.streetId ?? null,
    streetUnknown: asked !== null && !street,
    communities,
    form: await superValidate(zod4(registerResidentForm), { id: formId }),
    maxTies,
  };
};

async function readForm(request: Request) {
  const form = await superValidate(request, zod4(registerResidentForm), { id: formId });
  // The password never goes back to the page.
  const { password } = form.data;
  form.data.password = '';
  return { form, password };
}

export const actions: Actions = {
  /** Sends the one-time code; the rest of the form comes back as it was typed. */
  requestCode: async ({ request, locals }) => {
    const { form } = await readForm(request);
    if (blankRequired(form, ['phone'])) return incomplete(form);
    return requestPhoneCode(locals.api, form);
  },

  /** One more row of community and tie (the form works without JavaScript). */
  addTie: async ({ request }) => {
    const { form } = await readForm(request);
    if (form.data.tieCommunityIds.length < maxTies) {
      form.data.tieCommunityIds.push('');
      form.data.tieKinds.push('lives');
    }
    return { form };
  },

  register: async ({ request, locals }) => {
    const { form, password } = await readForm(request);
    const { name, phone, code, birthYear, tieCommunityIds, tieKinds } = form.data;
    const blank = blankRequired(form, ['name', 'birthYear', 'phone', 'code']);
    if (password === '') form.errors.password = [m.error_required()];
    const year = parseBirthYear(birthYear);
    if (birthYear.trim() !== '' && year === undefined) {
      form.errors.birthYear = [m.register_birth_year_invalid()];
    }
    const ties = tieCommunityIds.flatMap((communityId, index) => {
      const kind = tieKinds[index] ?? 'lives';
      return communityId && isTieKind(kind) ? [{ communityId, kind }] : [];
    });
    if (ties.length === 0) form.errors.tieCommunityIds = { 0: [m.register_tie_required()] };
    if (blank || password === '' || year === undefined || ties.length === 0) {
      form.valid = false;
      return incomplete(form);
    }

    try {
      // Registers, confirms the number with the code, and signs in (the session cookie comes
      // back through the request's client).
      await locals.api.resident.register.mutate({
        name,
        phone,
        code,
        password,
        birthYear: year,
        ties,
      });
    } catch (error) {
      return refusal(form, error);
    }
    redirect(303, '/me?welcome=1');
  },
};
