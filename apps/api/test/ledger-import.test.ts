// Importing a community's register from a spreadsheet over HTTP: the template comes back as an
// XLSX that imports as it is; a malformed XLSX is previewed with each bad cell named and, unless
// its bad rows are skipped, writes nothing; importing the same file twice records each item once;
// a CSV imports the same way; nobody imports into a community outside their places.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

type Cells = (string | number | null)[];

const HEADER = [
  '类别',
  '名称',
  '主管部门',
  '每周耗时（分钟）',
  '位置（室外／室内）',
  '应用类型',
  '用途',
  '强制要求（用顿号分隔）',
];

async function xlsx(rows: Cells[], header: string[] = HEADER) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { name: 'ledger.xlsx', format: 'xlsx', base64: bytes.toString('base64') };
}

const csv = (text: string) => ({
  name: 'ledger.csv',
  format: 'csv',
  base64: Buffer.from(`\uFEFF${text}`).toString('base64'),
});

interface Preview {
  rows: {
    row: number;
    status: string;
    title: string;
    errors?: { cell: string; column: string }[];
  }[];
  ready: number;
  duplicates: number;
  invalid: number;
}

interface Imported {
  imported: number;
  duplicates: number;
  skipped: number;
  position: string;
}

describe.each(engines)('the ledger import over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn } = api;

  beforeAll(async () => {
    for (const login of ['shuyuan', 'qinfeng', 'yushan', 'qinchuan']) await signIn(login);
  });

  const titles = async (communityId: string, as: string, minPosition?: string) => {
    const reply = await call<{ items: { title: string; source?: string }[] }>(
      'ledger.items',
      { communityId, minPosition },
      { as, query: true },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data.items.map((i) => i.title).sort();
  };

  it('names each bad cell of a malformed spreadsheet and writes nothing until its rows are skipped', async () => {
    const file = await xlsx([
      ['挂牌', '导入测试·文明示范岗', '市文明办', 30, '室外', null, null, null],
      ['牌匾', '导入测试·无类别', '市文明办', 10, '室外', null, null, null],
      ['挂牌', '导入测试·缺部门', null, '半小时', '室外', null, null, null],
      [
        '政务应用',
        '导入测试·巡查打卡',
        '区综治中心',
        60,
        null,
        'APP',
        '巡查',
        '强制打卡、天天签到',
      ],
      ['工作事项', '导入测试·缺用途', '街道办', 20, null, null, null, null],
    ]);
    const before = await titles('shuyuan', 'shuyuan');

    const preview = await call<Preview>(
      'ledger.importPreview',
      { communityId: 'shuyuan', file },
      { as: 'shuyuan' },
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const rows = preview.body.result!.data.rows;
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'ready'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'invalid'],
    ]);
    expect(rows.flatMap((r) => (r.errors ?? []).map((e) => `${e.cell} ${e.column}`))).toEqual([
      'A3 类别',
      'C4 主管部门',
      'D4 每周耗时（分钟）',
      'H5 强制要求（用顿号分隔）',
      'G6 用途',
    ]);

    // Importing with bad rows not skipped: a 400 naming every bad cell, and nothing written.
    const refused = await call<Imported>(
      'ledger.import',
      { communityId: 'shuyuan', file, skipRows: [3] },
      { as: 'shuyuan' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error?.data.reason).toBe('import_cells_invalid');
    expect(refused.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual([
      'cells.C4',
      'cells.D4',
      'cells.H5',
      'cells.G6',
    ]);
    expect(refused.body.error?.message).toContain('C4');
    expect(await titles('shuyuan', 'shuyuan')).toEqual(before);

    // Skipping the bad rows imports the good one; the same file again records nothing twice.
    const done = await call<Imported>(
      'ledger.import',
      { communityId: 'shuyuan', file, skipRows: [3, 4, 5, 6] },
      { as: 'shuyuan' },
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.result!.data).toMatchObject({ imported: 1, duplicates: 0, skipped: 4 });
    const again = await call<Imported>(
      'ledger.import',
      { communityId: 'shuyuan', file, skipRows: [3, 4, 5, 6] },
      { as: 'shuyuan' },
    );
    expect(again.body.result!.data).toMatchObject({ imported: 0, duplicates: 1 });
    const after = await titles('shuyuan', 'shuyuan', again.body.result!.data.position);
    expect(after.filter((t) => t.startsWith('导入测试'))).toEqual(['导入测试·文明示范岗']);
    expect(after).toHaveLength(before.length + 1);
  });

  it('imports a CSV, leaving out a row that repeats another, and refuses an unreadable file', async () => {
    const file = csv(
      [
        '类别,名称,主管部门,每周耗时（分钟）,建群人,用途,成员数',
        '工作群,导入测试·创卫群,街道城管科,60,城管科 李科长,每日上报照片,48',
        '工作群,导入测试·创卫群,街道城管科,60,城管科 李科长,每日上报照片,48',
      ].join('\r\n'),
    );
    const preview = await call<Preview>(
      'ledger.importPreview',
      { communityId: 'qinfeng', file },
      { as: 'qinfeng' },
    );
    expect(preview.body.result?.data).toMatchObject({ ready: 1, duplicates: 1, invalid: 0 });
    const done = await call<Imported>(
      'ledger.import',
      { communityId: 'qinfeng', file, skipRows: [] },
      { as: 'qinfeng' },
    );
    expect(done.body.result?.data).toMatchObject({ imported: 1, duplicates: 1 });

    const garbage = {
      name: 'x.xlsx',
      format: 'xlsx',
      base64: Buffer.from('not a spreadsheet').toString('base64'),
    };
    const unreadable = await call(
      'ledger.import',
      { communityId: 'qinfeng', file: garbage, skipRows: [] },
      { as: 'qinfeng' },
    );
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error?.data.reason).toBe('unreadable_sheet');
    expect(unreadable.body.error?.data.fieldErrors?.map((e) => e.path)).toEqual(['file']);
    const noHeader = await call(
      'ledger.importPreview',
      { communityId: 'qinfeng', file: csv('a,b\n1,2\n') },
      { as: 'qinfeng' },
    );
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error?.message).toContain('类别');
  });

  it('gives a template that imports as it is', async () => {
    const template = await call<{ name: string; base64: string }>(
      'ledger.importTemplate',
      {},
      { as: 'shuyuan', query: true },
    );
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.body.result!.data.base64, 'base64') as never);
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('类别');
    const preview = await call<Preview>(
      'ledger.importPreview',
      {
        communityId: 'qinfeng',
        file: { name: 't.xlsx', format: 'xlsx', base64: template.body.result!.data.base64 },
      },
      { as: 'qinfeng' },
    );
    expect(preview.body.result?.data).toMatchObject({ ready: 3, invalid: 0 });
  });

  it('lets nobody import into a community outside their places', async () => {
    const file = csv(
      '类别,名称,主管部门,每周耗时（分钟）,用途\n工作事项,导入测试·越权,某部门,5,越权\n',
    );
    // A worker of 琴丰 into 书院 (another street), a street officer of 琴川 into 书院.
    for (const as of ['qinfeng', 'qinchuan']) {
      const reply = await call(
        'ledger.import',
        { communityId: 'shuyuan', file, skipRows: [] },
        { as },
      );
      expect(reply.status).toBe(403);
    }
    expect((await titles('shuyuan', 'shuyuan')).filter((t) => t.includes('越权'))).toEqual([]);
    // The street officer of 虞山 may import into its community 书院.
    const own = await call<Imported>(
      'ledger.import',
      { communityId: 'shuyuan', file, skipRows: [] },
      { as: 'yushan' },
    );
    expect(own.body.result?.data.imported).toBe(1);
  });
});
