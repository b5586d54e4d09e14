// A street's cycles, and per cycle: its proposals with their outcomes, its project pools and the
// tally of each community's vote (the ballots themselves are the bulletin files beside them).
import { readTally } from '@gongzhi/projections/ballot';
import { col, type Dataset, type Reader } from '../dataset.ts';
import { db, publicCaller, publicRows, publicStreet } from './read.ts';

const cycleId = col('cycle_id', 'string', 'The cycle (page /cycles/<cycle_id>)', '项目周期编号');
const communityId = col('community_id', 'string', 'The community', '社区编号');
const proposalId = col(
  'proposal_id',
  'string',
  'The proposal (page /proposals/<proposal_id>)',
  '提案编号',
);

const phases: [string, string][] = [
  ['proposing', '征集'],
  ['screening', '筛选'],
  ['voting', '投票'],
  ['publicity', '公示'],
  ['implementing', '实施'],
  ['evaluating', '评价'],
  ['closed', '结束'],
];

const cycles: Dataset = {
  name: 'cycles',
  scope: 'street',
  title: { en: "A street's published cycles", zh: '街道已发布的项目周期' },
  version: 1,
  columns: [
    cycleId,
    col('street_id', 'string', 'The street running it', '组织周期的街道'),
    col('title', 'string', "The cycle's title", '周期名称'),
    col('title_en', 'string', 'Its English title', '英文名称'),
    col('year', 'integer', 'The budget year', '预算年度'),
    col('phase', 'string', 'The phase it is in', '当前阶段'),
    col('community_count', 'integer', 'Communities taking part', '参与社区数', 'count'),
    col(
      'total_budget_fen',
      'integer',
      "The communities' budgets together",
      '各社区预算合计',
      'fen',
    ),
    ...phases.map(([p, zh]) =>
      col(
        `${p}_on`,
        'date',
        `The day the ${p} phase is scheduled to begin`,
        `${zh}阶段计划开始日期`,
      ),
    ),
    col('published_at', 'datetime', 'When the cycle was published', '发布时间'),
  ],
  rows: async (reader, streetId) => {
    const api = publicCaller(reader);
    if (!(await publicStreet(reader, streetId))) return null;
    const { cycles: list } = await api.cycle.list({ streetId });
    return list.map((c) => ({
      cycle_id: c.cycleId,
      street_id: c.streetId,
      title: c.title,
      title_en: c.titleEn,
      year: c.year,
      phase: c.phase,
      community_count: c.communityCount,
      total_budget_fen: c.totalBudget,
      ...Object.fromEntries(
        phases.map(([p]) => [`${p}_on`, c.schedule[p as keyof typeof c.schedule]]),
      ),
      published_at: c.publishedAt,
    }));
  },
};

/** The communities of a visible cycle, or null when there is no such published cycle. */
async function communitiesOf(reader: Reader, id: string): Promise<string[] | null> {
  const cycle = await publicRows(() => publicCaller(reader).cycle.get({ cycleId: id }));
  return cycle ? cycle.budgets.map((b) => b.communityId) : null;
}

const PAGE = 200;

const proposals: Dataset = {
  name: 'proposals',
  scope: 'cycle',
  title: { en: "A cycle's proposals and their outcomes", zh: '周期的提案及其结果' },
  version: 1,
  columns: [
    proposalId,
    cycleId,
    communityId,
    col('title', 'string', "The proposal's title", '提案标题'),
    col('category', 'string', '`works`, `services` or `goods`', '工程类、服务类或货物类'),
    col('status', 'string', 'Where it stands (submitted … merged)', '提案状态'),
    col(
      'decline_reason_zh',
      'string',
      'Why it was found infeasible, rejected, returned or withdrawn',
      '不可行、未通过、退回或撤回的原因',
    ),
    col('decline_reason_en', 'string', 'The same reason in English', '上述原因的英文'),
    col('merged_into', 'string', 'The proposal it was merged into', '合并入的提案'),
    col('estimated_cost_fen', 'integer', "The author's estimate", '提案人估算费用', 'fen'),
    col('revised_cost_fen', 'integer', 'The cost the site survey found', '现场踏勘核定费用', 'fen'),
    col('pool_cost_fen', 'integer', 'The cost it entered the pool at', '入库费用', 'fen'),
    col('supports', 'integer', 'Residents who co-signed it (附议)', '附议人数', 'count'),
    col('votes', 'integer', 'Votes it won (empty: not counted)', '所得票数（空：未计票）', 'count'),
    col(
      'selected',
      'boolean',
      'Whether the count selected it (empty: not counted)',
      '是否入选（空：未计票）',
    ),
    col('submitted_at', 'datetime', 'When it was submitted', '提交时间'),
  ],
  rows: async (reader, id) => {
    const communities = await communitiesOf(reader, id);
    if (!communities) return null;
    const api = publicCaller(reader);
    const listed = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await api.proposal.list({ cycleId: id, limit: PAGE, offset });
      listed.push(...page.proposals);
      if (page.proposals.length < PAGE) break;
    }
    const counted = new Map<string, { votes: number; selected: boolean }>();
    for (const communityId of communities) {
      const record = await readTally(db(reader), { cycleId: id, communityId });
      for (const p of record?.tally.projects ?? []) {
        counted.set(p.proposalId, {
          votes: p.votes,
          selected: record!.tally.winners.includes(p.proposalId),
        });
      }
    }
    return listed.map((p) => ({
      proposal_id: p.proposalId,
      cycle_id: p.cycleId,
      community_id: p.communityId,
      title: p.title,
      category: p.category,
      status: p.status,
      decline_reason_zh: p.statusReason?.['zh-CN'] ?? null,
      decline_reason_en: p.statusReason?.en ?? null,
      merged_into: p.mergedInto,
      estimated_cost_fen: p.estimatedCost,
      revised_cost_fen: p.revisedCost,
      pool_cost_fen: p.poolCost,
      supports: p.coSignCount,
      votes: counted.get(p.proposalId)?.votes ?? null,
      selected: counted.get(p.proposalId)?.selected ?? null,
      submitted_at: p.submittedAt,
    }));
  },
};

