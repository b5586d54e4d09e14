// Canonical JSON of a report's data (docs/outcome-reports.md): object keys sorted by their UTF-16
// code units, no whitespace, numbers and strings as JSON.stringify writes them. The same data
// always gives the same text, so its SHA-256 identifies it; anyone can rebuild the text from the
// downloaded JSON with any language's sort and serialiser.

/** A JSON value as a report holds it: no undefined, no functions, finite numbers only. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The canonical text of a JSON value: keys sorted, no whitespace. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('A report figure must be a finite number.');
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`;
}

/** Whether a text is the canonical JSON of what it parses to. */
export function isCanonicalJson(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text) as JsonValue) === text;
  } catch {
    return false;
  }
}

/** One field that differs between two versions: its path (`sections.money.spent_fen`), before, after. */
export interface ReportDifference {
  path: string;
  before: JsonValue | undefined;
  after: JsonValue | undefined;
}

const isObject = (v: JsonValue | undefined): v is { [key: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The field-by-field differences between two versions' data, leaf by leaf, in key order. Arrays
 * of objects carrying a `key` (a report's figures and rows) are matched by it, others by index.
 */
export function reportDifferences(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path = '',
): ReportDifference[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => reportDifferences(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const keyed = (list: JsonValue[]) =>
      list.every((item) => isObject(item) && typeof item.key === 'string')
        ? new Map(list.map((item) => [String((item as { key: string }).key), item]))
        : new Map(list.map((item, i) => [String(i), item]));
    const b = keyed(before);
    const a = keyed(after);
    const keys = [...new Set([...b.keys(), ...a.keys()])];
    return keys.flatMap((k) => reportDifferences(b.get(k), a.get(k), `${path}[${k}]`));
  }
  if (canonicalOrUndefined(before) === canonicalOrUndefined(after)) return [];
  return [{ path, before, after }];
}

const canonicalOrUndefined = (v: JsonValue | undefined) =>
  v === undefined ? undefined : canonicalJson(v);
