// A meeting (议事会议): stream `meeting-<meetingId>`. Convened with its notice (agenda, time, place,
// the roster of its day and the body's rules), then its motions and their votes, then closed.
import type {
  AgendaItem,
  BodyKind,
  BodyRules,
  MeetingEvent,
  MeetingEventData,
  RosterLine,
} from './events.ts';

export interface MotionState {
  motionId: string;
  itemId: string;
  vote: MeetingEventData<'MotionVoted'> | null;
}

export type MeetingState =
  | { status: 'none' }
  | {
      status: 'convened' | 'closed';
      meetingId: string;
      bodyId: string;
      communityId: string | null;
      streetId: string;
      bodyKind: BodyKind;
      startsAt: string;
      agenda: AgendaItem[];
      rules: BodyRules;
      roster: RosterLine[];
      motions: MotionState[];
    };

export type ConvenedMeeting = Extract<MeetingState, { status: 'convened' | 'closed' }>;

export const initialMeetingState = (): MeetingState => ({ status: 'none' });

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingConvened': {
      const {
        meetingId,
        bodyId,
        communityId,
        streetId,
        bodyKind,
        startsAt,
        agenda,
        rules,
        roster,
      } = event.data;
      return {
        status: 'convened',
        meetingId,
        bodyId,
        communityId,
        streetId,
        bodyKind,
        startsAt,
        agenda,
        rules,
        roster,
        motions: [],
      };
    }
    case 'MotionTabled':
      if (state.status === 'none') return state;
      return {
        ...state,
        motions: [
          ...state.motions,
          { motionId: event.data.motionId, itemId: event.data.itemId, vote: null },
        ],
      };
    case 'MotionVoted':
      if (state.status === 'none') return state;
      return {
        ...state,
        motions: state.motions.map((m) =>
          m.motionId === event.data.motionId ? { ...m, vote: event.data } : m,
        ),
      };
    case 'MeetingClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
    default:
      return state;
  }
}

/** The voting members of the roster the meeting was convened with. */
export const votingMembers = (meeting: ConvenedMeeting): string[] =>
  meeting.roster.filter((line) => line.role !== 'recorder').map((line) => line.residentId);
