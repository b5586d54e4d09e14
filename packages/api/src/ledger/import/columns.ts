// The columns of the ledger's import spreadsheet and how one row becomes an item. A row is read as
// strings by column header (zh-CN or English, as the template has them); every problem is named by
// its cell (row and column, e.g. C4) in both languages. Pure: the file is read in spreadsheet.ts.
import { z } from 'zod';
import {
  appForceText,
  appForces,
  ledgerItemInputSchema,
  ledgerKindText,
  ledgerKinds,
  mechanismTypeText,
  mechanismTypes,
  say,
  type LedgerItemInput,
  type LedgerKind,
  type LocalizedText,
  inputText,
} from '@gongzhi/domain';
import { errorMap } from '../../input.ts';
import type { Locale } from '../../locale.ts';

export const importColumns = [
  { key: 'kind', header: say('类别', 'Kind') },
  { key: 'title', header: say('名称', 'Name') },
  { key: 'department', header: say('主管部门', 'Department') },
  { key: 'weeklyMinutes', header: say('每周耗时（分钟）', 'Minutes a week') },
  { key: 'text', header: say('牌子文字', 'Words on the board') },
  { key: 'placement', header: say('位置（室外／室内）', 'Placement (outside / inside)') },
  { key: 'size', header: say('尺寸', 'Size') },
  { key: 'mechanismType', header: say('机制类型', 'Kind of mechanism') },
  { key: 'appType', header: say('应用类型', 'Kind of app') },
  { key: 'purpose', header: say('用途', 'Purpose') },
  { key: 'forces', header: say('强制要求（用顿号分隔）', 'What it forces (comma separated)') },
  { key: 'owner', header: say('建群人', 'Group owner') },
  { key: 'members', header: say('成员数', 'Members') },
] as const satisfies readonly { key: string; header: LocalizedText }[];

export type ImportColumnKey = (typeof importColumns)[number]['key'];

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export const appTypeText = {
  app: say('APP', 'app'),
  mini_program: say('小程序', 'mini-program'),
  account: say('公众号', 'official account'),
  other: say('其他', 'other'),
} as const satisfies Record<string, LocalizedText>;

const placementText = { outside: say('室外', 'outside'), inside: say('室内', 'inside') };

/** A value by its code, its zh-CN or its English name (any case). */
function choice<T extends string>(texts: Record<T, LocalizedText>, value: string): T | undefined {
  const wanted = value.trim().toLowerCase();
  return (Object.keys(texts) as T[]).find(
    (code) =>
      code.toLowerCase() === wanted ||
      texts[code]['zh-CN'].toLowerCase() === wanted ||
      texts[code].en.toLowerCase() === wanted,
  );
}

const kindTexts = Object.fromEntries(ledgerKinds.map((k) => [k, ledgerKindText[k]])) as Record<
  LedgerKind,
  LocalizedText
>;
const mechanismTexts = Object.fromEntries(
  mechanismTypes.map((k) => [k, mechanismTypeText[k]]),
) as Record<(typeof mechanismTypes)[number], LocalizedText>;
const forceTexts = Object.fromEntries(appForces.map((k) => [k, appForceText[k]])) as Record<
  (typeof appForces)[number],
  LocalizedText
>;

export interface CellError {
  /** The cell, e.g. C4. */
  cell: string;
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  /** The column's header as the template has it, in the caller's language. */
  column: string;
  message: string;
}

/** A row as read: its number and its cells by column key (strings, trimmed). */
export interface SheetRow {
  row: number;
  cells: Partial<Record<ImportColumnKey, string>>;
}

export type ReadRow =
  | { row: number; ok: true; item: Omit<LedgerItemInput, 'photos'> }
  | { row: number; ok: false; title: string; errors: CellError[] };

const REQUIRED = say('必填', 'is required');
const NOT_A_WHOLE_NUMBER = say('须为整数', 'must be a whole number');
const oneOf = (texts: Record<string, LocalizedText>) =>
  say(
    `须为以下之一：${Object.values(texts)
      .map((t) => t['zh-CN'])
      .join('、')}`,
    `must be one of: ${Object.values(texts)
      .map((t) => t.en)
      .join(', ')}`,
  );

