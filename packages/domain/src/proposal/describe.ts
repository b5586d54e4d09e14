// How proposals and their history read in pages and messages, in both interface languages.
// None of these lines names a resident: pages put an anonymised label beside them.
import type { LocalizedText } from '../shared/errors.ts';
import { moneyText, projectCategoryText } from '../cycle/describe.ts';
import type {
  AttendeeRole,
  FeedbackGiver,
  ProposalContent,
  ProposalModuleEvent,
  SurveyOpinion,
  Surveyor,
} from './events.ts';
import type { ProposalStatus } from './status.ts';

/**
 * A proposal's status as pages show it. `under_screening` is not a state of the stream: it is a
 * submitted proposal once its cycle has entered screening (the read model derives it).
 */
export type ProposalDisplayStatus = ProposalStatus | 'under_screening';

export const proposalStatusText: Record<ProposalDisplayStatus, LocalizedText> = {
  submitted: { 'zh-CN': '已提交', en: 'submitted' },
  under_screening: { 'zh-CN': '筛选中', en: 'under screening' },
  survey: { 'zh-CN': '现场踏勘中', en: 'in site survey' },
  pool: { 'zh-CN': '已入项目库', en: 'in the project pool' },
  infeasible: { 'zh-CN': '不可行', en: 'infeasible' },
  rejected: { 'zh-CN': '未通过', en: 'rejected' },
  returned: { 'zh-CN': '退回修改', en: 'returned for revision' },
  resubmitted: { 'zh-CN': '已重新提交', en: 'resubmitted' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  merged: { 'zh-CN': '已合并', en: 'merged' },
};

export const surveyorText: Record<Surveyor, LocalizedText> = {
  consultant: { 'zh-CN': '项目顾问', en: 'project consultant' },
  department: { 'zh-CN': '职能部门', en: 'functional department' },
};

export const surveyOpinionText: Record<SurveyOpinion, LocalizedText> = {
  feasible: { 'zh-CN': '可行', en: 'feasible' },
  infeasible: { 'zh-CN': '不可行', en: 'infeasible' },
  conditional: { 'zh-CN': '有条件可行', en: 'feasible under conditions' },
};

export const attendeeRoleText: Record<AttendeeRole, LocalizedText> = {
  chair: { 'zh-CN': '主持人', en: 'chair' },
  recorder: { 'zh-CN': '记录人', en: 'recorder' },
  resident_representative: { 'zh-CN': '居民代表', en: 'residents’ representative' },
  owners_committee: { 'zh-CN': '业委会', en: 'owners’ committee' },
  property_company: { 'zh-CN': '物业公司', en: 'property company' },
  police: { 'zh-CN': '社区民警', en: 'community police officer' },
  social_organisation: { 'zh-CN': '社会组织', en: 'social organisation' },
  consultant: { 'zh-CN': '项目顾问', en: 'project consultant' },
  department: { 'zh-CN': '职能部门', en: 'functional department' },
  community_worker: { 'zh-CN': '社区工作者', en: 'community worker' },
  proposer: { 'zh-CN': '提议人', en: 'proposer' },
  other: { 'zh-CN': '其他', en: 'other' },
};

export const feedbackGiverText: Record<FeedbackGiver, LocalizedText> = {
  community_worker: { 'zh-CN': '社区工作者', en: 'a community worker' },
  resident_representatives: { 'zh-CN': '居民代表', en: 'residents’ representatives' },
};

/** Who gave the feedback, with the representatives' names when they gave it. */
export function feedbackGiverName(data: {
  givenBy: FeedbackGiver;
  representatives?: string[] | undefined;
}): LocalizedText {
  const role = feedbackGiverText[data.givenBy];
  const names = data.representatives ?? [];
  if (names.length === 0) return role;
  return { 'zh-CN': `${role['zh-CN']}${names.join('、')}`, en: `${role.en} ${names.join(', ')}` };
}

const fieldText: Record<keyof ProposalContent, LocalizedText> = {
  title: { 'zh-CN': '标题', en: 'title' },
  description: { 'zh-CN': '内容', en: 'description' },
  category: { 'zh-CN': '类别', en: 'category' },
  estimatedCost: { 'zh-CN': '估算费用', en: 'estimated cost' },
  location: { 'zh-CN': '地点', en: 'location' },
  photos: { 'zh-CN': '照片', en: 'photos' },
};

function fieldsText(changes: Partial<ProposalContent>): LocalizedText {
  const keys = Object.keys(changes) as (keyof ProposalContent)[];
  return {
    'zh-CN': keys.map((k) => fieldText[k]['zh-CN']).join('、'),
    en: keys.map((k) => fieldText[k].en).join(', '),
  };
}

/** The reason a proposal was marked infeasible: the excluded-list line, the note, or both. */
export function infeasibleReasonText(
  data: Extract<ProposalModuleEvent, { type: 'ProposalMarkedInfeasible' }>['data'],
): LocalizedText {
  const { excluded, note } = data;
  const listed = excluded && {
    'zh-CN': `负面清单 ${excluded.code}「${excluded.text}」`,
    en: `excluded list ${excluded.code} “${excluded.textEn ?? excluded.text}”`,
  };
  return {
    'zh-CN': [listed?.['zh-CN'], note].filter(Boolean).join('；'),
    en: [listed?.en, note].filter(Boolean).join('; '),
  };
}

export function describeProposalEvent(event: ProposalModuleEvent): LocalizedText {
  switch (event.type) {
    case 'ProposalSubmitted': {
      const category = projectCategoryText[event.data.category];
      const cost = moneyText(event.data.estimatedCost);
      return {
        'zh-CN': `提交了${category['zh-CN']}建议「${event.data.title}」，估算 ${cost['zh-CN']}`,
        en: `submitted the ${category.en} proposal “${event.data.title}”, estimated at ${cost.en}`,
      };
    }
    case 'ProposalEdited': {
      const fields = fieldsText(event.data.changes);
      return { 'zh-CN': `修改了${fields['zh-CN']}`, en: `edited the ${fields.en}` };
    }
    case 'ProposalWithdrawn':
      return { 'zh-CN': '撤回了建议', en: 'withdrew the proposal' };
    case 'ProposalCoSigned':
      return { 'zh-CN': '附议了建议', en: 'co-signed the proposal' };
    case 'ProposalMerged':
      return {
        'zh-CN': '作为重复建议合并到另一条建议',
        en: 'merged the proposal into another as a duplicate',
      };
    case 'ProposalAbsorbed': {
      const { fromTitle, authors, coSigners } = event.data;
      return {
        'zh-CN': `合并了重复建议「${fromTitle}」（新增提议人 ${authors.length} 位、附议人 ${coSigners.length} 位）`,
        en: `merged in the duplicate “${fromTitle}” (${authors.length} more authors, ${coSigners.length} more co-signers)`,
      };
    }
    case 'ProposalMarkedInfeasible': {
      const reason = infeasibleReasonText(event.data);
      return {
        'zh-CN': `初步筛选认定不可行：${reason['zh-CN']}`,
        en: `found infeasible at screening: ${reason.en}`,
      };
    }
    case 'ProposalSentToSurvey':
      return { 'zh-CN': '安排现场踏勘', en: 'sent the proposal to a site survey' };
    case 'SiteSurveyRecorded': {
      const who = surveyorText[event.data.surveyor];
      const opinion = surveyOpinionText[event.data.opinion];
      const cost =
        event.data.revisedCost === undefined ? undefined : moneyText(event.data.revisedCost);
      return {
        'zh-CN': `${who['zh-CN']}完成现场踏勘，意见：${opinion['zh-CN']}${cost ? `，核定费用 ${cost['zh-CN']}` : ''}`,
        en: `the ${who.en} surveyed the site: ${opinion.en}${cost ? `, revised cost ${cost.en}` : ''}`,
      };
    }
    case 'RoundTableHeld':
      return {
        'zh-CN': `召开邻里圆桌会（${event.data.date}，${event.data.attendees.length} 人参加）`,
        en: `held a neighbourhood round-table (${event.data.date}, ${event.data.attendees.length} attending)`,
      };
    case 'ProposalAdmittedToPool': {
      const cost = moneyText(event.data.cost);
      return {
        'zh-CN': `邻里圆桌会决定纳入项目库（${cost['zh-CN']}）`,
        en: `the round-table admitted it to the project pool (${cost.en})`,
      };
    }
    case 'ProposalRejectedAtRoundTable':
      return {
        'zh-CN': `邻里圆桌会未予通过：${event.data.reason}`,
        en: `the round-table rejected it: ${event.data.reason}`,
      };
    case 'ProposalReturnedForRevision':
      return {
        'zh-CN': `邻里圆桌会退回修改：${event.data.changesRequested}`,
        en: `the round-table returned it for revision: ${event.data.changesRequested}`,
      };
    case 'ProposalResubmitted': {
      const keys = Object.keys(event.data.changes);
      if (keys.length === 0) return { 'zh-CN': '重新提交了建议', en: 'resubmitted the proposal' };
      const fields = fieldsText(event.data.changes);
      return {
        'zh-CN': `修改${fields['zh-CN']}后重新提交`,
        en: `resubmitted it with a new ${fields.en}`,
      };
    }
    case 'ProposalFeedbackGiven': {
      const who = feedbackGiverText[event.data.givenBy];
      return {
        'zh-CN': `${who['zh-CN']}反馈了未入选原因和改进建议`,
        en: `${who.en} gave the reason it was not selected and suggestions`,
      };
    }
    case 'ProposalFeedbackMessagePosted':
      return event.data.from === 'author'
        ? { 'zh-CN': '提议人在意见交流中留言', en: 'the author wrote in the feedback thread' }
        : { 'zh-CN': '社区在意见交流中回复', en: 'the community replied in the feedback thread' };
    case 'ProposalCarriedForward':
      return {
        'zh-CN': '提议人将建议转入下一周期',
        en: 'the author carried the proposal into a later cycle',
      };
    case 'ProposalCarriedFrom':
      return {
        'zh-CN': '由上一周期未入选的建议转入',
        en: 'carried forward from a proposal not selected in an earlier cycle',
      };
  }
}
