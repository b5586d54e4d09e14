// A cycle's forms. The street officer's cycle form: every field of a cycle's definition as plain
// strings (money in yuan, lists one item a line), turned into the API's definition (money in fen).
import { z } from 'zod';
import {
  cyclePhases,
  defaultBulletinMinimum,
  defaultMinimumSupport,
  tieKindSchema,
  type CycleDefinition,
  type CyclePhase,
  type ListItem,
  type TieKind,
} from '@gongzhi/domain';
import type { SuperValidated } from 'sveltekit-superforms';
import { m } from '$lib/paraglide/messages';
import { fenToYuan, yuanToFen } from '$lib/text';
import { addFieldError, rowOf, type FieldOf, type FormMessage } from '$lib/server/forms';

const text = z.string().default('');

/** The schedule's dates, a field each phase: in the cycle form and in a schedule amendment. */
const scheduleFields = {
  proposing: text,
  screening: text,
  voting: text,
  publicity: text,
  implementing: text,
  evaluating: text,
  closed: text,
} satisfies Record<CyclePhase, typeof text>;

export const cycleForm = z.object({
  streetId: text,
  title: text,
  titleEn: text,
  year: text,
  /** Every community of the street, a row each; a blank budget leaves it out of the cycle. */
  communityIds: z.array(z.string()).default([]),
  budgets: z.array(z.string()).default([]),
  capWorks: text,
  capServices: text,
  capGoods: text,
  /** One item a line: `CODE 中文 | English`. */
  allowed: text,
  excluded: text,
  tieKinds: z.array(z.string()).default([]),
  minAge: text,
  ballotKind: z.string().default('approval'),
  maxProjects: text,
  minProjects: text,
  aggregation: z.string().default('greedy'),
  /** `votes` (a number of votes) or `share` (a percentage of the community's ballots). */
  minimumSupportKind: z.string().default('votes'),
  minimumSupport: text,
  bulletinMinimum: text,
  publicityDays: text,
  ...scheduleFields,
  expectedRevision: text,
});
export type CycleFormData = z.infer<typeof cycleForm>;
type Form = SuperValidated<CycleFormData, FormMessage>;

const listText = (items: readonly ListItem[]) =>
  items.map((i) => `${i.code} ${i.text}${i.textEn ? ` | ${i.textEn}` : ''}`).join('\n');

/** Suggested lines for a new cycle, after common practice; the officer edits them. */
const suggestedAllowed: ListItem[] = [
  {
    code: 'A1',
    text: '小区环境和公共设施的改善',
    textEn: 'Improving the estate and shared facilities',
  },
  {
    code: 'A2',
    text: '为老、助残、儿童关爱等社区服务',
    textEn: 'Services for the elderly, disabled people and children',
  },
  { code: 'A3', text: '文体活动和邻里互助', textEn: 'Culture, sport and neighbourly help' },
];
const suggestedExcluded: ListItem[] = [
  {
    code: 'N1',
    text: '已列入政府年度计划或有专项资金的项目',
    textEn: 'Projects already in a government plan or with dedicated funds',
  },
  {
    code: 'N2',
    text: '为个人或少数人谋利、营利性的项目',
    textEn: 'Projects for private or commercial gain',
  },
  {
    code: 'N3',
    text: '违反法律法规或公序良俗的项目',
    textEn: 'Projects against the law or public order',
  },
];

/** The form for a new cycle of a street: every community in, suggested caps and rules. */
export function newCycleValues(
  streetId: string,
  communityIds: readonly string[],
  year: number,
): CycleFormData {
  return {
    streetId,
    title: `${year} 年度民生微实事`,
    titleEn: `Micro-projects ${year}`,
    year: String(year),
    communityIds: [...communityIds],
    budgets: communityIds.map(() => '200000'),
    capWorks: '200000',
    capServices: '100000',
    capGoods: '50000',
    allowed: listText(suggestedAllowed),
    excluded: listText(suggestedExcluded),
    tieKinds: ['lives', 'works', 'studies'],
    minAge: '16',
    ballotKind: 'approval',
    maxProjects: '3',
    minProjects: '',
    aggregation: 'greedy',
    minimumSupportKind: 'votes',
    minimumSupport: '1',
    bulletinMinimum: String(defaultBulletinMinimum),
    publicityDays: '5',
    proposing: '',
    screening: '',
    voting: '',
    publicity: '',
    implementing: '',
    evaluating: '',
    closed: '',
    expectedRevision: '',
  };
}

