import { fail } from '@sveltejs/kit';
import { attendeeRoleSchema, type AttendeeRole } from '@gongzhi/domain';
import { fieldErrorsOf, isApiError } from '@gongzhi/api/client';
import { m } from '$lib/paraglide/messages';
import { chinaToday } from '$lib/text';
import { formText, refusalKind, rowOf } from '$lib/server/forms';
import { chosenCycle, openCyclesOf } from '$lib/server/cycles';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

/** Statuses the round-table decides on. */
const undecided = ['submitted', 'under_screening', 'survey', 'resubmitted'];

// A neighbourhood round-table (邻里圆桌会) of the community: who attended and what it decided on
// each proposal (into the pool, rejected, or back to the author); earlier ones below.
export const load: PageServerLoad = async ({ locals, cookies, url, parent }) => {
  const { community } = await parent();
  const minPosition = lastWrite(cookies);
  const cycles = await openCyclesOf(locals.api, community, minPosition);
  const cycle = chosenCycle(cycles, url, 'screening');
  if (!cycle)
    return { cycles: [], cycle: null, proposals: [], roundTables: [], today: chinaToday() };
  const where = { cycleId: cycle.cycleId, communityId: community.communityId, minPosition };
  const [{ proposals }, { roundTables }] = await Promise.all([
    locals.api.proposal.list.query(where),
    locals.api.proposal.roundTables.query(where),
  ]);
  return {
    cycles: cycles.map((c) => ({ cycleId: c.cycleId, title: c.title, titleEn: c.titleEn })),
    cycle: {
      cycleId: cycle.cycleId,
      title: cycle.title,
      titleEn: cycle.titleEn,
      phase: cycle.phase,
    },
    proposals: proposals.filter((p) => undecided.includes(p.status)),
    roundTables: [...roundTables].reverse(),
    today: chinaToday(),
  };
};

const isRole = (value: string): value is AttendeeRole =>
  attendeeRoleSchema.safeParse(value).success;

export const actions: Actions = {
  default: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const text = (name: string) => formText(data, name);
    const values = {
      date: text('date'),
      notes: text('notes'),
      roles: data.getAll('attendeeRole').map(String),
      names: data.getAll('attendeeName').map((v) => String(v).trim()),
      decisions: {} as Record<string, { decision: string; reason: string }>,
    };
    const proposalIds = data.getAll('proposalId').map(String);
    for (const id of proposalIds) {
      values.decisions[id] = { decision: text(`decision-${id}`), reason: text(`reason-${id}`) };
    }
    const errors: Record<string, string> = {};
    if (values.date === '') errors.date = m.cycle_form_not_date();
    const attendees = values.roles.flatMap((role, row) =>
      isRole(role)
        ? [{ role, ...(values.names[row] ? { name: values.names[row] } : {}), row }]
        : [],
    );
    if (attendees.length === 0) errors.attendees = m.screening_rt_no_attendees();
    type Decision =
      | { proposalId: string; decision: 'pool'; reason?: string }
      | { proposalId: string; decision: 'reject' | 'revise'; reason: string };
    const decided = proposalIds.flatMap((proposalId): Decision[] => {
      const { decision, reason } = values.decisions[proposalId]!;
      if (decision === 'pool')
        return [{ proposalId, decision, ...(reason === '' ? {} : { reason }) }];
      if (decision !== 'reject' && decision !== 'revise') return [];
      if (reason === '') errors[proposalId] = m.screening_rt_reason_needed();
      return [{ proposalId, decision, reason }];
    });
    if (decided.length === 0) errors.decisions = m.screening_rt_no_decision();
    if (Object.keys(errors).length > 0) {
      return fail(400, { values, errors, text: m.error_form_heading(), kind: 'error' as const });
    }
    try {
      const result = await locals.api.proposal.recordRoundTable.mutate({
        cycleId: text('cycleId'),
        communityId: text('communityId'),
        date: values.date,
        attendees: attendees.map(({ row: _row, ...attendee }) => attendee),
        ...(values.notes === '' ? {} : { notes: values.notes }),
        decisions: decided,
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      if (!isApiError(cause)) throw cause;
      for (const { path, message } of fieldErrorsOf(cause)) {
        const decision = rowOf(path, 'decisions');
        const attendee = rowOf(path, 'attendees');
        if (decision !== undefined && decided[decision])
          errors[decided[decision].proposalId] = message;
        else if (attendee !== undefined) errors.attendees = message;
        else errors[path] = message;
      }
      const status = cause.data?.httpStatus ?? 500;
      return fail(status >= 400 && status < 600 ? status : 500, {
        values,
        errors,
        text: cause.message,
        kind: refusalKind(cause),
      });
    }
    return { text: m.screening_rt_recorded({ count: decided.length }), kind: 'success' as const };
  },
};
