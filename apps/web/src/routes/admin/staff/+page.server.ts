import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { createStaffForm } from '$lib/organisation/forms';
import { m } from '$lib/paraglide/messages';
import { administeredStreets, canAdministerStaff, canRegisterStreet } from '$lib/permissions';
import {
  blankRequired,
  formText,
  incomplete,
  itemBlank,
  itemRefusal,
  itemSuccess,
  refusal,
  success,
} from '$lib/server/forms';
import { loadOverview } from '$lib/server/places';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import { communityRoles, decodePlace, isStaffRole, staffRoles } from '$lib/staff';
import type { Action, Actions, PageServerLoad } from './$types';

// Staff accounts and their role grants: a city administrator manages all of them; a street
// officer the accounts with roles in their street's communities, granting community roles only.
const createFormId = 'create-staff';
/** API input paths of a grant's place (`scope`, `scope.type`, …) are the form's `place`. */
const fieldOf = (path: string) => (path.startsWith('scope') ? 'place' : path);

export const load: PageServerLoad = async ({ locals, cookies, parent }) => {
  const { staff } = await parent();
  if (!canAdministerStaff(staff.grants)) refusePage(m.staff_need_role(), staff);
  const minPosition = lastWrite(cookies);
  const cityWide = canRegisterStreet(staff.grants);
  const streets = administeredStreets(staff.grants);
  const listings = cityWide
    ? [await locals.api.organisation.staffAccounts.query({ minPosition })]
    : await Promise.all(
        streets.map((streetId) =>
          locals.api.organisation.staffAccounts.query({ streetId, minPosition }),
        ),
      );
  const seen = new Set<string>();
  const accounts = listings
    .flatMap((listing) => listing.accounts)
    .filter((account) => !seen.has(account.accountId) && seen.add(account.accountId));
  return {
    me: staff.accountId,
    accounts,
    overview: await loadOverview(locals.api, cookies),
    cityWide,
    streets,
    roles: cityWide ? staffRoles : communityRoles,
    createForm: await superValidate(zod4(createStaffForm), { id: createFormId }),
  };
};

/** Grants or revokes the role of a row of the staff list: both read the same fields. */
const roleChange =
  (change: 'grantRole' | 'revokeRole', done: () => string) =>
  async ({ request, locals, cookies }: Parameters<Action>[0]) => {
    const data = await request.formData();
    const accountId = String(data.get('accountId') ?? '');
    const role = String(data.get('role') ?? '');
    const scope = decodePlace(String(data.get('place') ?? ''));
    if (!scope || !isStaffRole(role)) return itemBlank(accountId);
    try {
      const result = await locals.api.organisation[change].mutate({ accountId, role, scope });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return itemRefusal(accountId, cause);
    }
    return itemSuccess(accountId, done());
  };

export const actions: Actions = {
  create: async ({ request, locals, cookies }) => {
    const form = await superValidate(request, zod4(createStaffForm), { id: createFormId });
    const { loginName, displayName, password, role, place } = form.data;
    // The password never goes back to the page.
    form.data.password = '';
    if (blankRequired(form, ['loginName', 'displayName', 'place'])) {
      if (password === '') form.errors.password = [m.error_required()];
      return incomplete(form);
    }
    const scope = decodePlace(place);
    if (!scope || !isStaffRole(role)) {
      form.errors.place = [m.staff_place_invalid()];
      form.valid = false;
      return incomplete(form);
    }
    try {
      const result = await locals.api.organisation.createStaffAccount.mutate({
        loginName,
        displayName,
        password,
        role,
        scope,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusal(form, cause, [], fieldOf);
    }
    const fresh = await superValidate(zod4(createStaffForm), { id: createFormId });
    return success(fresh, m.staff_created({ name: displayName.trim(), login: loginName.trim() }));
  },

  grant: roleChange('grantRole', m.staff_role_granted),
  revoke: roleChange('revokeRole', m.staff_role_revoked),

  deactivate: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const accountId = String(data.get('accountId') ?? '');
    const reason = formText(data, 'reason');
    try {
      const result = await locals.api.organisation.deactivateStaffAccount.mutate({
        accountId,
        reason: reason === '' ? undefined : reason,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return itemRefusal(accountId, cause);
    }
    return itemSuccess(accountId, m.staff_deactivated());
  },
};