/** The form showing a draft: its communities first, then the street's others (left blank). */
export function draftValues(
  cycle: CycleDefinition & { streetId: string; revision: string },
  streetCommunityIds: readonly string[],
): CycleFormData {
  const inCycle = cycle.communities.map((c) => c.communityId);
  const others = streetCommunityIds.filter((id) => !inCycle.includes(id));
  const { ballot } = cycle;
  const minimum = cycle.minimumSupport ?? defaultMinimumSupport;
  return {
    streetId: cycle.streetId,
    title: cycle.title,
    titleEn: cycle.titleEn ?? '',
    year: String(cycle.year),
    communityIds: [...inCycle, ...others],
    budgets: [...cycle.communities.map((c) => fenToYuan(c.budget)), ...others.map(() => '')],
    capWorks: fenToYuan(cycle.caps.works),
    capServices: fenToYuan(cycle.caps.services),
    capGoods: fenToYuan(cycle.caps.goods),
    allowed: listText(cycle.allowed),
    excluded: listText(cycle.excluded),
    tieKinds: [...cycle.eligibility.tieKinds],
    minAge: String(cycle.eligibility.minAge),
    ballotKind: ballot.kind,
    maxProjects: ballot.kind === 'approval' ? String(ballot.maxProjects) : '',
    minProjects: ballot.kind === 'approval' ? String(ballot.minProjects ?? '') : '',
    aggregation: cycle.aggregation,
    minimumSupportKind: minimum.kind,
    minimumSupport: String(minimum.kind === 'votes' ? minimum.votes : minimum.percent),
    bulletinMinimum: String(cycle.bulletinMinimum ?? defaultBulletinMinimum),
    publicityDays: String(cycle.publicityDays),
    ...cycle.schedule,
    expectedRevision: cycle.revision,
  };
}

/** `CODE 中文 | English` lines as list items; the API checks each code and text. */
export function parseList(value: string): ListItem[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [main = '', english] = line.split('|').map((part) => part.trim());
      const space = main.search(/\s/);
      const code = space < 0 ? main : main.slice(0, space);
      const itemText = space < 0 ? '' : main.slice(space + 1).trim();
      return { code, text: itemText, ...(english ? { textEn: english } : {}) };
    });
}

const wholeNumber = (value: string): number | undefined =>
  /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : undefined;

/**
 * The definition the form describes, or undefined when a field cannot be read (each such
 * problem is then beside its field). Rules about values (ranges, order of dates, budgets of
 * communities) are the API's to judge.
 */
