// What a dataset of the open data is (docs/open-data.md): a name, the place it is cut by (a
// cycle, a street or a community), its columns documented in English and Chinese, a licence and a
// schema version, and a row builder over the read models that answers null for an unknown place.
import type { Context } from '@gongzhi/api';
import { SMALL_COUNT } from '@gongzhi/domain';
import type { Runtime } from '../runtime.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime';

export interface Column {
  name: string;
  type: ColumnType;
  /** `fen`, `percent`, `hours`, `minutes`, `count`… ; absent for a column without one. */
  unit?: string;
  en: string;
  zh: string;
}

/** The place a dataset is cut by, and the URL parameter naming it. */
export const scopes = {
  cycle: { param: 'cycleId', segment: 'cycles' },
  street: { param: 'streetId', segment: 'streets' },
  community: { param: 'communityId', segment: 'communities' },
} as const;
export type Scope = keyof typeof scopes;

/** What a row builder reads with: an anonymous caller's context and the read-model database. */
export interface Reader {
  ctx: Context;
  runtime: Runtime;
}

export interface Dataset {
  name: string;
  scope: Scope;
  title: { en: string; zh: string };
  /** Raised when a column is added, removed, renamed or changes meaning. */
  version: number;
  columns: readonly Column[];
  /** The URL without `.csv`/`.json`; by default `/api/public/<scope>s/{id}/<name>`. */
  path?: string;
  /** The rows of one place, or null when there is no such place (404). */
  rows: (reader: Reader, id: string) => Promise<Row[] | null>;
}

export const LICENCE = 'CC-BY-4.0';
export const DOCUMENTATION = 'docs/open-data.md';

/** The `suppressed` column of a dataset holding counts of people. */
export const suppressedColumn: Column = {
  name: 'suppressed',
  type: 'boolean',
  en: `Whether the row's counts of people were withheld: fewer than ${SMALL_COUNT} people`,
  zh: `该行涉及人数少于 ${SMALL_COUNT} 人，相关数字不予公开`,
};

/** The URL of a dataset without its extension, `{param}` in place of the place's id. */
export function datasetPath(dataset: Dataset): string {
  const { param, segment } = scopes[dataset.scope];
  return dataset.path ?? `/api/public/${segment}/{${param}}/${dataset.name}`;
}

export const metadataPath = (dataset: Dataset) =>
  `/api/public/datasets/${dataset.name}/metadata.json`;

/** A column in short: `col('title', 'string', 'The title', '标题')`. */
export const col = (
  name: string,
  type: ColumnType,
  en: string,
  zh: string,
  unit?: string,
): Column => (unit === undefined ? { name, type, en, zh } : { name, type, unit, en, zh });
