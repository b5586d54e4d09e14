// A street's volunteer teams and the hours they served per month. Nobody is named and nobody is
// ranked: a team's people and a month's volunteers are counts, withheld below five together with
// the hours they would give away; the organiser appears by its name, not its person in charge.
import { isSmallCount } from '@gongzhi/domain';
import { sumServiceByMonth } from '@gongzhi/projections/team';
import { col, suppressedColumn, type Dataset, type Reader } from '../dataset.ts';
import { db, publicCaller, publicStreet } from './read.ts';

const teamId = col('team_id', 'string', 'The team (page /teams/<team_id>)', '队伍编号');
const hours = (minutes: number) => Math.round(minutes / 6) / 10;

const teams: Dataset = {
  name: 'teams',
  scope: 'street',
  title: { en: "A street's volunteer teams", zh: '街道的志愿服务队' },
  version: 1,
  columns: [
    teamId,
    col('street_id', 'string', 'The street', '街道编号'),
    col(
      'community_id',
      'string',
      'The community (empty: the street’s own team)',
      '社区编号（空：街道直属）',
    ),
    col('kind', 'string', "The team's kind", '队伍类型'),
    col('name', 'string', "The team's name", '队伍名称'),
    col('organiser', 'string', 'The organising body (an organisation)', '组织单位'),
    col('skills', 'string', 'Its skills, separated by `;`', '服务技能（以 ; 分隔）'),
    col('registered_at', 'datetime', 'When it was registered', '登记时间'),
    col(
      'people',
      'integer',
      'People serving now; suppressed below 5',
      '在册人数（少于 5 人不公开）',
      'count',
    ),
    col(
      'hours_served',
      'number',
      'Confirmed hours of service, all time, to 0.1; suppressed with `people`',
      '累计确认服务时长（随人数一并不公开）',
      'hours',
    ),
    suppressedColumn,
  ],
  rows: async (reader, streetId) => {
    const api = publicCaller(reader);
    if (!(await publicStreet(reader, streetId))) return null;
    const { teams: list } = await api.team.list({ streetId });
    return list.map((t) => ({
      team_id: t.teamId,
      street_id: t.streetId,
      community_id: t.communityId,
      kind: t.kind,
      name: t.name,
      organiser: t.organiser.name,
      skills: t.skills.join(';'),
      registered_at: t.registeredAt,
      people: isSmallCount(t.people) ? null : t.people,
      hours_served: isSmallCount(t.people) ? null : hours(t.minutesServed),
      suppressed: isSmallCount(t.people),
    }));
  },
};

/** The street's confirmed service per month (per team and month), or null when no such street. */
async function serviceOfStreet(reader: Reader, streetId: string, perTeam: boolean) {
  const street = await publicStreet(reader, streetId);
  return street
    ? sumServiceByMonth(db(reader), streetId, '0000-01-01', '9999-12-31', perTeam)
    : null;
}

const teamHours: Dataset = {
  name: 'team_hours',
  scope: 'street',
  title: { en: 'Hours served per team and month', zh: '各队伍每月服务时长' },
  version: 1,
  columns: [
    teamId,
    col('month', 'string', 'The month of service, `YYYY-MM`', '服务月份'),
    col(
      'volunteers',
      'integer',
      'Volunteers with confirmed service; suppressed below 5',
      '有确认服务的志愿者人数（少于 5 人不公开）',
      'count',
    ),
    col(
      'hours',
      'number',
      'Confirmed hours, to 0.1; suppressed with `volunteers`',
      '确认服务时长（随人数一并不公开）',
      'hours',
    ),
    suppressedColumn,
  ],
  rows: async (reader, streetId) => {
    const months = await serviceOfStreet(reader, streetId, true);
    return (
      months?.map((m) => {
        const small = isSmallCount(m.volunteers);
        return {
          team_id: m.teamId,
          month: m.month,
          volunteers: small ? null : m.volunteers,
          hours: small ? null : hours(m.minutes),
          suppressed: small,
        };
      }) ?? null
    );
  },
};

const volunteering: Dataset = {
  name: 'volunteering',
  scope: 'street',
  title: { en: "The street's volunteering per month", zh: '街道每月志愿服务合计' },
  version: 1,
  columns: [
    col('month', 'string', 'The month of service, `YYYY-MM`', '服务月份'),
    col(
      'volunteers',
      'integer',
      'Volunteers with confirmed service in the street; suppressed below 5',
      '有确认服务的志愿者人数（少于 5 人不公开）',
      'count',
    ),
    col(
      'hours',
      'number',
      'Confirmed hours, to 0.1; suppressed with `volunteers`',
      '确认服务时长（随人数一并不公开）',
      'hours',
    ),
    col(
      'service_records',
      'integer',
      'Confirmed service records; suppressed with `volunteers`',
      '确认服务记录数（随人数一并不公开）',
      'count',
    ),
    col('teams', 'integer', 'Teams with confirmed service', '有确认服务的队伍数', 'count'),
    suppressedColumn,
  ],
  rows: async (reader, streetId) => {
    const months = await serviceOfStreet(reader, streetId, false);
    return (
      months?.map((m) => {
        const small = isSmallCount(m.volunteers);
        return {
          month: m.month,
          volunteers: small ? null : m.volunteers,
          hours: small ? null : hours(m.minutes),
          service_records: small ? null : m.records,
          teams: m.teams,
          suppressed: small,
        };
      }) ?? null
    );
  },
};

export const teamDatasets: Dataset[] = [teams, teamHours, volunteering];
