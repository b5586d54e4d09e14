// A community's deliberation meetings (议事协商), and a street's own bodies' (a street committee): each meeting's notice, quorum and attendance by
// count; the motions with their results; the resolutions followed up. Nobody is named: the public
// meeting page shows counts only, and a resolution's owner (free text) is left out.
import { isSmallCount } from '@gongzhi/domain';
import { col, suppressedColumn, type Dataset, type Reader } from '../dataset.ts';
import { publicCaller, publicRows, publicStreet } from './read.ts';

const communityId = col(
  'community_id',
  'string',
  'The community (empty: a body of the street)',
  '社区编号（空：街道的议事机构）',
);
const meetingId = col(
  'meeting_id',
  'string',
  'The meeting (page /meetings/<meeting_id>)',
  '会议编号',
);

type Level = 'community' | 'street';

/**
 * The meetings of a community's bodies, or of a street's own bodies (a street committee), as the
 * public page lists them; null for no such place.
 */
async function meetingsOf(reader: Reader, level: Level, id: string) {
  const api = publicCaller(reader);
  if (level === 'street') {
    if (!(await publicStreet(reader, id))) return null;
    return (await api.meeting.meetings({ streetId: id })).meetings;
  }
  if (!(await publicRows(() => api.organisation.community({ communityId: id })))) return null;
  return (await api.meeting.meetings({ communityId: id })).meetings;
}

const meetings = (level: Level): Dataset => ({
  name: level === 'street' ? 'street_meetings' : 'meetings',
  scope: level,
  ...(level === 'street' && { path: '/api/public/streets/{streetId}/meetings' }),
  title:
    level === 'street'
      ? { en: "A street's own bodies' meetings", zh: '街道议事机构的会议' }
      : { en: "A community's meetings", zh: '社区议事会议' },
  version: 1,
  columns: [
    meetingId,
    communityId,
    col('body_id', 'string', 'The deliberative body that met', '议事机构编号'),
    col('body_kind', 'string', "The body's kind", '议事机构类型'),
    col('body_name', 'string', "The body's name", '议事机构名称'),
    col('title', 'string', "The meeting's title", '会议名称'),
    col('starts_at', 'datetime', 'When it starts', '开始时间'),
    col('noticed_at', 'datetime', 'When its notice was published', '通知发布时间'),
    col(
      'notice_days',
      'integer',
      'The days of notice the body requires',
      '规定提前通知天数',
      'days',
    ),
    col('notice_on_time', 'boolean', 'Whether the notice came that early', '是否按时通知'),
    col('status', 'string', '`convened` or `closed`', '状态：已召集或已结束'),
    col('closed_at', 'datetime', 'When it closed', '结束时间'),
    col(
      'quorum_rule',
      'string',
      '`two_thirds` or `more_than_half` of the voting members',
      '法定人数规则',
    ),
    col('members_entitled', 'integer', 'Voting members on the roster', '应到表决成员数', 'count'),
    col('quorum_needed', 'integer', 'Voting members the quorum needs', '法定人数', 'count'),
    col(
      'members_present',
      'integer',
      'Voting members present (now, or at the close)',
      '实到表决成员数',
      'count',
    ),
    col('quorum_held', 'boolean', 'Whether the quorum holds', '是否达到法定人数'),
    col(
      'others_present',
      'integer',
      'Others attending (列席); suppressed below 5',
      '列席人数（少于 5 人不公开）',
      'count',
    ),
    col('motions', 'integer', 'Motions tabled', '动议数', 'count'),
    col('motions_passed', 'integer', 'Motions passed', '通过的动议数', 'count'),
    suppressedColumn,
  ],
  rows: async (reader, id) => {
    const list = await meetingsOf(reader, level, id);
    if (!list) return null;
    const api = publicCaller(reader);
    return Promise.all(
      list.map(async ({ meetingId: mid }) => {
        const m = await api.meeting.meeting({ meetingId: mid });
        const small = isSmallCount(m.attendees.others);
        return {
          meeting_id: m.meetingId,
          community_id: m.communityId,
          body_id: m.bodyId,
          body_kind: m.bodyKind,
          body_name: m.bodyName,
          title: m.title,
          starts_at: m.startsAt,
          noticed_at: m.noticedAt,
          notice_days: m.rules.noticeDays,
          notice_on_time: !m.lateNotice,
          status: m.status,
          closed_at: m.closedAt,
          quorum_rule: m.quorum.rule,
          members_entitled: m.quorum.entitled,
          quorum_needed: m.quorum.needed,
          members_present: m.quorum.present,
          quorum_held: m.quorum.holds,
          others_present: small ? null : m.attendees.others,
          motions: m.motions.length,
          motions_passed: m.motions.filter((v) => v.vote?.passed).length,
          suppressed: small,
        };
      }),
    );
  },
});

