// A resident's proposal for a cycle (建议共提, 筛选共议): stream `proposal-<proposalId>`.
//
//   submitted ─(edited…)─┬─ survey ─┬─ pool          (round-table: into the project pool)
//   (under screening once │          ├─ rejected      (round-table, with a reason)
//    the cycle screens)   │          └─ returned ─ resubmitted ─ … (round-table: to revise)
//                         ├─ infeasible                (a worker, with a reason)
//                         ├─ merged                    (into a duplicate, which absorbs it)
//                         └─ withdrawn                 (by the author)
//
// The decider does no I/O: the command handler passes what other streams say. `cycle` is the
// proposal's cycle folded from its stream (phase, communities, caps, lists, eligibility);
// `author` / `cosigner` is the resident folded from their stream, judged by the cycle's
// eligibility rule (the same rule that lets them vote); `roundTable` is the meeting folded from
// `roundtable-<id>`; a merge passes the other proposal.
//
// Author-only acts name the resident they are done for (`byResidentId`): the author online, or
// a proxy or a worker on their behalf (the API checks the proxy or the worker's scope, and the
// event metadata records who acted and on whose behalf).
//
// A merge is two appends: `ProposalMerged` on the duplicate, decided on both proposals, then
// `ProposalAbsorbed` on the proposal it went into, decided on the duplicate as merged. A retry
// after a failure between the two finds the merge already recorded and goes on.
import type { Decider } from '../shared/decider.ts';
import { refuse, type LocalizedText } from '../shared/errors.ts';
import { checkEligibility } from '../resident/eligibility.ts';
import type { EligibilitySubject } from '../resident/eligibility.ts';
import { requirePhase, type CycleState, type PublishedCycle } from '../cycle/cycle.ts';
import type { CycleDefinition } from '../cycle/events.ts';
import { moneyText, projectCategoryText } from '../cycle/describe.ts';
import { photoRules, proposalContentSchema, proposalEventTypes } from './events.ts';
import type {
  Photo,
  ProposalChanges,
  ProposalContent,
  ProposalEventData,
  ProposalEventOf,
  ProposalChannel,
} from './events.ts';
import type { RoundTableState } from './roundtable.ts';
import { proposalStatusText } from './describe.ts';
import type { ProposalStatus } from './status.ts';

export interface Proposal {
  status: ProposalStatus;
  proposalId: string;
  cycleId: string;
  streetId: string;
  communityId: string;
  /** Who submitted it; the one author who may edit, withdraw and resubmit. */
  authorResidentId: string;
  channel: ProposalChannel;
  content: ProposalContent;
  /** The submitting author first, then authors of merged duplicates. */
  authors: string[];
  coSigners: string[];
  /** The last site survey's revised cost, until a resubmission changes the estimate. */
  revisedCost: number | undefined;
  mergedInto: string | undefined;
  /** Proposals merged into this one. */
  absorbed: string[];
  /**
   * After the vote (feedback.ts): whether the author has been given feedback, the proposal it was
   * carried into, and the one it was carried from. Optional, as states stored before them lack them.
   */
  feedbackGiven?: boolean;
  carriedTo?: string;
  carriedFrom?: string;
}

export type ProposalState = { status: 'none' } | Proposal;

/** The residents concerned by a proposal: its authors and co-signers. */
export const participantsOf = (proposal: Proposal): string[] => [
  ...proposal.authors,
  ...proposal.coSigners,
];

/** The cost the proposal would be funded at: the surveyed cost, else the author's estimate. */
export const effectiveCost = (proposal: Proposal): number =>
  proposal.revisedCost ?? proposal.content.estimatedCost;

type Subject = EligibilitySubject | { status: 'none' };

