import { fail, redirect } from '@sveltejs/kit';
import {
  cyclePhases,
  mayAmendBudget,
  mayAmendSchedule,
  mayPublish,
  nextPhase,
  type CyclePhase,
  type CycleSchedule,
} from '@gongzhi/domain';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { mayManageCycles } from '$lib/permissions';
import { chinaToday, stageLabel, yuanToFen } from '$lib/text';
import {
  advanceForm,
  budgetForm,
  cycleFieldOf,
  cycleForm,
  definitionOf,
  draftValues,
  publishForm,
  scheduleForm,
} from '$lib/cycle/forms';
import { addFieldError, blankFields, invalid, refusedBy, rowOf } from '$lib/server/forms';
import { orNotFound } from '$lib/server/cycles';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { refusePage } from '$lib/server/sign-in';
import { fenToYuan } from '$lib/text';
import type { Actions, PageServerLoad } from './$types';

const ids = {
  draft: 'cycle-draft',
  publish: 'cycle-publish',
  advance: 'cycle-advance',
  budget: 'cycle-budget',
  schedule: 'cycle-schedule',
};

export const load: PageServerLoad = async ({ locals, cookies, params, parent }) => {
  const { staff } = await parent();
  const minPosition = lastWrite(cookies);
  const cycle = await orNotFound(
    locals.api.cycle.get.query({ cycleId: params.cycleId, minPosition }),
  );
  if (!mayManageCycles(staff.grants, cycle.streetId)) refusePage(m.cycle_admin_need_role(), staff);
  const overview = await locals.api.organisation.overview.query({ minPosition });
  const street = overview.streets.find((s) => s.streetId === cycle.streetId);
  const streetCommunities = (street?.communities ?? []).filter(
    (c) => c.status === 'open' || cycle.budgets.some((b) => b.communityId === c.communityId),
  );
  const communities = Object.fromEntries(streetCommunities.map((c) => [c.communityId, c]));
  const options = { errors: false } as const;

  if (cycle.status === 'draft') {
    const definition = {
      title: cycle.title,
      ...(cycle.titleEn === null ? {} : { titleEn: cycle.titleEn }),
      year: cycle.year,
      communities: cycle.budgets.map(({ communityId, budget }) => ({ communityId, budget })),
      ...cycle.rules,
      schedule: cycle.schedule,
    };
    const values = draftValues(
      { ...definition, streetId: cycle.streetId, revision: cycle.revision },
      streetCommunities.map((c) => c.communityId),
    );
    return {
      cycle,
      communities,
      next: null,
      publishable: mayPublish({ communities: cycle.budgets }),
      draftForm: await superValidate(values, zod4(cycleForm), { ...options, id: ids.draft }),
      publishForm: await superValidate(zod4(publishForm), { id: ids.publish }),
    };
  }

  const stage = cycle.phase;
  const to = stage ? nextPhase(stage) : undefined;
  return {
    cycle,
    communities,
    // The amendments the cycle's stage still allows, by the deciders' own rules.
    amendable: {
      budget: stage !== null && mayAmendBudget(stage),
      schedule: stage !== null && mayAmendSchedule(stage),
    },
    next: to ? { phase: to, scheduledFor: cycle.schedule[to], today: chinaToday() } : null,
    // Confirming the selection is shown with the notice it ends.
    notice:
      to === 'implementing'
        ? await locals.api.outcome.notice.query({ cycleId: cycle.cycleId, minPosition })
        : null,
    // Closing the cycle waits for feedback to every author not selected: who still waits.
    feedbackOwed:
      to === 'closed'
        ? (await locals.api.cycle.feedbackOwed.query({ cycleId: cycle.cycleId, minPosition }))
            .proposals
        : [],
    // Closing the vote waits for every resolved paper batch to be counted: which are not yet.
    uncountedPaper:
      to === 'publicity'
        ? (
            await locals.api.ballot.uncountedPaperBatches.query({
              cycleId: cycle.cycleId,
              minPosition,
            })
          ).batches
        : [],
    advanceForm: await superValidate({ to: to ?? '', reason: '' }, zod4(advanceForm), {
      ...options,
      id: ids.advance,
    }),
    budgetForm: await superValidate(
      {
        communityIds: cycle.budgets.map((b) => b.communityId),
        budgets: cycle.budgets.map((b) => fenToYuan(b.budget)),
        reason: '',
      },
      zod4(budgetForm),
      { ...options, id: ids.budget },
    ),
    scheduleForm: await superValidate({ ...cycle.schedule, reason: '' }, zod4(scheduleForm), {
      ...options,
      id: ids.schedule,
    }),
  };
};

