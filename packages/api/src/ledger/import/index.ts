// Importing a community's register from a spreadsheet. The preview reads every row and says, row
// by row, what would happen: imported, a duplicate of an item the community has (or of an earlier
// row), or refused with each bad cell named. The import reads the same file again and writes
// nothing while a row that is not skipped has a bad cell; then it records each accepted row as its
// own item. An item's id is derived from the community, kind, name and department, so importing
// the same file twice, or two imports at once, records each item once.
import { createHash } from 'node:crypto';
import { say, type LocalizedText } from '@gongzhi/domain';
import { listLedgerItems } from '@gongzhi/projections/ledger';
import type { Writer } from '../../commands.ts';
import type { FieldError } from '../../input.ts';
import type { Locale } from '../../locale.ts';
import { caughtUpToHead } from '../../positions.ts';
import { recordLedgerItem } from '../commands.ts';
import { duplicateKey, readRow, type CellError, type ImportFile } from './columns.ts';
import { readSheet } from './spreadsheet.ts';

export { importFileSchema, type ImportFile } from './columns.ts';
export { importTemplate, MAX_IMPORT_ROWS, UnreadableSheet } from './spreadsheet.ts';

export type PreviewRow =
  | { row: number; status: 'ready'; kind: string; title: string; department: string }
  | {
      row: number;
      status: 'duplicate';
      kind: string;
      title: string;
      department: string;
      /** The row it repeats, if it repeats a row of this file rather than a recorded item. */
      sameAsRow?: number;
    }
  | { row: number; status: 'invalid'; title: string; errors: CellError[] };

/** What the import would do, row by row. */
export async function previewImport(
  w: Pick<Writer, 'store' | 'readModels'>,
  data: { communityId: string; file: ImportFile },
  locale: Locale,
) {
  const { rows } = await planImport(w, data, locale);
  return {
    rows: rows.map(({ row }) => row),
    ready: rows.filter((r) => r.row.status === 'ready').length,
    duplicates: rows.filter((r) => r.row.status === 'duplicate').length,
    invalid: rows.filter((r) => r.row.status === 'invalid').length,
  };
}

async function planImport(
  w: Pick<Writer, 'store' | 'readModels'>,
  data: { communityId: string; file: ImportFile },
  locale: Locale,
) {
  const { rows: sheetRows, letters } = await readSheet(data.file, locale);
  // Duplicates are judged on the read model: it holds every item written so far.
  await caughtUpToHead(w);
  const existing = new Set(
    (
      await listLedgerItems(w.readModels.db, {
        place: { type: 'community', communityId: data.communityId },
      })
    ).map(duplicateKey),
  );
  const seen = new Map<string, number>();
  return {
    rows: sheetRows.map((sheetRow) => {
      const read = readRow(sheetRow, letters, locale);
      if (!read.ok) {
        const row: PreviewRow = {
          row: read.row,
          status: 'invalid',
          title: read.title,
          errors: read.errors,
        };
        return { row };
      }
      const { item } = read;
      const summary = {
        row: read.row,
        kind: item.details.kind,
        title: item.title,
        department: item.department,
      };
      const key = duplicateKey(summary);
      const sameAsRow = seen.get(key);
      if (existing.has(key) || sameAsRow !== undefined) {
        const row: PreviewRow = {
          ...summary,
          status: 'duplicate',
          ...(sameAsRow === undefined ? {} : { sameAsRow }),
        };
        return { row };
      }
      seen.set(key, read.row);
      const row: PreviewRow = { ...summary, status: 'ready' };
      return { row, item, key };
    }),
  };
}

/** The refusal of an import whose file still has bad cells in rows not skipped. */
export class ImportRefused extends Error {
  constructor(
    readonly text: LocalizedText,
    readonly fieldErrors: FieldError[],
  ) {
    super(text.en);
  }
}

const itemIdOf = (communityId: string, key: string) =>
  `imp-${createHash('sha256').update(`${communityId}\u0000${key}`).digest('hex').slice(0, 40)}`;

/**
 * Imports the accepted rows, each as its own item; refuses (writing nothing) while a row not
 * skipped has a bad cell. Duplicates are left out. Answers what it did and the last position.
 */
export async function runImport(
  w: Writer,
  data: { communityId: string; file: ImportFile; skipRows: number[] },
  locale: Locale,
) {
  const { rows } = await planImport(w, data, locale);
  const skip = new Set(data.skipRows);
  const bad = rows.flatMap(({ row }) =>
    row.status === 'invalid' && !skip.has(row.row) ? row.errors : [],
  );
  if (bad.length > 0) {
    const cells = bad.map((e) => e.cell).join(locale === 'zh-CN' ? '、' : ', ');
    throw new ImportRefused(
      say(
        `文件中有 ${bad.length} 处需要修改（${cells}），请改正或跳过这些行后再导入；尚未导入任何事项。`,
        `The file has ${bad.length} cells to correct (${cells}); correct or skip their rows and import again. Nothing was imported.`,
      ),
      bad.map((e) => ({ path: `cells.${e.cell}`, message: `${e.column}：${e.message}` })),
    );
  }
  let position = 0n;
  let imported = 0;
  for (const planned of rows) {
    if (!('item' in planned) || !planned.item || skip.has(planned.row.row)) continue;
    const result = await recordLedgerItem(w, {
      ...planned.item,
      photos: [],
      itemId: itemIdOf(data.communityId, planned.key),
      communityId: data.communityId,
      source: 'import',
    });
    if (result.events.length > 0) imported += 1;
    if (result.position !== undefined && result.position > position) position = result.position;
  }
  return {
    imported,
    duplicates: rows.filter((r) => r.row.status === 'duplicate').length,
    skipped: rows.filter((r) => skip.has(r.row.row)).length,
    position: String(position),
  };
}
