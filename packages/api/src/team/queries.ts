// What the team procedures read: a team's public page (what it does, hours served, never who
// served most), a leader's view of the team (people with names, records, corrections waiting),
// and a person's own teams and records.
import { hasGrant, type Role, type Scope } from '@gongzhi/auth';
import {
  formerResidentName,
  refuse,
  type LocalizedText,
  type RegisteredTeam,
} from '@gongzhi/domain';
import { readStaffAccount } from '@gongzhi/projections/organisation';
import { readResident } from '@gongzhi/projections/resident';
import {
  listOpenShifts,
  listRecordsOf,
  listTeamPeople,
  listTeamRecords,
  listTeamsOf,
  readTeam,
  type TeamRow,
} from '@gongzhi/projections/team';
import { now, type Context } from '../context.ts';
import { teamState } from './commands.ts';

/** Staff who answer for a team's community (or street): they may confirm and decide records. */
export const TEAM_STAFF: readonly Role[] = ['community_worker', 'street_officer', 'city_admin'];

/** The hour milestones a volunteer's page shows (recognition without ranking). */
export const MILESTONE_HOURS = [50, 100, 250, 500] as const;

export const teamNotFound = (teamId: string): never =>
  refuse(
    'not_found',
    'team_not_found',
    `找不到志愿服务队（编号 ${teamId}）。`,
    `There is no volunteer team with id ${teamId}.`,
  );

/** The place a team is registered with, as grants are checked against it. */
export const teamScope = (team: Pick<RegisteredTeam, 'streetId' | 'communityId'>): Scope =>
  team.communityId
    ? { type: 'community', communityId: team.communityId, streetId: team.streetId }
    : { type: 'street', streetId: team.streetId };

/** Whether the caller is staff of the team's community or street. */
export const isTeamStaff = (ctx: Context, team: Pick<RegisteredTeam, 'streetId' | 'communityId'>) =>
  hasGrant(ctx.account?.grants ?? [], TEAM_STAFF, teamScope(team));

/** A person's name as the team's leaders see it: a resident's, or a staff member's. */
export async function nameOf(ctx: Context, accountId: string): Promise<string | LocalizedText> {
  const db = ctx.services.readModels.db;
  const resident = await readResident(db, accountId);
  if (resident) return resident.name ?? formerResidentName;
  return (await readStaffAccount(db, accountId))?.displayName ?? accountId;
}

const publicTeam = (team: TeamRow) => ({
  teamId: team.teamId,
  kind: team.kind,
  name: team.name,
  description: team.description,
  streetId: team.streetId,
  communityId: team.communityId,
  organiser: team.organiser,
  skills: team.skills,
  registeredAt: team.registeredAt,
  people: team.people,
  minutesServed: team.minutesServed,
});

/**
 * A team's public page: what it does, who organises it, its skills, how many serve and the
 * hours served (confirmed records), and, for the caller, where they stand.
 */
export async function readTeamPage(ctx: Context, teamId: string) {
  const db = ctx.services.readModels.db;
  const team = (await readTeam(db, teamId)) ?? teamNotFound(teamId);
  const me = ctx.account?.accountId;
  const mine = me ? (await listTeamsOf(db, me)).find((t) => t.teamId === teamId) : undefined;
  return {
    ...publicTeam(team),
    standing: mine?.standing ?? null,
    declinedReason: mine?.standing === 'declined' ? mine.reason : null,
    mayManage: mine?.standing === 'leader' || isTeamStaff(ctx, team),
  };
}

/** The people and records of a team, for its leaders and the staff of its community. */
export async function readTeamManagement(ctx: Context, teamId: string) {
  const state = await teamState(ctx.services, teamId);
  if (state.status === 'none') return teamNotFound(teamId);
  const me = ctx.account!.accountId;
  const staff = isTeamStaff(ctx, state);
  if (state.people[me] !== 'leader' && !staff) {
    return refuse(
      'forbidden',
      'not_team_leader',
      `只有「${state.name}」的队长或所在社区的工作人员可以管理本队。`,
      `Only a leader of “${state.name}” or staff of its community may manage the team.`,
    );
  }
  const db = ctx.services.readModels.db;
  const [team, people, records] = await Promise.all([
    readTeam(db, teamId),
    listTeamPeople(db, teamId),
    listTeamRecords(db, teamId),
  ]);
  const names = new Map<string, string | LocalizedText>();
  for (const id of new Set([
    ...people.map((p) => p.accountId),
    ...records.map((r) => r.volunteerId),
  ])) {
    names.set(id, await nameOf(ctx, id));
  }
  return {
    ...publicTeam(team!),
    me,
    isLeader: state.people[me] === 'leader',
    people: people
      .filter(
        (p) => p.standing === 'requested' || p.standing === 'member' || p.standing === 'leader',
      )
      .map((p) => ({ ...p, name: names.get(p.accountId)! })),
    records: records.map((r) => ({ ...r, volunteerName: names.get(r.volunteerId)! })),
  };
}

/** The hours and milestones of confirmed minutes: passed ones, and the next one. */
export function milestonesOf(minutes: number) {
  const hours = minutes / 60;
  return {
    reached: MILESTONE_HOURS.filter((m) => hours >= m),
    next: MILESTONE_HOURS.find((m) => hours < m) ?? null,
  };
}

/**
 * The caller's teams, the open shifts of those they serve in (with where they stand), their own
 * service records, and the hours confirmed with milestones.
 */
export async function readMyService(ctx: Context) {
  const db = ctx.services.readModels.db;
  const me = ctx.account!.accountId;
  const [teams, records] = await Promise.all([listTeamsOf(db, me), listRecordsOf(db, me)]);
  const serving = teams
    .filter((t) => t.standing === 'member' || t.standing === 'leader')
    .map((t) => t.teamId);
  const shifts = await listOpenShifts(db, serving, me, now(ctx).toISOString());
  const minutesConfirmed = records
    .filter((r) => r.status === 'confirmed')
    .reduce((sum, r) => sum + r.minutes, 0);
  return {
    teams: teams.map(({ teamId, teamName, standing, reason, since }) => ({
      teamId,
      teamName,
      standing,
      reason,
      since,
    })),
    shifts: shifts.map((s) => ({
      ...s,
      teamName: teams.find((t) => t.teamId === s.teamId)?.teamName ?? s.teamId,
    })),
    records,
    minutesConfirmed,
    milestones: milestonesOf(minutesConfirmed),
  };
}
