// How cycles read in pages and messages, in both interface languages.
import type { LocalizedText } from '../shared/errors.ts';
import type { CycleEvent, CycleStage, ProjectCategory } from './events.ts';

export const cycleStageText: Record<CycleStage, LocalizedText> = {
  announced: { 'zh-CN': '已发布', en: 'announced' },
  proposing: { 'zh-CN': '建议征集', en: 'proposing' },
  screening: { 'zh-CN': '筛选共议', en: 'screening' },
  voting: { 'zh-CN': '投票', en: 'voting' },
  publicity: { 'zh-CN': '公示', en: 'publicity' },
  implementing: { 'zh-CN': '实施', en: 'implementing' },
  evaluating: { 'zh-CN': '评价', en: 'evaluating' },
  closed: { 'zh-CN': '结束', en: 'closed' },
};

export const projectCategoryText: Record<ProjectCategory, LocalizedText> = {
  works: { 'zh-CN': '工程类', en: 'works' },
  services: { 'zh-CN': '服务类', en: 'services' },
  goods: { 'zh-CN': '货物类', en: 'goods' },
};

// Built once: toLocaleString builds a formatter on every call.
const yuanFormat = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const twoDecimals = (fen: number) => yuanFormat.format(fen / 100);

/** An amount in fen as people read it: 20_000_000 → 200,000.00 元 / ¥200,000.00. */
export function moneyText(fen: number): LocalizedText {
  return { 'zh-CN': `${twoDecimals(fen)} 元`, en: `¥${twoDecimals(fen)}` };
}

export function describeCycleEvent(event: CycleEvent): LocalizedText {
  switch (event.type) {
    case 'CycleDrafted':
      return {
        'zh-CN': `起草了项目周期「${event.data.title}」`,
        en: `drafted the cycle “${event.data.title}”`,
      };
    case 'CycleDraftAmended':
      return { 'zh-CN': '修改了项目周期草稿', en: 'amended the draft of the cycle' };
    case 'CyclePublished':
      return { 'zh-CN': '发布了项目周期', en: 'published the cycle' };
    case 'CyclePhaseAdvanced': {
      const { to, scheduledFor, at, reason } = event.data;
      const stage = cycleStageText[to];
      const why =
        reason === undefined ? undefined : { 'zh-CN': `，理由：${reason}`, en: `: ${reason}` };
      return {
        'zh-CN': `进入「${stage['zh-CN']}」阶段（原定 ${scheduledFor}）${why?.['zh-CN'] ?? ''}`,
        en: `moved to ${stage.en} on ${at.slice(0, 10)} (scheduled ${scheduledFor})${why?.en ?? ''}`,
      };
    }
    case 'CycleBudgetAmended': {
      const changes = event.data.budgets.map((b) => ({
        from: moneyText(b.previousBudget),
        to: moneyText(b.budget),
        communityId: b.communityId,
      }));
      return {
        'zh-CN': `调整了预算（${changes.map((c) => `${c.communityId}：${c.from['zh-CN']} → ${c.to['zh-CN']}`).join('；')}），理由：${event.data.reason}`,
        en: `amended budgets (${changes.map((c) => `${c.communityId}: ${c.from.en} → ${c.to.en}`).join('; ')}): ${event.data.reason}`,
      };
    }
    case 'CycleScheduleAmended':
      return {
        'zh-CN': `调整了日程，理由：${event.data.reason}`,
        en: `amended the schedule: ${event.data.reason}`,
      };
  }
}