export type ProposalCommand =
  | {
      type: 'SubmitProposal';
      data: Omit<ProposalEventData<'ProposalSubmitted'>, 'streetId'>;
      cycle: CycleState;
      author: Subject;
      /** YYYY-MM-DD (China time), the day the author's age is counted on. */
      today: string;
      /** A proposal carried forward from an earlier cycle (feedback.ts). */
      carriedFrom?: { proposalId: string; cycleId: string };
    }
  | {
      type: 'EditProposal';
      data: { proposalId: string; byResidentId: string; changes: ProposalChanges };
      cycle: CycleState;
    }
  | {
      type: 'WithdrawProposal';
      data: { proposalId: string; byResidentId: string; reason?: string | undefined };
      cycle: CycleState;
    }
  | {
      type: 'CoSignProposal';
      data: { proposalId: string; residentId: string };
      cycle: CycleState;
      cosigner: Subject;
      today: string;
    }
  | {
      type: 'MergeProposal';
      data: { proposalId: string; intoProposalId: string; note?: string | undefined };
      cycle: CycleState;
      /** The proposal it goes into, folded from its stream. */
      target: ProposalState;
    }
  | {
      type: 'AbsorbProposal';
      data: { proposalId: string; fromProposalId: string };
      /** The merged duplicate, folded from its stream after `ProposalMerged`. */
      source: ProposalState;
    }
  | {
      type: 'MarkProposalInfeasible';
      data: { proposalId: string; excludedCode?: string | undefined; note?: string | undefined };
      cycle: CycleState;
    }
  | {
      type: 'SendProposalToSurvey';
      data: ProposalEventData<'ProposalSentToSurvey'>;
      cycle: CycleState;
    }
  | {
      type: 'RecordSiteSurvey';
      data: ProposalEventData<'SiteSurveyRecorded'>;
      cycle: CycleState;
    }
  | {
      type: 'AdmitProposalToPool';
      data: { proposalId: string; roundTableId: string; note?: string | undefined };
      cycle: CycleState;
      roundTable: RoundTableState;
    }
  | {
      type: 'RejectProposalAtRoundTable';
      data: ProposalEventData<'ProposalRejectedAtRoundTable'>;
      cycle: CycleState;
      roundTable: RoundTableState;
    }
  | {
      type: 'ReturnProposalForRevision';
      data: ProposalEventData<'ProposalReturnedForRevision'>;
      cycle: CycleState;
      roundTable: RoundTableState;
    }
  | {
      type: 'ResubmitProposal';
      data: { proposalId: string; byResidentId: string; changes: ProposalChanges };
      cycle: CycleState;
    };

export type ProposalEvent = ProposalEventOf<
  | 'ProposalSubmitted'
  | 'ProposalEdited'
  | 'ProposalWithdrawn'
  | 'ProposalCoSigned'
  | 'ProposalMerged'
  | 'ProposalAbsorbed'
  | 'ProposalMarkedInfeasible'
  | 'ProposalSentToSurvey'
  | 'SiteSurveyRecorded'
  | 'ProposalAdmittedToPool'
  | 'ProposalRejectedAtRoundTable'
  | 'ProposalReturnedForRevision'
  | 'ProposalResubmitted'
  | 'ProposalFeedbackGiven'
  | 'ProposalFeedbackMessagePosted'
  | 'ProposalCarriedForward'
  | 'ProposalCarriedFrom'
>;

/** The event types of a proposal's own stream: all of the module's but the round-table's. */
export const proposalStreamEventTypes = proposalEventTypes.filter(
  (type): type is ProposalEvent['type'] => type !== 'RoundTableHeld',
);

/** Statuses in which a proposal is still alive (can be co-signed, withdrawn, merged into). */
const openStatuses: readonly ProposalStatus[] = [
  'submitted',
  'survey',
  'returned',
  'resubmitted',
  'pool',
];
/** Statuses awaiting a screening decision (a worker's or the round-table's). */
const screenableStatuses: readonly ProposalStatus[] = ['submitted', 'survey', 'resubmitted'];
/** A duplicate can be merged until the round-table has decided on it. */
const mergeableStatuses: readonly ProposalStatus[] = [
  'submitted',
  'survey',
  'returned',
  'resubmitted',
];