/** Which field of the item a column fills (for naming the cell of a schema's complaint). */
const columnOfPath: Record<string, ImportColumnKey> = {
  title: 'title',
  department: 'department',
  weeklyMinutes: 'weeklyMinutes',
  'details.text': 'text',
  'details.placement': 'placement',
  'details.size': 'size',
  'details.mechanismType': 'mechanismType',
  'details.appType': 'appType',
  'details.purpose': 'purpose',
  'details.forces': 'forces',
  'details.owner': 'owner',
  'details.members': 'members',
};

/**
 * Reads one row into an item, or names each bad cell. `letters` gives each column's letter as the
 * file has it (the columns may be in any order).
 */
export function readRow(
  sheetRow: SheetRow,
  letters: Partial<Record<ImportColumnKey, string>>,
  locale: Locale,
): ReadRow {
  const { row, cells } = sheetRow;
  const errors: CellError[] = [];
  const fail = (key: ImportColumnKey, text: LocalizedText | string) => {
    const header = importColumns.find((c) => c.key === key)!.header[locale];
    const message = typeof text === 'string' ? text : text[locale];
    if (errors.some((e) => e.column === header)) return undefined;
    errors.push({ cell: `${letters[key] ?? '?'}${row}`, row, column: header, message });
    return undefined;
  };
  const get = (key: ImportColumnKey) => cells[key]?.trim() ?? '';
  const required = (key: ImportColumnKey) => get(key) || fail(key, REQUIRED);
  const wholeNumber = (key: ImportColumnKey) => {
    const value = required(key);
    if (value === undefined) return undefined;
    return /^\d{1,9}$/.test(value) ? Number(value) : fail(key, NOT_A_WHOLE_NUMBER);
  };
  const chosen = <T extends string>(key: ImportColumnKey, texts: Record<T, LocalizedText>) => {
    const value = required(key);
    if (value === undefined) return undefined;
    return choice(texts, value) ?? fail(key, oneOf(texts));
  };

  const kind = chosen('kind', kindTexts);
  const title = required('title');
  const department = required('department');
  const weeklyMinutes = wholeNumber('weeklyMinutes');
  let details: Record<string, unknown> | undefined;
  switch (kind) {
    case 'signboard': {
      const placement = chosen('placement', placementText);
      const size = get('size');
      details = { kind, text: get('text') || title, placement, ...(size ? { size } : {}) };
      break;
    }
    case 'mechanism':
      details = { kind, mechanismType: chosen('mechanismType', mechanismTexts) };
      break;
    case 'app': {
      const forces = get('forces')
        .split(/[、,，;；\s]+/)
        .filter(Boolean)
        .map((name) => choice(forceTexts, name) ?? fail('forces', oneOf(forceTexts)));
      details = {
        kind,
        appType: chosen('appType', appTypeText),
        purpose: required('purpose'),
        forces: [...new Set(forces)],
      };
      break;
    }
    case 'chat_group':
      details = {
        kind,
        owner: required('owner'),
        purpose: required('purpose'),
        members: wholeNumber('members'),
      };
      break;
    case 'certificate':
    case 'task':
      details = { kind, purpose: required('purpose') };
      break;
  }
  if (errors.length === 0) {
    const parsed = ledgerItemInputSchema.safeParse(
      { title, department, weeklyMinutes, details, photos: [] },
      { error: errorMap(locale) },
    );
    if (parsed.success) {
      const { photos: _photos, ...item } = parsed.data;
      return { row, ok: true, item };
    }
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      fail(
        columnOfPath[path] ?? columnOfPath[path.split('.').slice(0, 2).join('.')] ?? 'kind',
        issue.message,
      );
    }
  }
  return { row, ok: false, title: title ?? '', errors };
}

/** The key that makes two items the same: kind, name and department, spaces ignored. */
export const duplicateKey = (item: { kind: string; title: string; department: string }) =>
  [item.kind, item.title, item.department].map((s) => s.replace(/\s+/g, '')).join('\u0000');

export const importFileSchema = z.object({
  /** The file's name as uploaded (shown back; its ending does not decide the format). */
  name: inputText.line({ min: 1, max: 200 }),
  format: z.enum(['xlsx', 'csv']),
  /** The file's bytes, base64; at most 512 KiB once decoded. */
  base64: z
    .string()
    .max(Math.ceil((512 * 1024) / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type ImportFile = z.infer<typeof importFileSchema>;
