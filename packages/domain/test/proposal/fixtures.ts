// Proposals of the 2025 cycle in 湖畔社区, shared by the proposal specs.
import { fold } from '../../src/shared/index.ts';
import { proposalDecider } from '../../src/proposal/index.ts';
import type {
  Proposal,
  ProposalContent,
  ProposalEvent,
  ProposalEventOf,
  RoundTableState,
} from '../../src/proposal/index.ts';

/** Goods (cap ¥30,000), estimated at ¥20,000. */
export const content: ProposalContent = {
  title: '湖畔花园加装休闲座椅',
  description: '花园步道旁没有座椅,老人散步走累了无处休息。建议沿步道加装六张座椅。',
  category: 'goods',
  estimatedCost: 2_000_000,
  location: { text: '湖畔花园 3 幢北侧步道', lat: 31.65, lng: 120.74 },
  photos: [{ fileId: 'photo-1', type: 'image/jpeg', size: 2_400_000 }],
};

export const submitted: ProposalEventOf<'ProposalSubmitted'> = {
  type: 'ProposalSubmitted',
  data: {
    proposalId: 'p1',
    cycleId: 'c2025',
    streetId: 'yushan',
    communityId: 'hupan',
    ...content,
    authorResidentId: 'r1',
    channel: 'online',
  },
};

/** Another proposal of the same community, by r2, co-signed by r1 and r3. */
export const duplicate: ProposalEvent[] = [
  {
    type: 'ProposalSubmitted',
    data: {
      ...submitted.data,
      proposalId: 'p2',
      title: '步道边增设长椅',
      authorResidentId: 'r2',
      channel: 'offline',
    },
  },
  { type: 'ProposalCoSigned', data: { proposalId: 'p2', residentId: 'r1' } },
  { type: 'ProposalCoSigned', data: { proposalId: 'p2', residentId: 'r3' } },
];

export const coSigned = (residentId: string): ProposalEvent => ({
  type: 'ProposalCoSigned',
  data: { proposalId: 'p1', residentId },
});
export const sentToSurvey: ProposalEvent = {
  type: 'ProposalSentToSurvey',
  data: { proposalId: 'p1' },
};
export const surveyed = (revisedCost?: number): ProposalEvent => ({
  type: 'SiteSurveyRecorded',
  data: {
    proposalId: 'p1',
    surveyor: 'consultant',
    notes: '步道宽 2 米,可安装座椅,需避开消防通道。',
    photos: [],
    opinion: 'feasible',
    ...(revisedCost === undefined ? {} : { revisedCost }),
  },
});
export const returned: ProposalEvent = {
  type: 'ProposalReturnedForRevision',
  data: { proposalId: 'p1', roundTableId: 'rt1', changesRequested: '请改为四张座椅并注明材质' },
};
export const admitted: ProposalEvent = {
  type: 'ProposalAdmittedToPool',
  data: { proposalId: 'p1', roundTableId: 'rt1', cost: 2_000_000 },
};
export const withdrawn: ProposalEvent = {
  type: 'ProposalWithdrawn',
  data: { proposalId: 'p1' },
};

export const roundTable: Extract<RoundTableState, { status: 'held' }> = {
  status: 'held',
  roundTableId: 'rt1',
  cycleId: 'c2025',
  communityId: 'hupan',
  date: '2025-04-10',
};

/** The proposal folded from its events, as a command handler would pass it. */
export const folded = (events: readonly ProposalEvent[]): Proposal => {
  const state = fold(proposalDecider, events);
  if (state.status === 'none') throw new Error('no proposal in these events');
  return state;
};
