// The five sets of a cycle's projects (issue 12, item 9), at their first URLs
// (/api/public/cycles/{cycleId}/projects/<set>); the rows come from packages/api's project module.
import { openDataSets, projectOpenRows, type OpenDataSet } from '@gongzhi/api';
import { surveyQuestions } from '@gongzhi/domain';
import { col, suppressedColumn, type Column, type Dataset } from '../dataset.ts';
import { publicRows } from './read.ts';

const project = col('project_id', 'string', 'The project', '项目编号');

const columns: Record<OpenDataSet, Column[]> = {
  projects: [
    col(
      'project_id',
      'string',
      "The project's id (also its proposal's)",
      '项目编号（即其提案编号）',
    ),
    col('proposal_id', 'string', 'The proposal it carries out', '所实施的提案'),
    col('cycle_id', 'string', 'The cycle that selected it', '选出它的项目周期'),
    col('street_id', 'string', 'The street running the cycle', '组织周期的街道'),
    col('community_id', 'string', 'The community whose vote selected it', '投票选出它的社区'),
    col('title', 'string', "The proposal's title", '提案标题'),
    col('category', 'string', '`works`, `services` or `goods`', '工程类、服务类或货物类'),
    col('status', 'string', '`open`, `suspended` or `cancelled`', '状态：进行中、暂停或撤销'),
    col('stage', 'string', 'The last stage reached', '已到达的最后阶段'),
    col('implementer_kind', 'string', '`department` or `team`', '实施主体类型：部门或队伍'),
    col('implementer', 'string', "The department's name, or the team's id", '部门名称或队伍编号'),
    col('votes', 'integer', 'Votes the project won', '所得票数', 'count'),
    col('ballot_count', 'integer', 'Ballots counted in its community', '社区计票总数', 'count'),
    col('selected_cost_fen', 'integer', 'The cost the vote selected it at', '入选时的费用', 'fen'),
    col('approved_budget_fen', 'integer', 'The budget approved at 概审', '概审批准的预算', 'fen'),
    col(
      'budget_decision_ref',
      'string',
      'The decision approving a higher budget',
      '超预算决定文号',
    ),
    col('contract_value_fen', 'integer', "The contract's value", '合同金额', 'fen'),
    col('final_amount_fen', 'integer', 'The final account (结算)', '结算金额', 'fen'),
    col('spent_fen', 'integer', 'The sum of the payments', '已支付合计', 'fen'),
    col(
      'released_fen',
      'integer',
      'Money released back on cancellation',
      '撤销后释放的资金',
      'fen',
    ),
    col('physical_progress_pct', 'integer', 'Weights of milestones reached', '形象进度', 'percent'),
    col('financial_progress_pct', 'integer', 'Spent against the budget', '资金进度', 'percent'),
    col('started_on', 'date', 'The day works began', '开工日期'),
    col('completed_on', 'date', 'The day works were completed', '完工日期'),
    col('acceptance_verdict', 'string', '`passed`, `conditional` or `failed`', '最近一次验收结论'),
    col('accepted_on', 'date', 'The day of that acceptance', '验收日期'),
    col('status_reason', 'string', 'Why it is suspended or cancelled', '暂停或撤销的原因'),
    col('opened_at', 'datetime', 'When the selection opened the project', '项目建立时间'),
  ],
  contracts: [
    project,
    col('method', 'string', 'How the contractor was chosen', '采购方式'),
    col('bidder', 'string', "The bidder's name (a firm)", '投标单位名称'),
    col('bid_fen', 'integer', 'Its bid', '投标报价', 'fen'),
    col('awarded', 'boolean', 'Whether it won the contract', '是否中标'),
    col('contract_value_fen', 'integer', "The contract's value", '合同金额', 'fen'),
    col('award_reason', 'string', 'Why the award went to the winner', '定标理由'),
  ],
  payments: [
    project,
    col('payment_id', 'string', "The payment's id", '付款编号'),
    col('paid_on', 'date', 'The day it was paid', '付款日期'),
    col('amount_fen', 'integer', 'The amount', '金额', 'fen'),
    col('milestone_id', 'string', 'The milestone it pays for', '对应的节点'),
    col('note', 'string', "The implementer's note", '实施方备注'),
  ],
  milestones: [
    project,
    col('milestone_id', 'string', "The milestone's id within the project", '节点编号'),
    col('ordinal', 'integer', 'Its place in the plan, from 1', '计划中的序号'),
    col('title', 'string', 'What it is', '节点内容'),
    col('weight_pct', 'integer', 'Its share of the works', '占工程量的比例', 'percent'),
    col('planned_on', 'date', 'The day it was planned for', '计划日期'),
    col('reached_on', 'date', 'The day it was reached', '完成日期'),
    col('photo_count', 'integer', 'Photos recorded with it', '照片数', 'count'),
  ],
  surveys: [
    project,
    col('opens_on', 'date', "The survey's first day", '测评开始日期'),
    col('closes_on', 'date', 'Its last day', '测评截止日期'),
    col('closed', 'boolean', 'Whether it has closed and been counted', '是否已结束并统计'),
    col(
      'answers',
      'integer',
      'Answers counted; withheld with the scores at 1–4',
      '有效答卷数（1–4 份时连同评分不公开）',
      'count',
    ),
    col('voters', 'integer', 'Ballots counted in the community', '社区计票总数', 'count'),
    col(
      'response_rate_pct',
      'number',
      '`answers` against `voters`',
      '参与率（对投票人数）',
      'percent',
    ),
    col(
      'eligible_residents',
      'integer',
      'Residents eligible to answer',
      '有资格参与的居民数',
      'count',
    ),
    col(
      'response_rate_eligible_pct',
      'number',
      'Answers against eligible',
      '参与率（对有资格者）',
      'percent',
    ),
    col('minimum', 'integer', 'The fewest answers to judge by', '最少有效答卷数', 'count'),
    col('too_few', 'boolean', 'Whether the answers were fewer', '答卷是否不足'),
    ...surveyQuestions.flatMap((q) => [
      col(`${q}_mean`, 'number', `The mean score (1–5) of ${q}`, `“${q}”平均分（1–5）`),
      ...[1, 2, 3, 4, 5].map((s) =>
        col(
          `${q}_${s}`,
          'integer',
          `Answers scoring ${q} ${s}`,
          `“${q}”打 ${s} 分的答卷数`,
          'count',
        ),
      ),
    ]),
    col('evaluation_reply', 'string', "The implementer's published reply", '实施方公开回复'),
    suppressedColumn,
  ],
};

const titles: Record<OpenDataSet, { en: string; zh: string }> = {
  projects: { en: "A cycle's projects", zh: '周期的实施项目' },
  contracts: { en: 'Procurement bidders', zh: '采购投标单位' },
  payments: { en: 'Payments', zh: '付款' },
  milestones: { en: 'Milestones', zh: '形象进度节点' },
  surveys: { en: 'Satisfaction surveys', zh: '满意度测评' },
};

export const projectDatasets: Dataset[] = openDataSets.map((set) => ({
  name: set,
  scope: 'cycle',
  title: titles[set],
  // surveys 2: answers of 1–4 people withheld with their scores, and the `suppressed` column.
  version: set === 'surveys' ? 2 : 1,
  columns: columns[set],
  path: `/api/public/cycles/{cycleId}/projects/${set}`,
  rows: (reader, cycleId) => publicRows(() => projectOpenRows(reader.ctx, { cycleId, set })),
}));
