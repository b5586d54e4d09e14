import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { orNotFound } from '$lib/server/cycles';
import {
  addFieldError,
  blankFields,
  formText,
  invalid,
  itemBlank,
  itemWrite,
  refusal,
  success,
} from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { requireSignIn } from '$lib/server/sign-in';
import { chinaInstant, planForm, recordForm, skillsForm, skillsOf } from '$lib/team/forms';
import type { Actions, PageServerLoad } from './$types';

// A team's own page for its leaders (and the staff of its community), laid out for a phone: join
// requests to answer, members (and handing the leadership over), recording a member's service,
// records to confirm with an evaluation, and corrections to decide with a reason.
const recordFormId = 'record';
const planFormId = 'plan';
const skillsFormId = 'skills';

export const load: PageServerLoad = async ({ locals, cookies, params, url }) => {
  if (!locals.user) requireSignIn(url, 'staff');
  const minPosition = lastWrite(cookies);
  const team = await orNotFound(
    locals.api.team.manage.query({ teamId: params.teamId, minPosition }),
  );
  const { activities } = await locals.api.team.activities.query({
    teamId: params.teamId,
    minPosition,
  });
  return {
    team,
    activities,
    recordForm: await superValidate(zod4(recordForm), { id: recordFormId }),
    planForm: await superValidate(zod4(planForm), { id: planFormId }),
    skillsForm: await superValidate({ skills: team.skills.join('、') }, zod4(skillsForm), {
      id: skillsFormId,
      errors: false,
    }),
  };
};

export const actions: Actions = {
  accept: async ({ request, locals, cookies, params }) => {
    const accountId = formText(await request.formData(), 'accountId');
    return itemWrite(
      cookies,
      accountId,
      () =>
        locals.api.team.answerJoinRequest.mutate({
          teamId: params.teamId,
          accountId,
          answer: 'accepted',
        }),
      m.team_request_accepted(),
    );
  },

  decline: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const accountId = formText(data, 'accountId');
    const reason = formText(data, 'reason');
    if (reason === '') return itemBlank(accountId);
    return itemWrite(
      cookies,
      accountId,
      () =>
        locals.api.team.answerJoinRequest.mutate({
          teamId: params.teamId,
          accountId,
          answer: 'declined',
          reason,
        }),
      m.team_request_declined(),
    );
  },

  handOver: async ({ request, locals, cookies, params }) => {
    const to = formText(await request.formData(), 'accountId');
    return itemWrite(
      cookies,
      to,
      () => locals.api.team.handOver.mutate({ teamId: params.teamId, to }),
      m.team_handed_over(),
    );
  },

  record: async ({ request, locals, cookies, params }) => {
    const form = await superValidate(request, zod4(recordForm), { id: recordFormId });
    if (blankFields(form, ['volunteerId', 'date', 'from', 'until', 'place', 'content'])) {
      return invalid(form);
    }
    const { volunteerId, date, from, until, place, content } = form.data;
    const startedAt = chinaInstant(date, from);
    const endedAt = chinaInstant(date, until);
    if (!startedAt) addFieldError(form, 'from', m.team_time_invalid());
    if (!endedAt) addFieldError(form, 'until', m.team_time_invalid());
    if (!form.valid) return fail(400, { form });
    const evaluation = form.data.evaluation.trim();
    try {
      const result = await locals.api.team.recordService.mutate({
        teamId: params.teamId,
        volunteerId,
        startedAt,
        endedAt,
        place,
        content,
        ...(evaluation ? { evaluation } : {}),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return refusal(form, error, [], (path) =>
        path === 'startedAt' ? 'from' : path === 'endedAt' ? 'until' : path,
      );
    }
    const fresh = await superValidate(zod4(recordForm), { id: recordFormId });
    return success(fresh, m.team_service_recorded());
  },

  plan: async ({ request, locals, cookies, params }) => {
    const form = await superValidate(request, zod4(planForm), { id: planFormId });
    if (blankFields(form, ['title', 'date', 'from', 'until', 'place', 'slots'])) {
      return invalid(form);
    }
    const { title, description, date, from, until, place } = form.data;
    const startsAt = chinaInstant(date, from);
    const endsAt = chinaInstant(date, until);
    const slots = Number(form.data.slots);
    if (!startsAt) addFieldError(form, 'from', m.team_time_invalid());
    if (!endsAt) addFieldError(form, 'until', m.team_time_invalid());
    if (!Number.isInteger(slots) || slots < 1) addFieldError(form, 'slots', m.team_slots_invalid());
    if (!form.valid) return fail(400, { form });
    try {
      const result = await locals.api.team.planActivity.mutate({
        teamId: params.teamId,
        title,
        description: description.trim() || title,
        shifts: [{ startsAt, endsAt, place, slots }],
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return refusal(form, error, [], (path) =>
        path.endsWith('startsAt')
          ? 'from'
          : path.endsWith('endsAt')
            ? 'until'
            : path.endsWith('slots')
              ? 'slots'
              : path.endsWith('place')
                ? 'place'
                : path,
      );
    }
    const fresh = await superValidate(zod4(planForm), { id: planFormId });
    return success(fresh, m.team_activity_planned());
  },

  skills: async ({ request, locals, cookies, params }) => {
    const form = await superValidate(request, zod4(skillsForm), { id: skillsFormId });
    try {
      const result = await locals.api.team.changeSkills.mutate({
        teamId: params.teamId,
        skills: skillsOf(form.data.skills),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return refusal(form, error, [], (path) => (path.startsWith('skills') ? 'skills' : path));
    }
    return success(form, m.team_skills_changed());
  },

  confirm: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const recordId = formText(data, 'recordId');
    const evaluation = formText(data, 'evaluation');
    if (evaluation === '') return itemBlank(recordId);
    return itemWrite(
      cookies,
      recordId,
      () => locals.api.team.confirmRecord.mutate({ recordId, evaluation }),
      m.team_record_confirmed(),
    );
  },

  decide: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const recordId = formText(data, 'recordId');
    const reason = formText(data, 'reason');
    const decision = formText(data, 'decision') === 'accepted' ? 'accepted' : 'declined';
    if (reason === '') return itemBlank(recordId);
    return itemWrite(
      cookies,
      recordId,
      () => locals.api.team.decideCorrection.mutate({ recordId, decision, reason }),
      m.team_correction_decided(),
      'decided',
    );
  },
};