const contentKeys = Object.keys(proposalContentSchema.shape) as (keyof ProposalContent)[];

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  initialState: () => ({ status: 'none' }),

  evolve(state, event) {
    if (event.type === 'ProposalSubmitted') {
      const { proposalId, cycleId, streetId, communityId, authorResidentId, channel } = event.data;
      const { title, description, category, estimatedCost, location, photos } = event.data;
      return {
        status: 'submitted',
        proposalId,
        cycleId,
        streetId,
        communityId,
        authorResidentId,
        channel,
        content: { title, description, category, estimatedCost, location, photos },
        authors: [authorResidentId],
        coSigners: [],
        revisedCost: undefined,
        mergedInto: undefined,
        absorbed: [],
      };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'ProposalEdited':
        return { ...state, content: { ...state.content, ...event.data.changes } };
      case 'ProposalWithdrawn':
        return { ...state, status: 'withdrawn' };
      case 'ProposalCoSigned':
        return { ...state, coSigners: [...state.coSigners, event.data.residentId] };
      case 'ProposalMerged':
        return { ...state, status: 'merged', mergedInto: event.data.intoProposalId };
      case 'ProposalAbsorbed': {
        const { authors, coSigners, fromProposalId } = event.data;
        return {
          ...state,
          authors: [...state.authors, ...authors],
          coSigners: [...state.coSigners.filter((c) => !authors.includes(c)), ...coSigners],
          absorbed: [...state.absorbed, fromProposalId],
        };
      }
      case 'ProposalMarkedInfeasible':
        return { ...state, status: 'infeasible' };
      case 'ProposalSentToSurvey':
        return { ...state, status: 'survey' };
      case 'SiteSurveyRecorded':
        return event.data.revisedCost === undefined
          ? state
          : { ...state, revisedCost: event.data.revisedCost };
      case 'ProposalAdmittedToPool':
        return { ...state, status: 'pool' };
      case 'ProposalRejectedAtRoundTable':
        return { ...state, status: 'rejected' };
      case 'ProposalReturnedForRevision':
        return { ...state, status: 'returned' };
      case 'ProposalResubmitted':
        return {
          ...state,
          status: 'resubmitted',
          content: { ...state.content, ...event.data.changes },
          // A new estimate replaces the surveyed cost until the proposal is surveyed again.
          revisedCost:
            event.data.changes.estimatedCost === undefined ? state.revisedCost : undefined,
        };
      case 'ProposalFeedbackGiven':
        return { ...state, feedbackGiven: true };
      case 'ProposalFeedbackMessagePosted':
        return state;
      case 'ProposalCarriedForward':
        return { ...state, carriedTo: event.data.toProposalId };
      case 'ProposalCarriedFrom':
        return { ...state, carriedFrom: event.data.fromProposalId };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'SubmitProposal': {
        const { data, today } = command;
        if (state.status !== 'none') {
          return refuse(
            'conflict',
            'proposal_exists',
            `建议「${state.content.title}」已经提交过了。`,
            `The proposal “${state.content.title}” has already been submitted.`,
          );
        }
        const cycle = requirePhase(command.cycle, data.cycleId, ['proposing'], {
          code: 'not_proposing',
          zh: '只有在建议征集阶段才能提交建议',
          en: 'proposals can be submitted only while proposing is open',
        });
        const definition = cycle.definition;
        if (!definition.communities.some((c) => c.communityId === data.communityId)) {
          return refuse(
            'invalid',
            'community_not_in_cycle',
            '所选社区不在本项目周期内,请选择参加本周期的社区。',
            'The community chosen is not part of this cycle; choose one that takes part.',
          );
        }
        checkContent(data, definition);
        const eligibility = checkEligibility(command.author, {
          communityId: data.communityId,
          tieKinds: definition.eligibility.tieKinds,
          minAge: definition.eligibility.minAge,
          on: today,
        });
        if (!eligibility.eligible) {
          return refuse(
            'forbidden',
            'author_not_eligible',
            `不能在该社区提出建议:${eligibility.text['zh-CN']}`,
            `Cannot propose in this community: ${eligibility.text.en}`,
          );
        }
        const { carriedFrom } = command;
        return [
          { type: 'ProposalSubmitted', data: { ...data, streetId: cycle.streetId } },
          ...(carriedFrom === undefined
            ? []
            : [
                {
                  type: 'ProposalCarriedFrom' as const,
                  data: {
                    proposalId: data.proposalId,
                    fromProposalId: carriedFrom.proposalId,
                    fromCycleId: carriedFrom.cycleId,
                  },
                },
              ]),
        ];
      }

      case 'EditProposal': {
        const proposal = requireProposal(state, command.data.proposalId);
        requireAuthor(proposal, command.data.byResidentId);
        const cycle = requirePhase(command.cycle, proposal.cycleId, ['proposing'], {
          code: 'editing_closed',
          zh: '筛选开始后建议不能再修改',
          en: 'proposals cannot be edited once screening has begun',
        });
        if (proposal.status !== 'submitted') refuseStatus(proposal, 'not_editable');
        return changed(proposal, command.data.changes, cycle.definition, 'ProposalEdited');
      }

      case 'WithdrawProposal': {
        const { byResidentId, reason } = command.data;
        const proposal = requireProposal(state, command.data.proposalId);
        requireAuthor(proposal, byResidentId);
        requireOpen(proposal);
        requirePhase(command.cycle, proposal.cycleId, ['proposing', 'screening'], {
          code: 'withdrawal_closed',
          zh: '投票开始后建议不能再撤回',
          en: 'proposals cannot be withdrawn once voting has begun',
        });
        return [
          {
            type: 'ProposalWithdrawn',
            data: { proposalId: proposal.proposalId, ...(reason === undefined ? {} : { reason }) },
          },
        ];
      }

      case 'CoSignProposal': {
        const { residentId } = command.data;
        const proposal = requireProposal(state, command.data.proposalId);
        requireOpen(proposal);
        const cycle = requirePhase(command.cycle, proposal.cycleId, ['proposing', 'screening'], {
          code: 'cosigning_closed',
          zh: '附议在筛选结束时截止',
          en: 'co-signing ends with screening',
        });
        if (proposal.authors.includes(residentId)) {
          return refuse(
            'invalid',
            'author_cannot_cosign',
            '提议人不能附议自己的建议。',
            'An author cannot co-sign their own proposal.',
          );
        }
        if (proposal.coSigners.includes(residentId)) {
          return refuse(
            'conflict',
            'already_cosigned',
            '您已经附议过这条建议。',
            'You have already co-signed this proposal.',
          );
        }
        const eligibility = checkEligibility(command.cosigner, {
          communityId: proposal.communityId,
          tieKinds: cycle.definition.eligibility.tieKinds,
          minAge: cycle.definition.eligibility.minAge,
          on: command.today,
        });
        if (!eligibility.eligible) {
          return refuse(
            'forbidden',
            'cosigner_not_eligible',
            `不能附议该社区的建议:${eligibility.text['zh-CN']}`,
            `Cannot co-sign proposals of this community: ${eligibility.text.en}`,
          );
        }
        return [
          { type: 'ProposalCoSigned', data: { proposalId: proposal.proposalId, residentId } },
        ];
      }

      case 'MergeProposal': {
        const { intoProposalId, note } = command.data;
        const proposal = requireProposal(state, command.data.proposalId);
        if (intoProposalId === proposal.proposalId) {
          return refuse(
            'invalid',
            'merge_into_self',
            '不能把建议合并到它自己。',
            'A proposal cannot be merged into itself.',
          );
        }
        // A retried merge finds it done and goes on to the absorption.
        if (proposal.status === 'merged' && proposal.mergedInto === intoProposalId) return [];
        if (!mergeableStatuses.includes(proposal.status)) refuseStatus(proposal, 'not_mergeable');
        requirePhase(command.cycle, proposal.cycleId, ['proposing', 'screening'], {
          code: 'merging_closed',
          zh: '筛选结束后建议不能再合并',
          en: 'proposals cannot be merged once screening has ended',
        });
        const { target } = command;
        if (target.status === 'none') {
          return refuse(
            'not_found',
            'merge_target_not_found',
            `找不到要合并到的建议(编号 ${intoProposalId})。`,
            `There is no proposal with id ${intoProposalId} to merge into.`,
          );
        }
        if (target.cycleId !== proposal.cycleId || target.communityId !== proposal.communityId) {
          return refuse(
            'invalid',
            'merge_other_community',
            '只能合并同一项目周期、同一社区的建议。',
            'Only proposals of the same cycle and community can be merged.',
          );
        }
        if (!openStatuses.includes(target.status)) {
          const status = proposalStatusText[target.status];
          return refuse(
            'conflict',
            'merge_target_closed',
            `建议「${target.content.title}」${status['zh-CN']},不能再合并其他建议。`,
            `The proposal “${target.content.title}” is ${status.en}; nothing can be merged into it.`,
          );
        }
        return [
          {
            type: 'ProposalMerged',
            data: {
              proposalId: proposal.proposalId,
              intoProposalId,
              ...(note === undefined ? {} : { note }),
            },
          },
        ];
      }

      case 'AbsorbProposal': {
        const { fromProposalId } = command.data;
        const proposal = requireProposal(state, command.data.proposalId);
        const { source } = command;
        if (source.status !== 'merged' || source.mergedInto !== proposal.proposalId) {
          return refuse(
            'conflict',
            'not_merged_into',
            `建议(编号 ${fromProposalId})没有合并到本建议。`,
            `The proposal ${fromProposalId} has not been merged into this one.`,
          );
        }
        if (proposal.absorbed.includes(fromProposalId)) return [];
        const authors = source.authors.filter((a) => !proposal.authors.includes(a));
        const known = new Set([...proposal.authors, ...proposal.coSigners, ...authors]);
        const coSigners = source.coSigners.filter((c) => !known.has(c));
        return [
          {
            type: 'ProposalAbsorbed',
            data: {
              proposalId: proposal.proposalId,
              fromProposalId,
              fromTitle: source.content.title,
              authors,
              coSigners,
            },
          },
        ];
      }

      case 'MarkProposalInfeasible': {
        const { excludedCode, note } = command.data;
        const proposal = requireProposal(state, command.data.proposalId);
        const cycle = requireScreening(command.cycle, proposal);
        if (!screenableStatuses.includes(proposal.status)) refuseStatus(proposal, 'not_screenable');
        let excluded;
        if (excludedCode !== undefined) {
          excluded = cycle.definition.excluded.find((item) => item.code === excludedCode);
          if (!excluded) {
            return refuse(
              'invalid',
              'unknown_excluded_code',
              `本周期的负面清单中没有编号「${excludedCode}」。`,
              `The cycle’s excluded list has no item “${excludedCode}”.`,
            );
          }
        } else if (note === undefined) {
          return refuse(
            'invalid',
            'reason_required',
            '请从负面清单中选择理由,或填写理由。',
            'Choose a reason from the excluded list or write one.',
          );
        }
        return [
          {
            type: 'ProposalMarkedInfeasible',
            data: {
              proposalId: proposal.proposalId,
              ...(excluded === undefined ? {} : { excluded }),
              ...(note === undefined ? {} : { note }),
            },
          },
        ];
      }

      case 'SendProposalToSurvey': {
        const proposal = requireProposal(state, command.data.proposalId);
        requireScreening(command.cycle, proposal);
        if (proposal.status !== 'submitted' && proposal.status !== 'resubmitted') {
          refuseStatus(proposal, 'not_screenable');
        }
        return [{ type: 'ProposalSentToSurvey', data: command.data }];
      }

      case 'RecordSiteSurvey': {
        const { data } = command;
        const proposal = requireProposal(state, data.proposalId);
        requireScreening(command.cycle, proposal);
        if (proposal.status !== 'survey') refuseStatus(proposal, 'not_in_survey');
        checkPhotos(data.photos);
        if (data.opinion === 'conditional' && data.conditions === undefined) {
          return refuse(
            'invalid',
            'conditions_required',
            '“有条件可行”的意见须写明条件。',
            'A conditional opinion needs its conditions written down.',
          );
        }
        return [{ type: 'SiteSurveyRecorded', data }];
      }

      case 'AdmitProposalToPool': {
        const { roundTableId, note } = command.data;
        const proposal = requireProposal(state, command.data.proposalId);
        const cycle = requireScreening(command.cycle, proposal);
        requireRoundTable(command.roundTable, proposal, roundTableId);
        if (!screenableStatuses.includes(proposal.status)) refuseStatus(proposal, 'not_screenable');
        const cost = effectiveCost(proposal);
        const aboveCap = costAboveCap(cost, proposal.content.category, cycle.definition.caps);
        if (aboveCap) refuseAboveCap(aboveCap);
        return [
          {
            type: 'ProposalAdmittedToPool',
            data: {
              proposalId: proposal.proposalId,
              roundTableId,
              cost,
              ...(note === undefined ? {} : { note }),
            },
          },
        ];
      }

      case 'RejectProposalAtRoundTable':
      case 'ReturnProposalForRevision': {
        const proposal = requireProposal(state, command.data.proposalId);
        requireScreening(command.cycle, proposal);
        requireRoundTable(command.roundTable, proposal, command.data.roundTableId);
        if (!screenableStatuses.includes(proposal.status)) refuseStatus(proposal, 'not_screenable');
        return command.type === 'RejectProposalAtRoundTable'
          ? [{ type: 'ProposalRejectedAtRoundTable', data: command.data }]
          : [{ type: 'ProposalReturnedForRevision', data: command.data }];
      }

      case 'ResubmitProposal': {
        const proposal = requireProposal(state, command.data.proposalId);
        requireAuthor(proposal, command.data.byResidentId);
        const cycle = requireScreening(command.cycle, proposal);
        if (proposal.status !== 'returned') refuseStatus(proposal, 'not_returned');
        const [edited] = changed(
          proposal,
          command.data.changes,
          cycle.definition,
          'ProposalResubmitted',
        );
        // Resubmitting as it is (the revision was agreed in person) is still a resubmission.
        return [
          edited ?? {
            type: 'ProposalResubmitted',
            data: { proposalId: proposal.proposalId, changes: {}, previous: {} },
          },
        ];
      }
    }
  },
};

