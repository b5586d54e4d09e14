// Procedure input is validated by zod with messages in the caller's language. tRPC calls a
// parser without the request context, so the locale reaches it through AsyncLocalStorage: a
// middleware runs the rest of the procedure (input parsing included) inside `withLocale`.
// A malformed input becomes a 400 whose message names each field and its problem, with the
// same as `fieldErrors` for forms.
import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { say, textIssueText, type LocalizedText } from '@gongzhi/domain';
import { DEFAULT_LOCALE, type Locale } from './locale.ts';

const localeStorage = new AsyncLocalStorage<Locale>();

export const withLocale = <T>(locale: Locale, work: () => T): T => localeStorage.run(locale, work);

/** The language of the request being parsed, for checks that write their own messages. */
export const currentLocale = (): Locale => localeStorage.getStore() ?? DEFAULT_LOCALE;

const zodLocales: Record<Locale, z.core.$ZodErrorMap> = {
  'zh-CN': z.locales.zhCN().localeError,
  en: z.locales.en().localeError,
};

/**
 * Texts for the problems forms meet most, worded for people; zod's own locale texts for the
 * rest (they name types and regular expressions, e.g. "期望 string >=2 字符").
 */
function personText(issue: z.core.$ZodRawIssue): LocalizedText | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? say('必填', 'is required')
        : say('类型不正确', 'has the wrong type');
    case 'invalid_format':
      return say('格式不正确', 'has an invalid format');
    case 'invalid_value':
    case 'invalid_union':
      return say('请从给定选项中选择', 'must be one of the given options');
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string')
        return n <= 1
          ? say('不能为空', 'must not be empty')
          : say(`至少需要 ${n} 个字`, `must be at least ${n} characters`);
      if (issue.origin === 'array' || issue.origin === 'set')
        return say(`至少需要 ${n} 项`, `needs at least ${n} item${n === 1 ? '' : 's'}`);
      if (issue.origin === 'number' || issue.origin === 'bigint')
        return issue.inclusive === false
          ? say(`必须大于 ${n}`, `must be more than ${n}`)
          : say(`不能小于 ${n}`, `must be at least ${n}`);
      return undefined;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string')
        return say(`最多 ${n} 个字`, `must be at most ${n} characters`);
      if (issue.origin === 'array' || issue.origin === 'set')
        return say(`最多 ${n} 项`, `allows at most ${n} item${n === 1 ? '' : 's'}`);
      if (issue.origin === 'number' || issue.origin === 'bigint')
        return issue.inclusive === false
          ? say(`必须小于 ${n}`, `must be less than ${n}`)
          : say(`不能大于 ${n}`, `must be at most ${n}`);
      return undefined;
    }
    case 'custom':
      // The domain's text rules (shared/text.ts) carry their words in both languages.
      return textIssueText(issue.params);
    default:
      return undefined;
  }
}

/** Zod messages worded for people, in the locale (also for inputs read from files). */
export function errorMap(locale: Locale): z.core.$ZodErrorMap {
  return (issue) => personText(issue)?.[locale] ?? zodLocales[locale](issue);
}

