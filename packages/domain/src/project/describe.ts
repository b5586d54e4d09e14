// How projects read in pages and messages, in both interface languages.
import type { LocalizedText } from '../shared/errors.ts';
import { moneyText } from '../cycle/describe.ts';
import { isSmallCount, SMALL_COUNT } from '../shared/small-counts.ts';
import type { PhotoPhase, ProcurementMethod, ProjectEvent } from './events.ts';
import type { ProjectStage } from './state.ts';

export const projectStageText: Record<ProjectStage, LocalizedText> = {
  opened: { 'zh-CN': '待立项', en: 'awaiting approval' },
  approved: { 'zh-CN': '已立项', en: 'approved' },
  budget_reviewed: { 'zh-CN': '已概审', en: 'budget reviewed' },
  contracted: { 'zh-CN': '已定标', en: 'contract awarded' },
  started: { 'zh-CN': '施工中', en: 'works under way' },
  completed: { 'zh-CN': '已完工', en: 'works completed' },
  accepted: { 'zh-CN': '已验收', en: 'accepted' },
  settled: { 'zh-CN': '已结算', en: 'settled' },
  evaluated: { 'zh-CN': '已评价', en: 'evaluated' },
};

/** What each stage's act is called, for refusals naming the next step. */
export const projectStepText: Record<ProjectStage, LocalizedText> = {
  opened: { 'zh-CN': '项目产生', en: 'opening' },
  approved: { 'zh-CN': '立项', en: 'approval (立项)' },
  budget_reviewed: { 'zh-CN': '概审', en: 'budget review (概审)' },
  contracted: { 'zh-CN': '采购定标', en: 'procurement (采购)' },
  started: { 'zh-CN': '开工', en: 'start of works (开工)' },
  completed: { 'zh-CN': '完工', en: 'completion (完工)' },
  accepted: { 'zh-CN': '验收', en: 'acceptance (验收)' },
  settled: { 'zh-CN': '结算', en: 'final account (结算)' },
  evaluated: { 'zh-CN': '评价', en: 'evaluation' },
};

export const procurementMethodText: Record<ProcurementMethod, LocalizedText> = {
  public_tender: { 'zh-CN': '公开招标', en: 'public tender' },
  inquiry: { 'zh-CN': '询价', en: 'inquiry' },
  competitive_negotiation: { 'zh-CN': '竞争性谈判', en: 'competitive negotiation' },
  direct_award: { 'zh-CN': '直接委托', en: 'direct award' },
};

export const photoPhaseText: Record<PhotoPhase, LocalizedText> = {
  before: { 'zh-CN': '施工前', en: 'before' },
  during: { 'zh-CN': '施工中', en: 'during' },
  after: { 'zh-CN': '完工后', en: 'after' },
};

export function describeProjectEvent(event: ProjectEvent): LocalizedText {
  switch (event.type) {
    case 'ProjectOpened':
      return { 'zh-CN': '确认入选，产生项目', en: 'selected and opened as a project' };
    case 'ProjectApproved':
      return { 'zh-CN': '立项', en: 'approved the project (立项)' };
    case 'ProjectBudgetReviewed': {
      const money = moneyText(event.data.approvedBudget);
      return {
        'zh-CN': `概审核定预算 ${money['zh-CN']}`,
        en: `reviewed the budget: ${money.en}`,
      };
    }
    case 'ProjectContractAwarded': {
      const money = moneyText(event.data.contractValue);
      return {
        'zh-CN': `定标：${event.data.contractor}，合同金额 ${money['zh-CN']}`,
        en: `awarded the contract to ${event.data.contractor} for ${money.en}`,
      };
    }
    case 'ProjectWorksStarted':
      return { 'zh-CN': '开工', en: 'started the works' };
    case 'ProjectMilestoneReached':
      return { 'zh-CN': '完成节点', en: 'reached a milestone' };
    case 'ProjectPaymentMade': {
      const money = moneyText(event.data.amount);
      return { 'zh-CN': `支付 ${money['zh-CN']}`, en: `paid ${money.en}` };
    }
    case 'ProjectWorksCompleted':
      return { 'zh-CN': '完工', en: 'completed the works' };
    case 'ProjectAcceptanceRecorded':
      return event.data.verdict === 'passed'
        ? { 'zh-CN': '验收通过', en: 'passed acceptance' }
        : event.data.verdict === 'conditional'
          ? { 'zh-CN': '验收有条件通过，须整改', en: 'passed acceptance on conditions' }
          : { 'zh-CN': '验收未通过', en: 'failed acceptance' };
    case 'ProjectSettled':
      return { 'zh-CN': '结算', en: 'settled the final account' };
    case 'ProjectSurveyOpened':
      return { 'zh-CN': '开始满意度测评', en: 'opened the satisfaction survey' };
    case 'ProjectSurveyClosed': {
      // A count of 1–4 people is not published (shared/small-counts.ts).
      const { answers } = event.data.result;
      return isSmallCount(answers)
        ? {
            'zh-CN': `满意度测评结束，答卷不足 ${SMALL_COUNT} 份`,
            en: `closed the satisfaction survey with fewer than ${SMALL_COUNT} answers`,
          }
        : {
            'zh-CN': `满意度测评结束，共 ${answers} 份答卷`,
            en: `closed the satisfaction survey with ${answers} answers`,
          };
    }
    case 'ProjectEvaluated':
      return { 'zh-CN': '公布评价结果', en: 'published the evaluation' };
    case 'ProjectSuspended':
      return { 'zh-CN': '暂停项目', en: 'suspended the project' };
    case 'ProjectResumed':
      return { 'zh-CN': '恢复项目', en: 'resumed the project' };
    case 'ProjectCancelled':
      return { 'zh-CN': '撤销项目', en: 'cancelled the project' };
    case 'ProjectHandedToTeam':
      return { 'zh-CN': '交由志愿服务队实施', en: 'handed the project to a volunteer team' };
  }
}