const revision = (value: string) => (value === '' ? undefined : value);

export const actions: Actions = {
  amend: async ({ request, locals, cookies, params }) => {
    const form = await superValidate(request, zod4(cycleForm), { id: ids.draft });
    if (!form.valid) return fail(400, { form });
    const blank = blankFields(form, ['title', 'year']);
    const parsed = definitionOf(form);
    if (blank || !parsed) return invalid(form);
    try {
      const result = await locals.api.cycle.amendDraft.mutate({
        cycleId: params.cycleId,
        ...parsed.definition,
        expectedRevision: revision(form.data.expectedRevision),
      });
      rememberWrite(cookies, result.position);
      if (result.revision) form.data.expectedRevision = result.revision;
    } catch (cause) {
      return refusedBy(form, cause, cycleFieldOf(parsed.communityRows));
    }
    return message(form, { kind: 'success', text: m.cycle_admin_draft_saved() });
  },

  publish: async ({ request, locals, cookies, params }) => {
    const form = await superValidate(request, zod4(publishForm), { id: ids.publish });
    try {
      const result = await locals.api.cycle.publish.mutate({
        cycleId: params.cycleId,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause);
    }
    // The page turns from the draft into phase control: say so there.
    redirect(303, `/admin/cycles/${encodeURIComponent(params.cycleId)}?published=1`);
  },

  advance: async ({ request, locals, cookies, params }) => {
    const form = await superValidate(request, zod4(advanceForm), { id: ids.advance });
    const to = form.data.to as CyclePhase;
    if (!cyclePhases.includes(to)) return fail(400, { form });
    try {
      const result = await locals.api.cycle.advancePhase.mutate({
        cycleId: params.cycleId,
        to,
        reason: form.data.reason.trim() === '' ? undefined : form.data.reason,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause);
    }
    // Ready for the phase after.
    form.data = { to: nextPhase(to) ?? '', reason: '' };
    return message(form, {
      kind: 'success',
      text: m.cycle_admin_advanced({ stage: stageLabel(to) }),
    });
  },

  budget: async ({ request, locals, cookies, params }) => {
    const form = await superValidate(request, zod4(budgetForm), { id: ids.budget });
    if (!form.valid) return fail(400, { form });
    const blank = blankFields(form, ['reason']);
    const budgets = form.data.communityIds.map((communityId, row) => {
      const budget = yuanToFen(form.data.budgets[row] ?? '');
      if (budget === undefined) {
        addFieldError(
          form,
          'budgets',
          m.proposal_row_prefix({ row: row + 1 }) + m.cycle_form_not_amount(),
        );
      }
      return { communityId, budget: budget ?? 0 };
    });
    if (blank || !form.valid) return invalid(form);
    try {
      const result = await locals.api.cycle.amendBudget.mutate({
        cycleId: params.cycleId,
        budgets,
        reason: form.data.reason,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause, (path) =>
        path.startsWith('budgets')
          ? { field: 'budgets', row: rowOf(path, 'budgets') }
          : { field: path },
      );
    }
    form.data.reason = '';
    return message(form, { kind: 'success', text: m.cycle_admin_budget_amended() });
  },

  schedule: async ({ request, locals, cookies, params }) => {
    const form = await superValidate(request, zod4(scheduleForm), { id: ids.schedule });
    if (!form.valid) return fail(400, { form });
    if (blankFields(form, ['reason', ...cyclePhases])) return invalid(form);
    const schedule = Object.fromEntries(
      cyclePhases.map((phase) => [phase, form.data[phase]]),
    ) as CycleSchedule;
    try {
      const result = await locals.api.cycle.amendSchedule.mutate({
        cycleId: params.cycleId,
        schedule,
        reason: form.data.reason,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return refusedBy(form, cause, (path) => ({ field: path.replace(/^schedule\./, '') }));
    }
    form.data.reason = '';
    return message(form, { kind: 'success', text: m.cycle_admin_schedule_amended() });
  },
};