/** Names of input fields as forms show them. */
const FIELD_LABELS: Record<string, LocalizedText> = {
  name: { 'zh-CN': '名称', en: 'Name' },
  nameEn: { 'zh-CN': '英文名称', en: 'English name' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  streetId: { 'zh-CN': '街道', en: 'Street' },
  communityId: { 'zh-CN': '社区', en: 'Community' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  expectedRevision: { 'zh-CN': '版本', en: 'Revision' },
  minPosition: { 'zh-CN': '位置', en: 'Position' },
  loginName: { 'zh-CN': '登录名', en: 'Login name' },
  password: { 'zh-CN': '密码', en: 'Password' },
  displayName: { 'zh-CN': '姓名', en: 'Display name' },
  currentPassword: { 'zh-CN': '当前密码', en: 'Current password' },
  newPassword: { 'zh-CN': '新密码', en: 'New password' },
  accountId: { 'zh-CN': '账号', en: 'Account' },
  role: { 'zh-CN': '角色', en: 'Role' },
  scope: { 'zh-CN': '范围', en: 'Scope' },
  type: { 'zh-CN': '类型', en: 'Type' },
  sessionId: { 'zh-CN': '会话', en: 'Session' },
  phone: { 'zh-CN': '手机号', en: 'Mobile number' },
  code: { 'zh-CN': '验证码', en: 'Code' },
  birthYear: { 'zh-CN': '出生年份', en: 'Year of birth' },
  idNumber: { 'zh-CN': '身份证号', en: 'ID number' },
  address: { 'zh-CN': '地址', en: 'Address' },
  ties: { 'zh-CN': '社区联系', en: 'Ties to communities' },
  tieKinds: { 'zh-CN': '联系类型', en: 'Kinds of tie' },
  residentId: { 'zh-CN': '居民', en: 'Resident' },
  tieId: { 'zh-CN': '社区联系申报', en: 'Declared tie' },
  note: { 'zh-CN': '备注', en: 'Note' },
  granteePhone: { 'zh-CN': '受托人手机号', en: 'Mobile number of the proxy' },
  granteeAccountId: { 'zh-CN': '受托人账号', en: 'Account of the proxy' },
  powers: { 'zh-CN': '代办事项', en: 'Powers' },
  until: { 'zh-CN': '截止日期', en: 'Last day' },
  proxyId: { 'zh-CN': '代办委托', en: 'Proxy' },
  query: { 'zh-CN': '查询内容', en: 'Search' },
  writtenRequestRef: { 'zh-CN': '书面申请编号', en: 'Written request reference' },
  consent: { 'zh-CN': '本人同意', en: 'Consent' },
  form: { 'zh-CN': '同意方式', en: 'Form of consent' },
  minAge: { 'zh-CN': '最低年龄', en: 'Minimum age' },
  on: { 'zh-CN': '日期', en: 'Date' },
  // Cycles (money in fen)
  cycleId: { 'zh-CN': '项目周期', en: 'Cycle' },
  title: { 'zh-CN': '标题', en: 'Title' },
  titleEn: { 'zh-CN': '英文标题', en: 'English title' },
  year: { 'zh-CN': '年度', en: 'Year' },
  communities: { 'zh-CN': '参与社区', en: 'Communities' },
  budget: { 'zh-CN': '预算（分）', en: 'Budget (fen)' },
  budgets: { 'zh-CN': '预算', en: 'Budgets' },
  caps: { 'zh-CN': '单项限额', en: 'Caps per project' },
  works: { 'zh-CN': '工程类', en: 'Works' },
  services: { 'zh-CN': '服务类', en: 'Services' },
  goods: { 'zh-CN': '货物类', en: 'Goods' },
  allowed: { 'zh-CN': '正面清单', en: 'Allowed list' },
  excluded: { 'zh-CN': '负面清单', en: 'Excluded list' },
  'allowed.code': { 'zh-CN': '清单编号', en: 'List code' },
  'excluded.code': { 'zh-CN': '清单编号', en: 'List code' },
  text: { 'zh-CN': '内容', en: 'Text' },
  textEn: { 'zh-CN': '英文内容', en: 'English text' },
  eligibility: { 'zh-CN': '参与资格', en: 'Eligibility' },
  ballot: { 'zh-CN': '投票规则', en: 'Ballot rule' },
  maxProjects: { 'zh-CN': '最多可选项目数', en: 'Most projects per ballot' },
  minProjects: { 'zh-CN': '至少须选项目数', en: 'Fewest projects per ballot' },
  aggregation: { 'zh-CN': '计票规则', en: 'Aggregation rule' },
  publicityDays: { 'zh-CN': '公示天数', en: 'Days of publicity' },
  schedule: { 'zh-CN': '日程', en: 'Schedule' },
  proposing: { 'zh-CN': '建议征集开始日期', en: 'First day of proposing' },
  screening: { 'zh-CN': '筛选共议开始日期', en: 'First day of screening' },
  voting: { 'zh-CN': '投票开始日期', en: 'First day of voting' },
  publicity: { 'zh-CN': '公示开始日期', en: 'First day of publicity' },
  implementing: { 'zh-CN': '实施开始日期', en: 'First day of implementing' },
  evaluating: { 'zh-CN': '评价开始日期', en: 'First day of evaluating' },
  closed: { 'zh-CN': '结束日期', en: 'Closing day' },
  to: { 'zh-CN': '目标阶段', en: 'Next phase' },
  // Proposals (money in fen)
  proposalId: { 'zh-CN': '建议', en: 'Proposal' },
  description: { 'zh-CN': '建议内容', en: 'Description' },
  category: { 'zh-CN': '项目类别', en: 'Category' },
  estimatedCost: { 'zh-CN': '估算费用（分）', en: 'Estimated cost (fen)' },
  location: { 'zh-CN': '地点', en: 'Location' },
  'location.text': { 'zh-CN': '地点', en: 'Location' },
  lat: { 'zh-CN': '纬度', en: 'Latitude' },
  lng: { 'zh-CN': '经度', en: 'Longitude' },
  photoIds: { 'zh-CN': '照片', en: 'Photos' },
  forResidentId: { 'zh-CN': '委托人', en: 'Resident acted for' },
  confirmDuplicate: { 'zh-CN': '确认重复录入', en: 'Confirm a repeated entry' },
  changes: { 'zh-CN': '修改内容', en: 'Changes' },
  duplicateId: { 'zh-CN': '重复建议', en: 'Duplicate proposal' },
  targetId: { 'zh-CN': '合并到的建议', en: 'Proposal to merge into' },
  excludedCode: { 'zh-CN': '负面清单条目', en: 'Excluded-list item' },
  notes: { 'zh-CN': '记录', en: 'Notes' },
  organisation: { 'zh-CN': '单位', en: 'Organisation' },
  revisedCost: { 'zh-CN': '核定费用（分）', en: 'Revised cost (fen)' },
  opinion: { 'zh-CN': '踏勘意见', en: 'Opinion' },
  conditions: { 'zh-CN': '可行条件', en: 'Conditions' },
  date: { 'zh-CN': '会议日期', en: 'Meeting date' },
  attendees: { 'zh-CN': '参会人员', en: 'Attendees' },
  decisions: { 'zh-CN': '决定', en: 'Decisions' },
  decision: { 'zh-CN': '决定', en: 'Decision' },
  status: { 'zh-CN': '状态', en: 'Status' },
  limit: { 'zh-CN': '条数', en: 'Limit' },
  offset: { 'zh-CN': '起始位置', en: 'Offset' },
  // Notifications
  noticeIds: { 'zh-CN': '消息', en: 'Notices' },
  all: { 'zh-CN': '全部', en: 'All' },
  // The burden-reduction ledger
  itemId: { 'zh-CN': '台账事项', en: 'Ledger item' },
  department: { 'zh-CN': '责任部门', en: 'Department' },
  details: { 'zh-CN': '事项信息', en: 'Item details' },
  placement: { 'zh-CN': '位置（室外或室内）', en: 'Where (outside or inside)' },
  size: { 'zh-CN': '尺寸', en: 'Size' },
  ruleBoard: { 'zh-CN': '可保留的牌子', en: 'Board the rule allows' },
  mechanismType: { 'zh-CN': '机制类型', en: 'Kind of mechanism' },
  appType: { 'zh-CN': '应用类型', en: 'Kind of app' },
  purpose: { 'zh-CN': '用途', en: 'Purpose' },
  forces: { 'zh-CN': '强制要求', en: 'What it forces' },
  owner: { 'zh-CN': '建群人', en: 'Owner' },
  members: { 'zh-CN': '成员数', en: 'Members' },
  weeklyMinutes: { 'zh-CN': '每周占用（分钟）', en: 'Minutes a week' },
  act: { 'zh-CN': '处理方式', en: 'Act' },
  intoItemId: { 'zh-CN': '并入的事项', en: 'Item merged into' },
  basis: { 'zh-CN': '依据文号', en: 'Basis (document number)' },
  approver: { 'zh-CN': '批准人', en: 'Approver' },
  actedOn: { 'zh-CN': '处理日期', en: 'Date of the act' },
  beforePhotoIds: { 'zh-CN': '处理前照片', en: 'Photos before' },
  afterPhotoIds: { 'zh-CN': '处理后照片', en: 'Photos after' },
  dueOn: { 'zh-CN': '复查日期', en: 'Re-inspection date' },
  inspectedOn: { 'zh-CN': '复查日期', en: 'Date inspected' },
  present: { 'zh-CN': '是否仍在', en: 'Still there' },
  keepBoards: { 'zh-CN': '可保留的牌子', en: 'Boards that may stay' },
  catalogueLevel: { 'zh-CN': '目录由谁制定', en: 'Who keeps the catalogues' },
  // The admission catalogues
  place: { 'zh-CN': '目录所属', en: 'Whose catalogue' },
  catalogueId: { 'zh-CN': '目录版本', en: 'Catalogue version' },
  requestId: { 'zh-CN': '申请', en: 'Request' },
  admit: { 'zh-CN': '是否准予纳入', en: 'Admit' },
  entry: { 'zh-CN': '目录条目', en: 'Catalogue entry' },
  'entry.code': { 'zh-CN': '条目编号', en: 'Entry number' },
  communityRole: { 'zh-CN': '社区承担的工作', en: 'What the community does' },
  funding: { 'zh-CN': '经费保障', en: 'Funding' },
  alternative: { 'zh-CN': '替代方式', en: 'Alternative' },
};

export interface FieldError {
  /** Dotted path of the field, '' for the input as a whole. */
  path: string;
  message: string;
}

/** The cause of a 400 for malformed input; its message is already in the caller's language. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(message);
  }
}

/** The label of a path's last field: under its parent's name first (`allowed.code`), else alone. */
function labelOf(path: string): LocalizedText | undefined {
  const names = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  const last = names.at(-1) ?? path;
  const parent = names.at(-2);
  return (
    (parent === undefined ? undefined : FIELD_LABELS[`${parent}.${last}`]) ?? FIELD_LABELS[last]
  );
}

function describeField(path: string, locale: Locale): string {
  if (!path) return locale === 'zh-CN' ? '输入' : 'Input';
  const label = labelOf(path)?.[locale];
  if (!label) return path;
  return locale === 'zh-CN' ? `${label}（${path}）` : `${label} (${path})`;
}

function toInputError(issues: readonly z.core.$ZodIssue[], locale: Locale): InputError {
  const fieldErrors = issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const separator = locale === 'zh-CN' ? '；' : '; ';
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const message = fieldErrors
    .map((e) => `${describeField(e.path, locale)}${colon}${e.message}`)
    .join(separator);
  return new InputError(message, fieldErrors);
}

export interface LocalizedSchema<Input, Output> {
  /** The zod schema it wraps, for tests that generate inputs from it (the fuzzer). */
  readonly schema: z.ZodType;
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    validate(value: unknown): { value: Output };
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** Wraps a zod schema for `.input()`: same types, messages in the locale of the request. */
export function localized<S extends z.ZodType>(
  schema: S,
): LocalizedSchema<z.input<S>, z.output<S>> {
  return {
    schema,
    '~standard': {
      version: 1,
      vendor: 'gongzhi',
      validate(value) {
        const locale = currentLocale();
        const result = schema.safeParse(value, { error: errorMap(locale) });
        if (!result.success) throw toInputError(result.error.issues, locale);
        return { value: result.data };
      },
    },
  };
}