export function definitionOf(
  form: Form,
): { definition: CycleDefinition; communityRows: number[] } | undefined {
  const d = form.data;
  const amount = (field: 'capWorks' | 'capServices' | 'capGoods') => {
    const fen = yuanToFen(d[field]);
    if (fen === undefined) addFieldError(form, field, m.cycle_form_not_amount());
    return fen ?? 0;
  };
  const whole = (
    field:
      'year' | 'minAge' | 'publicityDays' | 'maxProjects' | 'minimumSupport' | 'bulletinMinimum',
  ) => {
    const n = wholeNumber(d[field]);
    if (n === undefined) addFieldError(form, field, m.cycle_form_not_number());
    return n ?? 0;
  };

  const communities: CycleDefinition['communities'] = [];
  const communityRows: number[] = [];
  d.communityIds.forEach((communityId, row) => {
    const typed = (d.budgets[row] ?? '').trim();
    if (typed === '') return;
    const budget = yuanToFen(typed);
    if (budget === undefined) {
      addFieldError(
        form,
        'budgets',
        m.proposal_row_prefix({ row: row + 1 }) + m.cycle_form_not_amount(),
      );
    } else {
      communities.push({ communityId, budget });
      communityRows.push(row);
    }
  });
  if (communities.length === 0) addFieldError(form, 'budgets', m.cycle_form_no_community());

  const tieKinds = d.tieKinds.filter(
    (kind): kind is TieKind => tieKindSchema.safeParse(kind).success,
  );
  const schedule = Object.fromEntries(
    cyclePhases.map((phase) => [phase, d[phase].trim()]),
  ) as Record<CyclePhase, string>;
  for (const phase of cyclePhases) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(schedule[phase]))
      addFieldError(form, phase, m.cycle_form_not_date());
  }
  const minProjects = d.minProjects.trim() === '' ? undefined : wholeNumber(d.minProjects);
  if (d.ballotKind === 'approval' && d.minProjects.trim() !== '' && minProjects === undefined) {
    addFieldError(form, 'minProjects', m.cycle_form_not_number());
  }

  const definition: CycleDefinition = {
    title: d.title,
    ...(d.titleEn.trim() === '' ? {} : { titleEn: d.titleEn }),
    year: whole('year'),
    communities,
    caps: { works: amount('capWorks'), services: amount('capServices'), goods: amount('capGoods') },
    allowed: parseList(d.allowed),
    excluded: parseList(d.excluded),
    eligibility: { tieKinds, minAge: whole('minAge') },
    ballot:
      d.ballotKind === 'knapsack'
        ? { kind: 'knapsack' }
        : {
            kind: 'approval',
            maxProjects: whole('maxProjects'),
            ...(minProjects === undefined ? {} : { minProjects }),
          },
    aggregation: d.aggregation === 'mes' ? 'mes' : 'greedy',
    minimumSupport:
      d.minimumSupportKind === 'share'
        ? { kind: 'share', percent: whole('minimumSupport') }
        : { kind: 'votes', votes: whole('minimumSupport') },
    bulletinMinimum: whole('bulletinMinimum'),
    publicityDays: whole('publicityDays'),
    schedule,
  };
  return form.valid ? { definition, communityRows } : undefined;
}

const pathFields: Record<string, keyof CycleFormData> = {
  'caps.works': 'capWorks',
  'caps.services': 'capServices',
  'caps.goods': 'capGoods',
  'eligibility.tieKinds': 'tieKinds',
  'eligibility.minAge': 'minAge',
  'ballot.maxProjects': 'maxProjects',
  'ballot.minProjects': 'minProjects',
  'ballot.kind': 'ballotKind',
  ballot: 'ballotKind',
  'minimumSupport.votes': 'minimumSupport',
  'minimumSupport.percent': 'minimumSupport',
  'minimumSupport.kind': 'minimumSupportKind',
  caps: 'capWorks',
};

/**
 * Where the API's field problems go on the cycle form; `communityRows` gives the form row of
 * each community the definition sent.
 */
export const cycleFieldOf =
  (communityRows: readonly number[]): FieldOf =>
  (path) => {
    const index = rowOf(path, 'communities');
    if (path === 'communities' || index !== undefined) {
      return { field: 'budgets', row: index === undefined ? undefined : communityRows[index] };
    }
    for (const list of ['allowed', 'excluded'] as const) {
      if (path === list || path.startsWith(`${list}.`))
        return { field: list, row: rowOf(path, list) };
    }
    if (path.startsWith('schedule.')) return { field: path.slice('schedule.'.length) };
    if (path.startsWith('eligibility.tieKinds')) return { field: 'tieKinds' };
    return { field: pathFields[path] ?? path };
  };

// The forms that steer a published cycle: move to the next phase, amend budgets or the schedule
// (each with a reason, recorded in the cycle's public history).
// Phase moves and amendments carry no expected revision: each is judged on the cycle as it is
// (a phase can only follow the current one), and the reason goes into the public history.
export const advanceForm = z.object({ to: text, reason: text });
export const budgetForm = z.object({
  communityIds: z.array(z.string()).default([]),
  budgets: z.array(z.string()).default([]),
  reason: text,
});
export const scheduleForm = z.object({ ...scheduleFields, reason: text });
export const publishForm = z.object({});