const requireScreening = (cycle: CycleState, proposal: Proposal): PublishedCycle =>
  requirePhase(cycle, proposal.cycleId, ['screening'], {
    code: 'not_screening',
    zh: '筛选、踏勘和圆桌会决定只能在筛选共议阶段进行',
    en: 'screening, surveys and round-table decisions happen only during screening',
  });

export function requireProposal(state: ProposalState, proposalId: string): Proposal {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'proposal_not_found',
      `找不到建议(编号 ${proposalId})。`,
      `There is no proposal with id ${proposalId}.`,
    );
  }
  return state;
}

export function requireAuthor(proposal: Proposal, residentId: string): void {
  if (residentId !== proposal.authorResidentId) {
    refuse(
      'forbidden',
      'not_author',
      '只有提议人本人(或其代办人、代录的社区工作者)才能这样做。',
      'Only the author (or their proxy, or a worker on their behalf) can do this.',
    );
  }
}

function requireOpen(proposal: Proposal): void {
  if (!openStatuses.includes(proposal.status)) refuseStatus(proposal, 'proposal_closed');
}

/** Refuses an act the proposal's status does not allow, saying what the status is. */
export function refuseStatus(proposal: Proposal, code: string): never {
  const status = proposalStatusText[proposal.status];
  return refuse(
    'conflict',
    code,
    `建议「${proposal.content.title}」目前的状态是「${status['zh-CN']}」,不能这样操作。`,
    `The proposal “${proposal.content.title}” is ${status.en}; this cannot be done now.`,
  );
}

