// What the burden-reduction ledger publishes (the figures of a street and its communities, as the
// public dashboards show them) and the admission catalogues that apply to a street. Items are
// counts; no item, inspector or worker is named.
import { readLedgerPeriod } from '@gongzhi/projections/ledger';
import { col, type Dataset, type Reader } from '../dataset.ts';
import { db, publicCaller, publicStreet } from './read.ts';

/** The street's communities, or null when there is no such street. */
async function communitiesOf(reader: Reader, streetId: string) {
  const street = await publicStreet(reader, streetId);
  return street ? street.communities.map((c) => c.communityId) : null;
}

type LedgerFigures = Awaited<ReturnType<ReturnType<typeof publicCaller>['ledger']['figures']>>;

/** Rows from each of the street's communities' public ledger figures; null: no such street. */
async function figuresPerCommunity(
  reader: Reader,
  streetId: string,
  toRows: (figures: LedgerFigures, communityId: string) => Record<string, string | number>[],
) {
  const communities = await communitiesOf(reader, streetId);
  if (!communities) return null;
  const api = publicCaller(reader);
  const rows = [];
  for (const communityId of communities) {
    rows.push(...toRows(await api.ledger.figures({ communityId }), communityId));
  }
  return rows;
}

const ledger: Dataset = {
  name: 'ledger',
  scope: 'street',
  title: {
    en: 'Ledger items by community, kind and status',
    zh: '减负台账：各社区按类型和状态的条目数',
  },
  version: 1,
  columns: [
    col('community_id', 'string', 'The community', '社区编号'),
    col(
      'kind',
      'string',
      'What the items are (signboard, app, chat group, certificate …)',
      '条目类型',
    ),
    col('status', 'string', 'Where they stand (recorded, removed, relapsed …)', '状态'),
    col('items', 'integer', 'How many items', '条目数', 'count'),
  ],
  rows: (reader, streetId) =>
    figuresPerCommunity(reader, streetId, (figures, communityId) =>
      figures.counts.map((c) => ({
        community_id: communityId,
        kind: c.kind,
        status: c.status,
        items: c.items,
      })),
    ),
};

const ledgerRemovals: Dataset = {
  name: 'ledger_removals',
  scope: 'street',
  title: { en: 'Ledger items removed per month', zh: '减负台账：每月清理条目数' },
  version: 1,
  columns: [
    col('community_id', 'string', 'The community', '社区编号'),
    col('month', 'string', 'The month, `YYYY-MM`', '月份'),
    col(
      'items',
      'integer',
      'Items removed, merged or retired that month',
      '当月撤除、合并或停用的条目数',
      'count',
    ),
  ],
  rows: (reader, streetId) =>
    figuresPerCommunity(reader, streetId, (figures, communityId) =>
      figures.removalsByMonth.map((m) => ({
        community_id: communityId,
        month: m.month,
        items: m.items,
      })),
    ),
};

const catalogues: Dataset = {
  name: 'catalogues',
  scope: 'street',
  title: { en: 'Admission catalogues in force for a street', zh: '适用于街道的准入目录' },
  version: 1,
  columns: [
    col('catalogue_id', 'string', 'The catalogue version', '目录版本编号'),
    col(
      'catalogue_kind',
      'string',
      '`work_items` or `certificates`',
      '目录类型：工作事项或证明事项',
    ),
    col('place', 'string', '`city` or `street`: who keeps it', '制定层级：市或街道'),
    col('year', 'integer', 'Its year', '年度'),
    col('published_on', 'date', 'The day it was published', '发布日期'),
    col('code', 'string', "The entry's number", '事项编号'),
    col('title', 'string', 'The entry', '事项名称'),
    col('basis', 'string', 'Its legal or policy basis', '依据'),
    col('department', 'string', 'The department it comes from', '责任部门'),
    col(
      'community_role',
      'string',
      'What the community does, or who uses the certificate',
      '社区职责或证明用途',
    ),
    col('funding', 'string', 'Funding that follows the task (work items)', '经费保障（费随事转）'),
    col('category', 'string', '`own_duty`, `assisting` or `negative` (work items)', '事项类别'),
    col('alternative', 'string', 'What replaces the certificate', '替代方式'),
  ],
  rows: async (reader, streetId) => {
    if (!(await communitiesOf(reader, streetId))) return null;
    const api = publicCaller(reader);
    const { versions } = await api.catalogue.list();
    const applying = versions.filter(
      (v) => v.placeKey === 'city' || v.placeKey === `street:${streetId}`,
    );
    const rows = [];
    for (const v of applying) {
      const version = await api.catalogue.get({ catalogueId: v.catalogueId });
      rows.push(
        ...version.entries.map((e) => ({
          catalogue_id: v.catalogueId,
          catalogue_kind: v.kind,
          place: v.placeKey === 'city' ? 'city' : 'street',
          year: v.year,
          published_on: v.publishedOn,
          code: e.code,
          title: e.title,
          basis: e.basis,
          department: e.department,
          community_role: e.communityRole,
          funding: e.funding ?? null,
          category: e.category ?? null,
          alternative: e.alternative ?? null,
        })),
      );
    }
    return rows;
  },
};

const ledgerChanges: Dataset = {
  name: 'ledger_changes',
  scope: 'street',
  title: {
    en: 'Ledger items gone and relapses found per day and kind',
    zh: '减负台账：每日按类型的清理与反弹条目数',
  },
  version: 1,
  columns: [
    col('day', 'date', 'The day recorded (China)', '记录日期'),
    col(
      'kind',
      'string',
      'What the items are (signboard, app, chat group, certificate …)',
      '条目类型',
    ),
    col(
      'removed',
      'integer',
      'Items removed, merged or retired that day',
      '当日撤除、合并或停用的条目数',
      'count',
    ),
    col(
      'relapses',
      'integer',
      'Relapses found that day (an item back in use)',
      '当日发现反弹的条目数',
      'count',
    ),
  ],
  rows: async (reader, streetId) => {
    if (!(await communitiesOf(reader, streetId))) return null;
    const changes = await readLedgerPeriod(db(reader), streetId, '0000-01-01', '9999-12-31', 'day');
    return changes.map((c) => ({
      day: c.period,
      kind: c.kind,
      removed: c.gone,
      relapses: c.relapsed,
    }));
  },
};

export const ledgerDatasets: Dataset[] = [ledger, ledgerRemovals, ledgerChanges, catalogues];
