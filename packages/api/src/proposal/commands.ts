// Proposal commands as the API and the demo seed run them: read what the deciders need from
// other streams (the cycle, the author or co-signer, the round-table, the other proposal of a
// merge), then go through the command path. The day an act is judged on (age, meeting date) is
// the China-time day of the writer's `occurredAt`.
import {
  chinaDate,
  describeProposalEvent,
  effectiveCost,
  feedbackDecider,
  fold,
  parseProposalEvent,
  proposalDecider,
  proposalEventSchemas,
  proposalStreams,
  refuse,
  requireProposal,
  roundTableDecider,
} from '@gongzhi/domain';
import type {
  Attendee,
  CycleState,
  FeedbackCommand,
  LocalizedText,
  ProposalChanges,
  ProposalChannel,
  ProposalCommand,
  ProposalEvent,
  ProposalEventData,
  ProposalState,
  RoundTableEvent,
  RoundTableState,
  TallyState,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { tallyRecord } from '../ballot/commands.ts';
import {
  executeCommand,
  readState,
  type CommandResult,
  type EventCodec,
  type Writer,
} from '../commands.ts';
import { cycleRecord } from '../cycle/commands.ts';
import { residentRecord } from '../resident/commands.ts';

export const proposalCodec: EventCodec<ProposalEvent> = {
  read: (recorded) => parseProposalEvent(recorded.type, recorded.data) as ProposalEvent,
  versionOf: (type) => proposalEventSchemas[type].version,
  describe: describeProposalEvent,
};

const roundTableCodec: EventCodec<RoundTableEvent> = {
  read: (recorded) => parseProposalEvent(recorded.type, recorded.data) as RoundTableEvent,
  versionOf: (type) => proposalEventSchemas[type].version,
  describe: describeProposalEvent,
};

/** The proposal's stream, for readState; feedback after the vote decides on it too. */
export const proposalRecord = (proposalId: string) => ({
  stream: proposalStreams.proposal(proposalId),
  decider: proposalDecider,
  codec: proposalCodec,
});

const roundTableRecord = (roundTableId: string) => ({
  stream: proposalStreams.roundTable(roundTableId),
  decider: roundTableDecider,
  codec: roundTableCodec,
});

const proposalSubject = (state: ProposalState): LocalizedText =>
  state.status === 'none'
    ? { 'zh-CN': '建议', en: 'The proposal' }
    : {
        'zh-CN': `建议「${state.content.title}」`,
        en: `The proposal “${state.content.title}”`,
      };

const today = (w: Writer) => chinaDate(w.metadata.occurredAt);

/** The cycle of the proposal, or none for a proposal that does not exist (the decider says so). */
const cycleOf = async (w: Writer, state: ProposalState): Promise<CycleState> =>
  state.status === 'none'
    ? { status: 'none' }
    : (await readState(w.store, cycleRecord(state.cycleId))).state;

function onProposal(
  w: Writer,
  proposalId: string,
  command: (state: ProposalState) => Promise<ProposalCommand>,
  expectedRevision?: bigint,
): Promise<CommandResult<ProposalEvent>> {
  return executeCommand(w.store, {
    ...proposalRecord(proposalId),
    command,
    expectedRevision,
    subject: proposalSubject,
    metadata: w.metadata,
  });
}

export type SubmissionData = Omit<ProposalEventData<'ProposalSubmitted'>, 'streetId'>;

/** The submission command; `carriedFrom` names the proposal of an earlier cycle it continues. */
async function submissionOf(
  w: Writer,
  data: SubmissionData,
  carriedFrom?: { proposalId: string; cycleId: string },
): Promise<ProposalCommand> {
  return {
    type: 'SubmitProposal',
    data,
    cycle: (await readState(w.store, cycleRecord(data.cycleId))).state,
    author: (await readState(w.store, residentRecord(data.authorResidentId))).state,
    today: today(w),
    ...(carriedFrom === undefined ? {} : { carriedFrom }),
  };
}

export const submitProposal = (w: Writer, data: SubmissionData) =>
  onProposal(w, data.proposalId, () => submissionOf(w, data));

/** The author's changes: an edit while proposing, or a resubmission after a return. */
const changeProposal =
  (type: 'EditProposal' | 'ResubmitProposal') =>
  (
    w: Writer,
    data: { proposalId: string; byResidentId: string; changes: ProposalChanges },
    expectedRevision?: bigint,
  ) =>
    onProposal(
      w,
      data.proposalId,
      async (state) => ({ type, data, cycle: await cycleOf(w, state) }),
      expectedRevision,
    );

export const editProposal = changeProposal('EditProposal');

export const withdrawProposal = (
  w: Writer,
  data: { proposalId: string; byResidentId: string; reason?: string | undefined },
) =>
  onProposal(w, data.proposalId, async (state) => ({
    type: 'WithdrawProposal',
    data,
    cycle: await cycleOf(w, state),
  }));

export const coSignProposal = (w: Writer, data: { proposalId: string; residentId: string }) =>
  onProposal(w, data.proposalId, async (state) => ({
    type: 'CoSignProposal',
    data,
    cycle: await cycleOf(w, state),
    cosigner: (await readState(w.store, residentRecord(data.residentId))).state,
    today: today(w),
  }));

export const resubmitProposal = changeProposal('ResubmitProposal');

/**
 * Merges a duplicate: ProposalMerged on the duplicate (decided on both), then ProposalAbsorbed on
 * the proposal it went into (decided on the duplicate as merged), which takes over its authors
 * and co-signers. A retry after a failure between the two finds the merge recorded and goes on.
 */
export async function mergeProposal(
  w: Writer,
  data: { proposalId: string; intoProposalId: string; note?: string | undefined },
): Promise<CommandResult<ProposalEvent>> {
  await onProposal(w, data.proposalId, async (state) => ({
    type: 'MergeProposal',
    data,
    cycle: await cycleOf(w, state),
    target: (await readState(w.store, proposalRecord(data.intoProposalId))).state,
  }));
  return onProposal(w, data.intoProposalId, async () => ({
    type: 'AbsorbProposal',
    data: { proposalId: data.intoProposalId, fromProposalId: data.proposalId },
    source: (await readState(w.store, proposalRecord(data.proposalId))).state,
  }));
}

export const markProposalInfeasible = (
  w: Writer,
  data: { proposalId: string; excludedCode?: string | undefined; note?: string | undefined },
) =>
  onProposal(w, data.proposalId, async (state) => ({
    type: 'MarkProposalInfeasible',
    data,
    cycle: await cycleOf(w, state),
  }));

export const sendProposalToSurvey = (w: Writer, data: ProposalEventData<'ProposalSentToSurvey'>) =>
  onProposal(w, data.proposalId, async (state) => ({
    type: 'SendProposalToSurvey',
    data,
    cycle: await cycleOf(w, state),
  }));

export const recordSiteSurvey = (w: Writer, data: ProposalEventData<'SiteSurveyRecorded'>) =>
  onProposal(w, data.proposalId, async (state) => ({
    type: 'RecordSiteSurvey',
    data,
    cycle: await cycleOf(w, state),
  }));

/** A round-table's decision on one proposal: into the pool, rejected, or back to its author. */
export type RoundTableDecision =
  | { proposalId: string; decision: 'pool'; reason?: string | undefined }
  | { proposalId: string; decision: 'reject' | 'revise'; reason: string };

export interface RoundTableRecord {
  roundTableId: string;
  cycleId: string;
  communityId: string;
  date: string;
  attendees: Attendee[];
  notes?: string | undefined;
  decisions: RoundTableDecision[];
}

function decisionCommand(
  decision: RoundTableDecision,
  roundTableId: string,
  cycle: CycleState,
  roundTable: RoundTableState,
): ProposalCommand {
  const { proposalId } = decision;
  switch (decision.decision) {
    case 'pool':
      return {
        type: 'AdmitProposalToPool',
        data: {
          proposalId,
          roundTableId,
          ...(decision.reason === undefined ? {} : { note: decision.reason }),
        },
        cycle,
        roundTable,
      };
    case 'reject':
      return {
        type: 'RejectProposalAtRoundTable',
        data: { proposalId, roundTableId, reason: decision.reason },
        cycle,
        roundTable,
      };
    case 'revise':
      return {
        type: 'ReturnProposalForRevision',
        data: { proposalId, roundTableId, changesRequested: decision.reason },
        cycle,
        roundTable,
      };
  }
}

/**
 * Records a round-table and then appends each of its decisions to its proposal. Every decision
 * is first decided on the proposals as they are, without writing, so that a refusal (a proposal
 * of another community, one already decided) leaves nothing half recorded; only a writer racing
 * in between can still stop a later decision, which then says why.
 */
export async function recordRoundTable(
  w: Writer,
  record: RoundTableRecord,
): Promise<CommandResult<ProposalEvent | RoundTableEvent>> {
  const { roundTableId, cycleId, communityId, date, attendees, notes, decisions } = record;
  const seen = new Set<string>();
  for (const { proposalId } of decisions) {
    if (seen.has(proposalId)) {
      refuse(
        'invalid',
        'decision_duplicate',
        `同一条建议（编号 ${proposalId}）只能有一个决定。`,
        `The proposal ${proposalId} can have only one decision.`,
      );
    }
    seen.add(proposalId);
  }
  const { state: cycle } = await readState(w.store, cycleRecord(cycleId));
  const command = {
    type: 'RecordRoundTable' as const,
    data: {
      roundTableId,
      cycleId,
      communityId,
      date,
      attendees,
      ...(notes === undefined ? {} : { notes }),
    },
    cycle,
    today: today(w),
  };
  const held = fold(
    roundTableDecider,
    roundTableDecider.decide(command, roundTableDecider.initialState()),
  );
  for (const decision of decisions) {
    const { state: proposal } = await readState(w.store, proposalRecord(decision.proposalId));
    proposalDecider.decide(decisionCommand(decision, roundTableId, cycle, held), proposal);
  }

  let result: CommandResult<ProposalEvent | RoundTableEvent> = await executeCommand(w.store, {
    ...roundTableRecord(roundTableId),
    command: async () => ({
      ...command,
      cycle: (await readState(w.store, cycleRecord(cycleId))).state,
    }),
    subject: () => ({ 'zh-CN': `邻里圆桌会（${date}）`, en: `The round-table of ${date}` }),
    metadata: w.metadata,
  });
  for (const decision of decisions) {
    result = await onProposal(w, decision.proposalId, async (state) =>
      decisionCommand(
        decision,
        roundTableId,
        await cycleOf(w, state),
        (await readState(w.store, roundTableRecord(roundTableId))).state,
      ),
    );
  }
  return result;
}

/** The community's tally of the proposal's cycle. */
async function tallyOf(w: Writer, state: ProposalState): Promise<TallyState> {
  if (state.status === 'none') return { status: 'none' };
  return (await readState(w.store, tallyRecord(state.cycleId, state.communityId))).state;
}

function onFeedback(
  w: Writer,
  proposalId: string,
  command: (state: ProposalState) => Promise<FeedbackCommand>,
): Promise<CommandResult<ProposalEvent>> {
  return executeCommand(w.store, {
    ...proposalRecord(proposalId),
    decider: feedbackDecider,
    command,
    subject: proposalSubject,
    metadata: w.metadata,
  });
}

/** Feedback to the author of a pool proposal not selected (意见共商), once the vote closed. */
export const giveFeedback = (
  w: Writer,
  data: Extract<FeedbackCommand, { type: 'GiveFeedback' }>['data'],
) =>
  onFeedback(w, data.proposalId, async (state) => ({
    type: 'GiveFeedback',
    data,
    cycle: await cycleOf(w, state),
    tally: await tallyOf(w, state),
  }));

/** A message of the feedback thread, from the author (for `byResidentId`) or the community. */
export const postFeedbackMessage = (
  w: Writer,
  data: Extract<FeedbackCommand, { type: 'PostFeedbackMessage' }>['data'],
) =>
  onFeedback(w, data.proposalId, () =>
    Promise.resolve({ type: 'PostFeedbackMessage' as const, data }),
  );

/**
 * Carries a proposal not selected into a later cycle of its street: a new proposal, submitted
 * under that cycle's rules with the old one's content (at its surveyed cost, if surveyed),
 * linked both ways. Both decisions are taken first without writing, so that a refusal by the new
 * cycle leaves the old proposal untouched; then ProposalCarriedForward goes on the old stream and
 * the submission on the new one. A retry after a failure between the two finds the old proposal
 * pointing at a proposal not yet written, and writes it.
 */
export async function carryProposalForward(
  w: Writer,
  data: { proposalId: string; toCycleId: string; byResidentId: string; channel: ProposalChannel },
): Promise<{ toProposalId: string; result: CommandResult<ProposalEvent> }> {
  const { proposalId, toCycleId, byResidentId, channel } = data;
  const old = requireProposal(
    (await readState(w.store, proposalRecord(proposalId))).state,
    proposalId,
  );
  const pending =
    old.carriedTo !== undefined &&
    (await readState(w.store, proposalRecord(old.carriedTo))).state.status === 'none';
  const toProposalId = pending ? old.carriedTo! : uuidv7();
  const submission: SubmissionData = {
    proposalId: toProposalId,
    cycleId: toCycleId,
    communityId: old.communityId,
    ...old.content,
    estimatedCost: effectiveCost(old),
    authorResidentId: old.authorResidentId,
    channel,
  };
  const from = { proposalId, cycleId: old.cycleId };
  const carry = async (state: ProposalState): Promise<FeedbackCommand> => ({
    type: 'CarryProposalForward',
    data: { proposalId, toProposalId, toCycleId, byResidentId },
    cycle: await cycleOf(w, state),
    tally: await tallyOf(w, state),
    target: (await readState(w.store, cycleRecord(toCycleId))).state,
  });
  feedbackDecider.decide(await carry(old), old);
  proposalDecider.decide(await submissionOf(w, submission, from), proposalDecider.initialState());

  await onFeedback(w, proposalId, carry);
  const result = await onProposal(w, toProposalId, () => submissionOf(w, submission, from));
  return { toProposalId, result };
}
