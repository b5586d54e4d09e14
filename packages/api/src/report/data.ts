// The shape of a report's data (docs/outcome-reports.md): sections of figures, some with items (a
// project, a month), each figure a key, a value and a unit. Figures only: nothing names a person,
// and counts that could point at one are suppressed (null, `suppressed: true`).
import { isSmallCount, type JsonValue } from '@gongzhi/domain';

export const REPORT_FORMAT = 'gongzhi.outcome-report/1';

export type FigureUnit =
  'count' | 'fen' | 'percent' | 'hours' | 'score' | 'index' | 'text' | 'flag';

export interface Figure {
  key: string;
  value: string | number | boolean | null;
  unit: FigureUnit;
  suppressed: boolean;
}

export interface ReportItem {
  key: string;
  label: string;
  figures: Figure[];
}

export interface ReportSection {
  key: 'projects' | 'satisfaction' | 'meetings' | 'volunteering' | 'ledger';
  /** Which public download or page each figure is recomputed from (docs/outcome-reports.md). */
  source: string;
  figures: Figure[];
  items: ReportItem[];
}

export interface ReportData {
  format: typeof REPORT_FORMAT;
  street: { streetId: string; name: string };
  period:
    | { type: 'cycle'; cycleId: string; title: string; year: number }
    | { type: 'year'; year: number };
  /** The days (China) the meetings, hours and register figures count. */
  range: { from: string; until: string };
  sections: ReportSection[];
}

export const figure = (
  key: string,
  value: Figure['value'],
  unit: FigureUnit,
  suppressed = false,
): Figure => ({ key, value: suppressed ? null : value, unit, suppressed });

/** A count of people: suppressed when small (isSmallCount: 1–4). */
export const peopleCount = (key: string, n: number): Figure =>
  figure(key, n, 'count', isSmallCount(n));

export const asJson = (data: ReportData): JsonValue => data as unknown as JsonValue;

/** One row per figure, items' figures as `<item>.<figure>`: the CSV download's rows. */
export function figureRows(data: ReportData) {
  return data.sections.flatMap((s) => [
    ...s.figures.map((f) => ({ section: s.key, figure: f.key, ...f })),
    ...s.items.flatMap((item) =>
      item.figures.map((f) => ({ section: s.key, ...f, figure: `${item.key}.${f.key}` })),
    ),
  ]);
}