function requireRoundTable(roundTable: RoundTableState, proposal: Proposal, roundTableId: string) {
  if (roundTable.status === 'none') {
    return refuse(
      'not_found',
      'roundtable_not_found',
      `找不到邻里圆桌会记录(编号 ${roundTableId})。`,
      `There is no round-table with id ${roundTableId}.`,
    );
  }
  if (roundTable.cycleId !== proposal.cycleId || roundTable.communityId !== proposal.communityId) {
    return refuse(
      'invalid',
      'roundtable_other_community',
      '这次邻里圆桌会不是为本社区本周期召开的。',
      'That round-table was not held for this community and cycle.',
    );
  }
  return roundTable;
}

function checkPhotos(photos: readonly Photo[]): void {
  if (photos.length > photoRules.maxCount) {
    refuse(
      'invalid',
      'too_many_photos',
      `最多上传 ${photoRules.maxCount} 张照片。`,
      `At most ${photoRules.maxCount} photos can be attached.`,
      'photoIds',
    );
  }
  for (const photo of photos) {
    if (!(photoRules.types as readonly string[]).includes(photo.type)) {
      refuse(
        'invalid',
        'photo_type_not_allowed',
        '照片须为 JPEG、PNG、WebP 或 HEIC 格式。',
        'Photos must be JPEG, PNG, WebP or HEIC images.',
        'photoIds',
      );
    }
    if (photo.size > photoRules.maxBytes) {
      refuse(
        'invalid',
        'photo_too_large',
        `每张照片不能超过 ${photoRules.maxBytes / 1024 / 1024} MB。`,
        `Each photo must be at most ${photoRules.maxBytes / 1024 / 1024} MB.`,
        'photoIds',
      );
    }
  }
}

