// The states folded from a team's stream and from a service record's stream. The commands are in
// commands/, wired in decider.ts.
import type { Organiser, ServiceRecordEvent, TeamEvent, TeamKind } from './events.ts';

/** Where a person stands in a team: asked to join, a member, or one of its leaders. */
export type TeamStanding = 'requested' | 'member' | 'leader';

export type TeamState =
  | { status: 'none' }
  | {
      status: 'registered';
      teamId: string;
      kind: TeamKind;
      name: string;
      streetId: string;
      communityId: string | null;
      organiser: Organiser;
      skills: string[];
      /** Account id → standing; people who left or were declined are not listed. */
      people: Record<string, TeamStanding>;
    };

export type RegisteredTeam = Extract<TeamState, { status: 'registered' }>;

export const initialTeamState = (): TeamState => ({ status: 'none' });

const withPerson = (state: TeamState, accountId: string, standing?: TeamStanding): TeamState => {
  if (state.status === 'none') return state;
  const people = { ...state.people };
  if (standing) people[accountId] = standing;
  else delete people[accountId];
  return { ...state, people };
};

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'TeamRegistered': {
      const { teamId, kind, name, streetId, communityId, organiser, skills, leaders } = event.data;
      const people = Object.fromEntries(leaders.map((id) => [id, 'leader' as const]));
      return {
        status: 'registered',
        teamId,
        kind,
        name,
        streetId,
        communityId,
        organiser,
        skills,
        people,
      };
    }
    case 'TeamJoinRequested':
      return withPerson(state, event.data.accountId, 'requested');
    case 'TeamJoinAccepted':
      return withPerson(state, event.data.accountId, 'member');
    case 'TeamJoinDeclined':
    case 'TeamMemberLeft':
      return withPerson(state, event.data.accountId);
    case 'TeamLeadershipHandedOver':
      return withPerson(withPerson(state, event.data.from, 'member'), event.data.to, 'leader');
    case 'TeamSkillsChanged':
      return state.status === 'none' ? state : { ...state, skills: event.data.skills };
  }
}

/** Whether `accountId` serves in the team: a member or a leader. */
export const servesIn = (team: TeamState, accountId: string): boolean =>
  team.status === 'registered' &&
  (team.people[accountId] === 'member' || team.people[accountId] === 'leader');

export const leads = (team: TeamState, accountId: string): boolean =>
  team.status === 'registered' && team.people[accountId] === 'leader';

export type ServiceRecordState =
  | { status: 'none' }
  | {
      status: 'recorded' | 'confirmed';
      recordId: string;
      teamId: string;
      volunteerId: string;
      minutes: number;
      startedAt: string;
      endedAt: string;
      /** A correction the volunteer asked for that awaits a decision. */
      correction: { startedAt: string; endedAt: string } | null;
    };

export const initialServiceRecordState = (): ServiceRecordState => ({ status: 'none' });

export function evolveServiceRecord(
  state: ServiceRecordState,
  event: ServiceRecordEvent,
): ServiceRecordState {
  switch (event.type) {
    case 'ServiceRecorded': {
      const { recordId, teamId, volunteerId, minutes, startedAt, endedAt } = event.data;
      return {
        status: 'recorded',
        recordId,
        teamId,
        volunteerId,
        minutes,
        startedAt,
        endedAt,
        correction: null,
      };
    }
    case 'ServiceRecordConfirmed':
      return state.status === 'none' ? state : { ...state, status: 'confirmed' };
    case 'ServiceRecordCorrectionRequested':
      return state.status === 'none'
        ? state
        : {
            ...state,
            correction: { startedAt: event.data.startedAt, endedAt: event.data.endedAt },
          };
    case 'ServiceRecordCorrectionDecided': {
      if (state.status === 'none') return state;
      const accepted = event.data.decision === 'accepted' && state.correction;
      return {
        ...state,
        minutes: event.data.minutes,
        startedAt: accepted ? state.correction!.startedAt : state.startedAt,
        endedAt: accepted ? state.correction!.endedAt : state.endedAt,
        correction: null,
      };
    }
  }
}

/** Whole minutes on site between two instants (ISO-8601), rounded down. */
export const minutesOnSite = (startedAt: string, endedAt: string): number =>
  Math.floor((Date.parse(endedAt) - Date.parse(startedAt)) / 60_000);
