import { m } from '$lib/paraglide/messages';
import { mayScreen } from '$lib/permissions';
import { formText, itemRefusal, itemSuccess } from '$lib/server/forms';
import { chosenCycle, openCyclesOf } from '$lib/server/cycles';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import type { Actions, PageServerLoad } from './$types';

const awaiting = ['submitted', 'under_screening', 'resubmitted'];

/** What a surveyor recorded, as the public timeline keeps it. */
type SurveyDetails = {
  notes: string;
  organisation?: string;
  conditions?: string;
  photos: { fileId: string }[];
};

// The screening board of a community in a cycle: proposals awaiting a first look, those out for
// a site survey (with the surveys recorded), and those decided.
export const load: PageServerLoad = async ({ locals, cookies, url, parent }) => {
  const { community, staff } = await parent();
  const minPosition = lastWrite(cookies);
  const cycles = await openCyclesOf(locals.api, community, minPosition);
  const cycle = chosenCycle(cycles, url, 'screening');
  if (!cycle) return { cycles: [], cycle: null, board: null, mayScreen: false };
  const { proposals } = await locals.api.proposal.list.query({
    cycleId: cycle.cycleId,
    communityId: community.communityId,
    minPosition,
  });
  const surveyed = proposals.filter((p) => p.status === 'survey' || p.revisedCost !== null);
  const surveys = Object.fromEntries(
    await Promise.all(
      surveyed.map(async (p) => {
        const { entries } = await locals.api.proposal.timeline.query({
          proposalId: p.proposalId,
          minPosition,
        });
        return [
          p.proposalId,
          entries
            .filter((e) => e.type === 'SiteSurveyRecorded')
            .map((e) => ({ at: e.at, summary: e.summary, details: e.details as SurveyDetails })),
        ] as const;
      }),
    ),
  );
  return {
    cycles: cycles.map((c) => ({ cycleId: c.cycleId, title: c.title, titleEn: c.titleEn })),
    cycle: {
      cycleId: cycle.cycleId,
      title: cycle.title,
      titleEn: cycle.titleEn,
      phase: cycle.phase,
      excluded: cycle.rules.excluded,
    },
    board: {
      awaiting: proposals.filter((p) => awaiting.includes(p.status)),
      survey: proposals.filter((p) => p.status === 'survey'),
      decided: proposals.filter((p) => !awaiting.includes(p.status) && p.status !== 'survey'),
      surveys,
    },
    mayScreen: mayScreen(staff.grants, community),
  };
};

export const actions: Actions = {
  infeasible: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const proposalId = formText(data, 'proposalId');
    const excludedCode = formText(data, 'excludedCode');
    const note = formText(data, 'note');
    try {
      const result = await locals.api.proposal.markInfeasible.mutate({
        proposalId,
        ...(excludedCode === '' ? {} : { excludedCode }),
        ...(note === '' ? {} : { note }),
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return itemRefusal(proposalId, cause);
    }
    return itemSuccess('board', m.screening_marked_infeasible({ title: formText(data, 'title') }));
  },

  survey: async ({ request, locals, cookies }) => {
    const data = await request.formData();
    const proposalId = formText(data, 'proposalId');
    const note = formText(data, 'note');
    try {
      const result = await locals.api.proposal.sendToSurvey.mutate({
        proposalId,
        ...(note === '' ? {} : { note }),
      });
      rememberWrite(cookies, result.position);
    } catch (cause) {
      return itemRefusal(proposalId, cause);
    }
    return itemSuccess('board', m.screening_sent_to_survey({ title: formText(data, 'title') }));
  },
};
