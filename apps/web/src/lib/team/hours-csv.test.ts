import { describe, expect, it } from 'vitest';
import { HOURS_CSV_COLUMNS, hoursCsv } from './hours-csv';

describe('the hours export', () => {
  const row = {
    recordId: 'r1',
    name: '钱福根',
    teamName: '书院银龄互助队',
    startedAt: '2026-05-10T01:00:00.000Z',
    endedAt: '2026-05-10T03:30:00.000Z',
    minutes: 150,
    place: '书院社区睦邻中心',
    content: '理发, "测血压"',
  };

  it('starts with a BOM and the import columns, one CRLF line per record in China time', () => {
    const csv = hoursCsv([row]);
    expect(csv.startsWith('\uFEFF序号,志愿者姓名,证件类型,证件号码,志愿者编号,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]!.split(',')).toEqual([...HOURS_CSV_COLUMNS]);
    expect(lines[1]).toBe(
      '1,钱福根,,,,2026-05-10 09:00,2026-05-10 11:30,2.50,书院社区睦邻中心,"理发, ""测血压""",书院银龄互助队,r1',
    );
    expect(lines[2]).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(hoursCsv([{ ...row, content: '=HYPERLINK("x")' }])).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
