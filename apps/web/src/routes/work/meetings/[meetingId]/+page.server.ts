// Running a meeting on a phone: who is on the roster and present, the live quorum, signing in a
// member without a phone (or anyone as 列席), recording leaving, motions and their votes, closing.
import { m } from '$lib/paraglide/messages';
import type { VoteChoice } from '@gongzhi/domain';
import { formText, itemBlank, itemRefusal, itemSuccess } from '$lib/server/forms';
import { lastWrite, rememberWrite } from '$lib/server/read-your-writes';
import { searchResidents } from '$lib/server/resident-search';
import { chosenCycle, openCyclesOf } from '$lib/server/cycles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, cookies, parent, params, url }) => {
  const { community } = await parent();
  const minPosition = lastWrite(cookies);
  const meeting = await locals.api.meeting.attendance.query({
    meetingId: params.meetingId,
    minPosition,
  });
  return {
    meeting,
    search: await searchResidents(locals.api, community.communityId, url),
    screening: meeting.bodyKind === 'round_table' ? await screeningOf(locals.api) : null,
  };

  /** For a round-table: the cycle in screening and its proposals still to be decided. */
  async function screeningOf(api: typeof locals.api) {
    const cycle = chosenCycle(await openCyclesOf(api, community, minPosition), url, 'screening');
    if (cycle?.phase !== 'screening') return null;
    const { proposals } = await api.proposal.list.query({
      cycleId: cycle.cycleId,
      communityId: community.communityId,
      minPosition,
    });
    return {
      cycleId: cycle.cycleId,
      title: cycle.title,
      proposals: proposals
        .filter((p) => UNDECIDED.includes(p.status))
        .map((p) => ({ proposalId: p.proposalId, title: p.title })),
    };
  }
};

type RoundTableDecision =
  | { motionId: string; proposalId: string; decision: 'pool'; reason?: string }
  | { motionId: string; proposalId: string; decision: 'reject' | 'revise'; reason: string };

/** Proposal statuses a round-table decides on. */
const UNDECIDED = ['submitted', 'under_screening', 'survey', 'resubmitted'];

/** Counts typed by the recorder; a blank count is 0. */
const count = (data: FormData, name: string) => Number(formText(data, name) || '0');

export const actions: Actions = {
  signIn: async ({ request, locals, cookies, params }) => {
    const residentId = formText(await request.formData(), 'residentId');
    try {
      const result = await locals.api.meeting.signInFor.mutate({
        meetingId: params.meetingId,
        residentId,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(residentId, error);
    }
    return itemSuccess(residentId, m.meeting_signed_in_for());
  },

  leave: async ({ request, locals, cookies, params }) => {
    const residentId = formText(await request.formData(), 'residentId');
    try {
      const result = await locals.api.meeting.recordLeaving.mutate({
        meetingId: params.meetingId,
        residentId,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(residentId, error);
    }
    return itemSuccess(residentId, m.meeting_left());
  },

  motion: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const itemId = formText(data, 'itemId');
    try {
      const result = await locals.api.meeting.tableMotion.mutate({
        meetingId: params.meetingId,
        itemId,
        text: formText(data, 'text'),
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(`item-${itemId}`, error);
    }
    return itemSuccess(`item-${itemId}`, m.meeting_motion_tabled());
  },

  vote: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const motionId = formText(data, 'motionId');
    try {
      const result = await locals.api.meeting.vote.mutate({
        meetingId: params.meetingId,
        motionId,
        vote: {
          method: 'count',
          for: count(data, 'for'),
          against: count(data, 'against'),
          abstain: count(data, 'abstain'),
        },
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(motionId, error);
    }
    return itemSuccess(motionId, m.meeting_vote_recorded());
  },

  /** A named vote: each present voting member's choice, `choice-<residentId>`; no choice, no vote. */
  namedVote: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const motionId = formText(data, 'motionId');
    const votes = [...data.entries()].flatMap(([key, value]) =>
      key.startsWith('choice-') && ['for', 'against', 'abstain'].includes(String(value))
        ? [{ residentId: key.slice('choice-'.length), choice: String(value) as VoteChoice }]
        : [],
    );
    if (votes.length === 0) return itemBlank(motionId);
    try {
      const result = await locals.api.meeting.vote.mutate({
        meetingId: params.meetingId,
        motionId,
        vote: { method: 'named', votes },
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal(motionId, error);
    }
    return itemSuccess(motionId, m.meeting_vote_recorded());
  },

  /** A round-table's adopted motions, each deciding one proposal (`proposal-<motionId>`). */
  decideProposals: async ({ request, locals, cookies, params }) => {
    const data = await request.formData();
    const decisions = data.getAll('motionId').flatMap((value): RoundTableDecision[] => {
      const motionId = String(value);
      const proposalId = formText(data, `proposal-${motionId}`);
      const decision = formText(data, `decision-${motionId}`);
      const reason = formText(data, `reason-${motionId}`);
      if (proposalId === '') return [];
      return decision === 'reject' || decision === 'revise'
        ? [{ motionId, proposalId, decision, reason }]
        : [{ motionId, proposalId, decision: 'pool', ...(reason ? { reason } : {}) }];
    });
    if (decisions.length === 0) return itemBlank('decide');
    try {
      const result = await locals.api.meeting.decideProposals.mutate({
        meetingId: params.meetingId,
        cycleId: formText(data, 'cycleId'),
        decisions,
      });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('decide', error);
    }
    return itemSuccess('decide', m.meeting_roundtable_decided());
  },

  close: async ({ locals, cookies, params }) => {
    try {
      const result = await locals.api.meeting.close.mutate({ meetingId: params.meetingId });
      rememberWrite(cookies, result.position);
    } catch (error) {
      return itemRefusal('close', error);
    }
    return itemSuccess('close', m.meeting_closed());
  },
};
