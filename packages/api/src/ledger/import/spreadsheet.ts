// Reading an uploaded spreadsheet (XLSX or CSV, through exceljs) into rows of strings by column,
// and writing the template to fill in. Only the first worksheet is read; row 1 is the header.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { say, type LocalizedText } from '@gongzhi/domain';
import type { Locale } from '../../locale.ts';
import {
  appTypeText,
  columnLetter,
  importColumns,
  type ImportColumnKey,
  type ImportFile,
  type SheetRow,
} from './columns.ts';

/** The most rows one file may hold (besides the header). */
export const MAX_IMPORT_ROWS = 500;

export class UnreadableSheet extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

const UNREADABLE = say(
  '无法读取这个文件：请上传 XLSX 或 UTF-8 编码的 CSV 文件（可先下载模板）。',
  'This file could not be read: upload an XLSX file or a UTF-8 CSV file (the template helps).',
);
const EMPTY = say('文件中没有数据行。', 'The file has no rows of data.');
const TOO_MANY = say(
  `一个文件最多 ${MAX_IMPORT_ROWS} 行，请分批导入。`,
  `A file may hold at most ${MAX_IMPORT_ROWS} rows; import it in parts.`,
);
const missingColumns = (names: string[]) =>
  say(
    `第 1 行缺少必需的列：${names.join('、')}（请使用模板的表头）。`,
    `Row 1 lacks the columns ${names.join(', ')} (use the template’s header).`,
  );

/** A cell's value as the sheet shows it, trimmed. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return cell.text.trim();
  } catch {
    return '';
  }
}

async function firstSheet(file: ImportFile): Promise<ExcelJS.Worksheet> {
  const bytes = Buffer.from(file.base64, 'base64');
  const workbook = new ExcelJS.Workbook();
  try {
    if (file.format === 'xlsx') {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } else {
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      if (text.includes('\uFFFD')) throw new UnreadableSheet(UNREADABLE);
      await workbook.csv.read(Readable.from([text]), {
        map: (datum: string) => (datum === '' ? null : datum),
      } as never);
    }
  } catch (error) {
    if (error instanceof UnreadableSheet) throw error;
    throw new UnreadableSheet(UNREADABLE);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableSheet(EMPTY);
  return sheet;
}

const normalHeader = (text: string) => text.replace(/[\s（）()／/、,，]/g, '').toLowerCase();

/** Which column holds which field, by the header in row 1 (either language, or the key). */
function columnsOf(sheet: ExcelJS.Worksheet) {
  const letters: Partial<Record<ImportColumnKey, string>> = {};
  const indexes: Partial<Record<ImportColumnKey, number>> = {};
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const header = normalHeader(cellText(cell));
    const column = importColumns.find(
      (c) =>
        normalHeader(c.header['zh-CN']) === header ||
        normalHeader(c.header.en) === header ||
        normalHeader(c.key) === header ||
        // The header's words before its hint, e.g. 位置 for 位置（室外／室内）.
        normalHeader(c.header['zh-CN'].split('（')[0]!) === header ||
        normalHeader(c.header.en.split(' (')[0]!) === header,
    );
    if (column && indexes[column.key] === undefined) {
      indexes[column.key] = col;
      letters[column.key] = columnLetter(col - 1);
    }
  });
  return { letters, indexes };
}

/** The file's data rows (blank rows left out) and where each column is. */
export async function readSheet(file: ImportFile, locale: Locale) {
  const sheet = await firstSheet(file);
  const { letters, indexes } = columnsOf(sheet);
  const missing = importColumns
    .slice(0, 4)
    .filter((c) => indexes[c.key] === undefined)
    .map((c) => c.header[locale]);
  if (missing.length > 0) throw new UnreadableSheet(missingColumns(missing));
  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: SheetRow['cells'] = {};
    for (const [key, col] of Object.entries(indexes) as [ImportColumnKey, number][]) {
      const text = cellText(row.getCell(col));
      if (text) cells[key] = text;
    }
    if (Object.keys(cells).length === 0) continue;
    if (rows.length === MAX_IMPORT_ROWS) throw new UnreadableSheet(TOO_MANY);
    rows.push({ row: r, cells });
  }
  if (rows.length === 0) throw new UnreadableSheet(EMPTY);
  return { rows, letters };
}

/** The template: the header in the caller's language, one example row per kind, and notes. */
export async function importTemplate(locale: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongzhi';
  const sheet = workbook.addWorksheet(locale === 'zh-CN' ? '减负台账' : 'Ledger');
  sheet.columns = importColumns.map((c) => ({
    header: c.header[locale],
    key: c.key,
    width: Math.max(12, c.header[locale].length * (locale === 'zh-CN' ? 2.2 : 1.1)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const zh = locale === 'zh-CN';
  const examples: Partial<Record<ImportColumnKey, string | number>>[] = [
    {
      kind: zh ? '挂牌' : 'signboard',
      title: zh ? '文明创建工作站' : 'Civility station',
      department: zh ? '市创建办' : 'City civility office',
      weeklyMinutes: 30,
      placement: zh ? '室外' : 'outside',
      size: '60×40 cm',
    },
    {
      kind: zh ? '政务应用' : 'government app',
      title: zh ? '网格巡查打卡' : 'Grid patrol check-in',
      department: zh ? '区综治中心' : 'District grid centre',
      weeklyMinutes: 120,
      appType: appTypeText.app[locale],
      purpose: zh ? '巡查签到' : 'patrol check-ins',
      forces: zh ? '强制打卡、积分排名' : 'forced check-ins, point rankings',
    },
    {
      kind: zh ? '工作群' : 'work chat group',
      title: zh ? '创卫攻坚群' : 'Sanitation campaign group',
      department: zh ? '街道城管科' : 'Street city-management office',
      weeklyMinutes: 60,
      purpose: zh ? '每日上报照片' : 'daily photo reports',
      owner: zh ? '城管科 李科长' : 'Section chief Li',
      members: 48,
    },
  ];
  for (const example of examples) sheet.addRow(example);
  const notes = workbook.addWorksheet(zh ? '填写说明' : 'How to fill in');
  notes.columns = [{ width: 100 }];
  const lines = zh
    ? [
        '类别：挂牌、工作机制、政务应用、工作群、证明事项、工作事项。',
        '类别、名称、主管部门、每周耗时（分钟）每行必填。',
        '挂牌须填位置（室外或室内）；牌子文字不填则同名称。',
        '工作机制须填机制类型：领导小组、站、所、之家、其他机制。',
        '政务应用须填应用类型（APP、小程序、公众号、其他）和用途；强制要求可填：强制打卡、积分排名、在线时长、强制下载、装机量考核。',
        '工作群须填建群人、用途和成员数；证明事项与工作事项须填用途。',
        '同一社区中类别、名称、主管部门都相同的事项视为重复，不会再次导入。',
      ]
    : [
        'Kind: signboard, work mechanism, government app, work chat group, certificate item, task item.',
        'Kind, name, department and minutes a week are required on every row.',
        'A signboard needs its placement (outside or inside); the words default to the name.',
        'A mechanism needs its kind: leading group, station, “home”, other mechanism.',
        'An app needs its kind (app, mini-program, official account, other) and purpose; what it forces may list: forced check-ins, point rankings, online-time metrics, forced downloads, install-rate tracking.',
        'A chat group needs its owner, purpose and members; certificate and task items their purpose.',
        'An item with the same kind, name and department as one already in the community is a duplicate and is not imported again.',
      ];
  for (const line of lines) notes.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
