// Who is told what when a proposal's status changes (issue 5: the author and co-signers hear of
// every status change). Pure: the API writes each notice to the residents' inboxes and to the
// outbox an SMS or WeChat sender drains, skipping residents who have been forgotten.
//
// A merge is told once, on ProposalAbsorbed: the proposal it went into then holds every author
// and co-signer of both proposals, so everybody hears it in one message.
import type { LocalizedText } from '../shared/errors.ts';
import { feedbackGiverName, infeasibleReasonText } from './describe.ts';
import { participantsOf } from './state.ts';
import type { Proposal, ProposalEvent } from './state.ts';

export interface ProposalNotice {
  proposalId: string;
  /** The event that caused it. */
  cause: ProposalEvent['type'];
  /** Resident ids, each once. */
  recipients: string[];
  message: LocalizedText;
}

/**
 * The notice for `event`, given the proposal with that event already folded in; undefined for
 * events that change no status (edits, co-signs, surveys) and for ProposalMerged (see above).
 */
export function proposalNotice(
  event: ProposalEvent,
  proposal: Proposal,
): ProposalNotice | undefined {
  const message = messageFor(event, `「${proposal.content.title}」`, `“${proposal.content.title}”`);
  if (message === undefined) return undefined;
  // Feedback and its thread concern the authors; status changes every participant.
  const recipients =
    event.type === 'ProposalSubmitted'
      ? [proposal.authorResidentId]
      : event.type === 'ProposalFeedbackGiven' || event.type === 'ProposalFeedbackMessagePosted'
        ? [...new Set(proposal.authors)]
        : [...new Set(participantsOf(proposal))];
  return { proposalId: proposal.proposalId, cause: event.type, recipients, message };
}

function messageFor(event: ProposalEvent, zh: string, en: string): LocalizedText | undefined {
  switch (event.type) {
    case 'ProposalSubmitted':
      return {
        'zh-CN': `您的建议${zh}已提交，社区将在筛选阶段处理。`,
        en: `Your proposal ${en} has been submitted; the community will consider it during screening.`,
      };
    case 'ProposalWithdrawn':
      return {
        'zh-CN': `建议${zh}已由提议人撤回。`,
        en: `The proposal ${en} has been withdrawn by its author.`,
      };
    case 'ProposalAbsorbed':
      return {
        'zh-CN': `重复建议「${event.data.fromTitle}」已合并到建议${zh}；所有提议人和附议人都保留在合并后的建议中。`,
        en: `The duplicate “${event.data.fromTitle}” has been merged into the proposal ${en}; every author and co-signer stays with the merged proposal.`,
      };
    case 'ProposalMarkedInfeasible': {
      const reason = infeasibleReasonText(event.data);
      return {
        'zh-CN': `建议${zh}经初步筛选认定不可行。理由：${reason['zh-CN']}`,
        en: `The proposal ${en} was found infeasible at screening. Reason: ${reason.en}`,
      };
    }
    case 'ProposalSentToSurvey':
      return {
        'zh-CN': `建议${zh}将由项目顾问或职能部门进行现场踏勘。`,
        en: `The proposal ${en} will be surveyed on site by a consultant or a department.`,
      };
    case 'ProposalAdmittedToPool':
      return {
        'zh-CN': `建议${zh}经邻里圆桌会讨论纳入项目库，将交由居民投票。`,
        en: `The neighbourhood round-table admitted the proposal ${en} to the project pool; residents will vote on it.`,
      };
    case 'ProposalRejectedAtRoundTable':
      return {
        'zh-CN': `建议${zh}未获邻里圆桌会通过。理由：${event.data.reason}`,
        en: `The neighbourhood round-table did not admit the proposal ${en}. Reason: ${event.data.reason}`,
      };
    case 'ProposalReturnedForRevision':
      return {
        'zh-CN': `邻里圆桌会请提议人修改建议${zh}：${event.data.changesRequested}。筛选结束前可修改后重新提交。`,
        en: `The neighbourhood round-table asks the author to revise the proposal ${en}: ${event.data.changesRequested}. It can be resubmitted until screening ends.`,
      };
    case 'ProposalResubmitted':
      return {
        'zh-CN': `建议${zh}已修改并重新提交。`,
        en: `The proposal ${en} has been revised and resubmitted.`,
      };
    case 'ProposalFeedbackGiven': {
      const who = feedbackGiverName(event.data);
      return {
        'zh-CN': `您的建议${zh}未能入选。${who['zh-CN']}反馈如下。原因：${event.data.reason} 改进建议：${event.data.suggestions} 您可以在“意见反馈”中回复，或将建议转入下一周期。`,
        en: `Your proposal ${en} was not selected. Feedback from ${who.en}. Reason: ${event.data.reason} Suggestions: ${event.data.suggestions} You can reply under “Feedback” or carry the proposal into the next cycle.`,
      };
    }
    case 'ProposalFeedbackMessagePosted':
      // The author's own messages are for the community's workers, who read them in the queue.
      return event.data.from === 'community'
        ? {
            'zh-CN': `社区回复了关于建议${zh}的意见交流：${event.data.text}`,
            en: `The community replied about the proposal ${en}: ${event.data.text}`,
          }
        : undefined;
    case 'ProposalEdited':
    case 'ProposalCoSigned':
    case 'ProposalMerged':
    case 'SiteSurveyRecorded':
    case 'ProposalCarriedForward':
    case 'ProposalCarriedFrom':
      return undefined;
  }
}