/**
 * Why a cost is above its category's cap, or undefined when it fits. Proposal forms check it
 * too, so that the cost's problem shows beside the field together with the others.
 */
export function costAboveCap(
  cost: number,
  category: ProposalContent['category'],
  caps: CycleDefinition['caps'],
): LocalizedText | undefined {
  const cap = caps[category];
  if (cost <= cap) return undefined;
  const kind = projectCategoryText[category];
  return {
    'zh-CN': `${kind['zh-CN']}项目每项不超过 ${moneyText(cap)['zh-CN']},本建议的费用为 ${moneyText(cost)['zh-CN']}。`,
    en: `Projects of the ${kind.en} category are capped at ${moneyText(cap).en}; this one costs ${moneyText(cost).en}.`,
  };
}

/** `field`: the command's input field that holds the cost, when it has one. */
function refuseAboveCap(problem: LocalizedText, field?: string): never {
  return refuse('invalid', 'cost_above_cap', problem['zh-CN'], problem.en, field);
}

function checkContent(content: ProposalContent, definition: CycleDefinition): void {
  checkPhotos(content.photos);
  const aboveCap = costAboveCap(content.estimatedCost, content.category, definition.caps);
  if (aboveCap) refuseAboveCap(aboveCap, 'estimatedCost');
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The edit or resubmission event for the fields that really change, if any. */
function changed<Type extends 'ProposalEdited' | 'ProposalResubmitted'>(
  proposal: Proposal,
  requested: ProposalChanges,
  definition: CycleDefinition,
  type: Type,
): ProposalEventOf<Type>[] {
  const changes: Record<string, unknown> = {};
  const previous: Record<string, unknown> = {};
  for (const key of contentKeys) {
    const value = requested[key];
    if (value === undefined || sameValue(value, proposal.content[key])) continue;
    changes[key] = value;
    previous[key] = proposal.content[key];
  }
  if (Object.keys(changes).length === 0) return [];
  checkContent({ ...proposal.content, ...changes }, definition);
  return [
    {
      type,
      data: {
        proposalId: proposal.proposalId,
        changes: changes as ProposalChanges,
        previous: previous as ProposalChanges,
      },
    } as ProposalEventOf<Type>,
  ];
}
