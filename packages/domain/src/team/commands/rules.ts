// Refusals several team commands share.
import { refuse } from '../../shared/errors.ts';
import { leads, type RegisteredTeam, type TeamState } from '../state.ts';

export function requireTeam(team: TeamState, teamId: string): RegisteredTeam {
  if (team.status === 'none') {
    return refuse(
      'not_found',
      'team_not_found',
      `找不到志愿服务队（编号 ${teamId}）。`,
      `There is no volunteer team with id ${teamId}.`,
    );
  }
  return team;
}

/** Only a leader of the team may do it. */
export function requireLeader(team: RegisteredTeam, accountId: string): void {
  if (!leads(team, accountId)) {
    refuse(
      'forbidden',
      'not_team_leader',
      `只有「${team.name}」的队长可以这样做。`,
      `Only a leader of “${team.name}” may do this.`,
    );
  }
}

/** A time on site: it ends after it starts, within a day, and not in the future. */
export function checkTimeOnSite(
  on: { startedAt: string; endedAt: string },
  now: string,
  field = 'endedAt',
): void {
  const start = Date.parse(on.startedAt);
  const end = Date.parse(on.endedAt);
  if (!(end > start)) {
    refuse(
      'invalid',
      'ends_before_start',
      '结束时间应晚于开始时间。',
      'The end must be later than the start.',
      field,
    );
  }
  if (end - start < 60_000) {
    refuse(
      'invalid',
      'shorter_than_a_minute',
      '在岗时间不足一分钟，无法记录。',
      'Less than a minute on site cannot be recorded.',
      field,
    );
  }
  if (end - start > 24 * 3_600_000) {
    refuse(
      'invalid',
      'longer_than_a_day',
      '一次服务的在岗时间不能超过 24 小时。',
      'One service cannot last more than 24 hours on site.',
      field,
    );
  }
  if (end > Date.parse(now)) {
    refuse(
      'invalid',
      'service_in_future',
      '服务尚未结束，不能提前记录。',
      'The service has not ended yet; it cannot be recorded in advance.',
      field,
    );
  }
}
