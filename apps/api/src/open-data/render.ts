// A dataset's rows as files: CSV (RFC 4180, CRLF; the byte-order mark is added here, so that
// spreadsheet programs read Chinese text), JSON with the licence and the columns, and the
// metadata documenting every column.
import {
  datasetPath,
  DOCUMENTATION,
  LICENCE,
  metadataPath,
  scopes,
  type Cell,
  type Dataset,
  type Row,
} from './dataset.ts';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [
    columns.join(','),
    ...rows.map((r) => columns.map((c) => csvField(r[c] ?? null)).join(',')),
  ];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Each row with exactly the dataset's columns, in order, a missing value as null. */
const ordered = (dataset: Dataset, rows: readonly Row[]): Row[] =>
  rows.map((row) => Object.fromEntries(dataset.columns.map((c) => [c.name, row[c.name] ?? null])));

export function toJson(dataset: Dataset, id: string, rows: readonly Row[]) {
  return {
    dataset: dataset.name,
    version: dataset.version,
    [scopes[dataset.scope].param]: id,
    licence: LICENCE,
    documentation: DOCUMENTATION,
    columns: dataset.columns.map((c) => c.name),
    rows: ordered(dataset, rows),
  };
}

export function metadataOf(dataset: Dataset) {
  const path = datasetPath(dataset);
  return {
    dataset: dataset.name,
    title: dataset.title,
    version: dataset.version,
    scope: dataset.scope,
    licence: LICENCE,
    documentation: DOCUMENTATION,
    urls: { csv: `${path}.csv`, json: `${path}.json`, metadata: metadataPath(dataset) },
    columns: dataset.columns,
  };
}
