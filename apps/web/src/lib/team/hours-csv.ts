// The export of confirmed service records as CSV for the national volunteer service information
// system's import (docs/volunteer-hours-export.md): UTF-8 with a BOM (so that spreadsheet
// programs read the Chinese text), CRLF line ends, fields quoted where needed, China time.
export const HOURS_CSV_COLUMNS = [
  '序号',
  '志愿者姓名',
  '证件类型',
  '证件号码',
  '志愿者编号',
  '服务开始时间',
  '服务结束时间',
  '服务时长（小时）',
  '服务地点',
  '服务内容',
  '所属志愿服务队',
  '记录编号',
] as const;

type Row = {
  recordId: string;
  name: string;
  teamName: string;
  startedAt: string;
  endedAt: string;
  minutes: number;
  place: string;
  content: string;
};

const chinaMinute = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** A field as CSV has it; a leading = + - @ is defused so that no spreadsheet runs it. */
function field(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/u.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function hoursCsv(rows: readonly Row[]): string {
  const lines = [HOURS_CSV_COLUMNS.join(',')];
  rows.forEach((r, i) => {
    lines.push(
      [
        i + 1,
        r.name,
        // The platform keeps no ID numbers in its reports: the organising body fills these in
        // from its own register before importing.
        '',
        '',
        '',
        chinaMinute(r.startedAt),
        chinaMinute(r.endedAt),
        (r.minutes / 60).toFixed(2),
        r.place,
        r.content,
        r.teamName,
        r.recordId,
      ]
        .map(field)
        .join(','),
    );
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