const motions = (level: Level): Dataset => ({
  name: level === 'street' ? 'street_motions' : 'motions',
  scope: level,
  ...(level === 'street' && { path: '/api/public/streets/{streetId}/motions' }),
  title:
    level === 'street'
      ? { en: "Motions of a street's own bodies", zh: '街道议事机构的动议及表决结果' }
      : { en: 'Motions and their results', zh: '动议及表决结果' },
  version: 1,
  columns: [
    meetingId,
    col('motion_id', 'string', "The motion's id", '动议编号'),
    col('item_id', 'string', 'The agenda item it belongs to', '所属议程'),
    col('text', 'string', 'What was moved', '动议内容'),
    col('tabled_at', 'datetime', 'When it was tabled', '提出时间'),
    col('method', 'string', '`count` (hands) or `named` votes (empty: not voted)', '表决方式'),
    col('votes_for', 'integer', 'Votes for', '赞成票', 'count'),
    col('votes_against', 'integer', 'Votes against', '反对票', 'count'),
    col('abstentions', 'integer', 'Abstentions', '弃权票', 'count'),
    col('present', 'integer', 'Voting members present at the vote', '表决时到会成员数', 'count'),
    col('entitled', 'integer', 'Voting members on the roster', '应到表决成员数', 'count'),
    col('majority_rule', 'string', 'The majority the body requires', '多数规则'),
    col('needed', 'integer', 'Votes for that carry it', '通过所需赞成票', 'count'),
    col('passed', 'boolean', 'Whether it passed', '是否通过'),
    col('voted_at', 'datetime', 'When it was voted on', '表决时间'),
  ],
  rows: async (reader, id) => {
    const list = await meetingsOf(reader, level, id);
    if (!list) return null;
    const api = publicCaller(reader);
    const perMeeting = await Promise.all(
      list.map(async ({ meetingId: mid }) =>
        (await api.meeting.meeting({ meetingId: mid })).motions.map((m) => ({
          meeting_id: mid,
          motion_id: m.motionId,
          item_id: m.itemId,
          text: m.text,
          tabled_at: m.tabledAt,
          method: m.vote?.method ?? null,
          votes_for: m.vote?.for ?? null,
          votes_against: m.vote?.against ?? null,
          abstentions: m.vote?.abstain ?? null,
          present: m.vote?.present ?? null,
          entitled: m.vote?.entitled ?? null,
          majority_rule: m.vote?.majority ?? null,
          needed: m.vote?.needed ?? null,
          passed: m.vote?.passed ?? null,
          voted_at: m.votedAt,
        })),
      ),
    );
    return perMeeting.flat();
  },
});

const resolutions = (level: Level): Dataset => ({
  name: level === 'street' ? 'street_resolutions' : 'resolutions',
  scope: level,
  ...(level === 'street' && { path: '/api/public/streets/{streetId}/resolutions' }),
  title:
    level === 'street'
      ? { en: "Resolutions of a street's own bodies", zh: '街道议事机构的决议落实情况' }
      : { en: 'Resolutions and their follow-through', zh: '决议落实情况' },
  version: 1,
  columns: [
    col('resolution_id', 'string', "The resolution's id", '决议编号'),
    meetingId,
    col('motion_id', 'string', 'The motion it carries out', '对应动议'),
    col('text', 'string', 'What was resolved', '决议内容'),
    col(
      'link_kind',
      'string',
      '`proposal` or `ledger`: the record it is carried out through',
      '落实载体：提案或台账',
    ),
    col('due_on', 'date', 'The day it is due', '落实期限'),
    col('status', 'string', '`open` or `closed`', '状态：落实中或已办结'),
    col('closed_on', 'date', 'The day it was closed', '办结日期'),
    col('closed_late', 'boolean', 'Whether it was closed after its due day', '是否逾期办结'),
    col('overdue', 'boolean', 'Whether it is open past its due day', '是否已逾期未办结'),
    col('progress_reports', 'integer', 'Progress reports recorded', '进展报告次数', 'count'),
  ],
  rows: async (reader, id) => {
    const list = await meetingsOf(reader, level, id);
    if (!list) return null;
    const api = publicCaller(reader);
    const perMeeting = await Promise.all(
      list.map(async ({ meetingId: mid }) =>
        (await api.meeting.resolutions({ meetingId: mid })).resolutions.map((r) => ({
          resolution_id: r.resolutionId,
          meeting_id: r.meetingId,
          motion_id: r.motionId,
          text: r.text,
          link_kind: r.link?.kind ?? null,
          due_on: r.dueOn,
          status: r.status,
          closed_on: r.closedOn,
          closed_late: r.status === 'closed' ? r.late : null,
          overdue: r.overdue,
          progress_reports: r.progress.length,
        })),
      ),
    );
    return perMeeting.flat();
  },
});

export const meetingDatasets: Dataset[] = (['community', 'street'] as const).flatMap((level) => [
  meetings(level),
  motions(level),
  resolutions(level),
]);
