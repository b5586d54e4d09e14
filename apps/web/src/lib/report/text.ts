// How a report's figures read on the pages: each figure key's name (zh-CN, en), its value in its
// unit, and the section names. The figures themselves are the API's (packages/api/src/report).
import { say, type LocalizedText } from '@gongzhi/domain';
import { m } from '$lib/paraglide/messages';
import { local, money } from '$lib/text';

type Figure = {
  key: string;
  value: string | number | boolean | null;
  unit: string;
  suppressed: boolean;
};

const kinds: Record<string, LocalizedText> = {
  signboard: say('牌子', 'signboards'),
  app: say('政务 App', 'apps'),
  chat_group: say('工作群', 'chat groups'),
  certificate: say('证明事项', 'certificates'),
  mechanism: say('工作机制', 'mechanisms'),
  task: say('考核任务', 'tasks'),
};

const names: Record<string, LocalizedText> = {
  projects: say('项目数', 'projects'),
  cancelled: say('撤销的项目', 'projects cancelled'),
  approved_budget_fen: say('批复预算', 'approved budget'),
  contract_value_fen: say('合同金额', 'contract value'),
  spent_fen: say('已支出', 'spent'),
  mean_physical_progress_pct: say('平均形象进度', 'mean physical progress'),
  completed: say('已完工', 'completed'),
  accepted_passed: say('验收合格', 'accepted'),
  accepted_conditional: say('有条件通过验收', 'accepted with conditions'),
  accepted_failed: say('验收不合格', 'failed acceptance'),
  community_id: say('社区', 'community'),
  status: say('状态', 'status'),
  stage: say('阶段', 'stage'),
  physical_progress_pct: say('形象进度', 'physical progress'),
  financial_progress_pct: say('资金进度', 'financial progress'),
  acceptance_verdict: say('验收结论', 'acceptance verdict'),
  surveys_closed: say('已结束的满意度调查', 'satisfaction surveys closed'),
  answers: say('答卷数', 'answers'),
  response_rate_pct: say('回答率', 'response rate'),
  too_few: say('答卷过少', 'too few answers'),
  overall_mean: say('总体满意度（1–5）', 'overall (1–5)'),
  quality_mean: say('质量（1–5）', 'quality (1–5)'),
  timeliness_mean: say('及时性（1–5）', 'timeliness (1–5)'),
  usefulness_mean: say('实用性（1–5）', 'usefulness (1–5)'),
  meetings_held: say('召开会议', 'meetings held'),
  late_notices: say('未按时通知的会议', 'meetings noticed late'),
  motions_adopted: say('通过的动议', 'motions adopted'),
  resolutions_assigned: say('落实中的决议', 'resolutions followed up'),
  resolutions_closed: say('已办结的决议', 'resolutions closed'),
  resolutions_overdue: say('逾期未办结的决议', 'resolutions overdue'),
  meetings_planned: say('应开会议数', 'meetings planned'),
  vitality_index: say('活力指数', 'vitality index'),
  small_sample: say('样本过小', 'small sample'),
  volunteers: say('志愿者人数', 'volunteers'),
  hours: say('服务时长（小时）', 'hours of service'),
  service_records: say('服务记录', 'service records'),
  teams: say('服务队伍', 'teams'),
  months_withheld: say('因人数少于 5 人不公开的月份', 'months withheld (fewer than 5 volunteers)'),
  removed: say('清理数', 'removed'),
  relapses: say('反弹数', 'relapses'),
};

/** The name of a figure by its key (`signboard_removed`: 牌子 清理数). */
export function figureName(key: string): string {
  const kind = /^(.+)_(removed|relapses)$/.exec(key);
  if (kind && kinds[kind[1]!]) return `${local(kinds[kind[1]!]!)} · ${local(names[kind[2]!]!)}`;
  return names[key] ? local(names[key]) : key;
}

/** A figure's value as people read it: yuan, percent, yes/no; withheld when suppressed. */
export function figureValue(f: Figure): string {
  if (f.suppressed) return m.report_suppressed();
  if (f.value === null) return '—';
  if (typeof f.value === 'boolean') return f.value ? m.report_yes() : m.report_no();
  if (f.unit === 'fen' && typeof f.value === 'number') return money(f.value);
  if (f.unit === 'percent') return `${f.value}%`;
  return String(f.value);
}

export const sectionName = (key: string): string =>
  ({
    projects: m.report_section_projects(),
    satisfaction: m.report_section_satisfaction(),
    meetings: m.report_section_meetings(),
    volunteering: m.report_section_volunteering(),
    ledger: m.report_section_ledger(),
  })[key] ?? key;

/** The period a report covers, as its title says it. */
export const periodName = (
  period: { type: 'cycle'; title: string } | { type: 'year'; year: number },
): string =>
  period.type === 'cycle'
    ? m.report_period_cycle({ title: period.title })
    : m.report_period_year({ year: String(period.year) });

/** A difference's path (`sections[projects].figures[spent_fen].value`) read as names. */
export function differencePath(path: string): string {
  return path
    .replace(/\.value$/, '')
    .split(/[.[\]]+/)
    .filter((part) => part !== '' && part !== 'sections' && part !== 'figures' && part !== 'items')
    .map((part) => (names[part] || /_(removed|relapses)$/.test(part) ? figureName(part) : part))
    .map((part) =>
      ['projects', 'satisfaction', 'meetings', 'volunteering', 'ledger'].includes(part)
        ? sectionName(part)
        : part,
    )
    .join(' › ');
}