const pools: Dataset = {
  name: 'pools',
  scope: 'cycle',
  title: { en: "The communities' project pools (项目库)", zh: '各社区项目库' },
  version: 1,
  columns: [
    communityId,
    proposalId,
    col('title', 'string', "The proposal's title", '提案标题'),
    col('category', 'string', '`works`, `services` or `goods`', '工程类、服务类或货物类'),
    col('cost_fen', 'integer', 'The cost it entered the pool at', '入库费用', 'fen'),
    col('supports', 'integer', 'Residents who co-signed it', '附议人数', 'count'),
    col('round_table_id', 'string', 'The round-table that put it in the pool', '决定入库的议事会'),
  ],
  rows: async (reader, id) => {
    const communities = await communitiesOf(reader, id);
    if (!communities) return null;
    const api = publicCaller(reader);
    const rows = [];
    for (const communityId of communities) {
      const { pool } = await api.proposal.pool({ cycleId: id, communityId });
      rows.push(
        ...pool.map((p) => ({
          community_id: communityId,
          proposal_id: p.proposalId,
          title: p.title,
          category: p.category,
          cost_fen: p.cost,
          supports: p.coSignCount,
          round_table_id: p.roundTableId,
        })),
      );
    }
    return rows;
  },
};

const results: Dataset = {
  name: 'results',
  scope: 'cycle',
  title: { en: "The tally of each community's vote", zh: '各社区计票结果' },
  version: 1,
  columns: [
    communityId,
    proposalId,
    col(
      'order',
      'integer',
      'Its place in the tally (tie-break order), from 1',
      '计票顺序（并列时的排序）',
    ),
    col('cost_fen', 'integer', 'Its cost in the count', '计票所用费用', 'fen'),
    col('votes', 'integer', 'Votes it won', '所得票数', 'count'),
    col('selected', 'boolean', 'Whether it was selected', '是否入选'),
    col('rule', 'string', 'The aggregation rule (pabulib name)', '计票规则'),
    col('budget_fen', 'integer', "The community's budget", '社区预算', 'fen'),
    col(
      'budget_used_fen',
      'integer',
      'What the selected projects cost together',
      '入选项目费用合计',
      'fen',
    ),
    col('ballot_count', 'integer', 'Ballots counted', '计票总数', 'count'),
    col(
      'input_digest',
      'string',
      'SHA-256 of the bulletin.pb file counted',
      '所计选票公示文件的 SHA-256',
    ),
    col(
      'bulletin_csv',
      'string',
      "The URL of the community's ballots (bulletin)",
      '选票公示文件地址',
    ),
    col('tallied_at', 'datetime', 'When the count was recorded', '计票时间'),
  ],
  rows: async (reader, id) => {
    const communities = await communitiesOf(reader, id);
    if (!communities) return null;
    const rows = [];
    for (const communityId of communities) {
      const record = await readTally(db(reader), { cycleId: id, communityId });
      if (!record) continue;
      const { tally } = record;
      rows.push(
        ...tally.projects.map((p, order) => ({
          community_id: communityId,
          proposal_id: p.proposalId,
          order: order + 1,
          cost_fen: p.cost,
          votes: p.votes,
          selected: tally.winners.includes(p.proposalId),
          rule: tally.pbRule,
          budget_fen: tally.budget,
          budget_used_fen: tally.budgetUsed,
          ballot_count: tally.ballotCount,
          input_digest: tally.inputDigest,
          bulletin_csv: `/api/public/cycles/${id}/communities/${communityId}/bulletin.csv`,
          tallied_at: record.talliedAt,
        })),
      );
    }
    return rows;
  },
};

export const cycleDatasets: Dataset[] = [cycles, proposals, pools, results];
