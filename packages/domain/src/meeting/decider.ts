// The meeting stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../shared/decider.ts';
import type { MeetingEvent } from './events.ts';
import {
  closeMeeting,
  conveneMeeting,
  tableMotion,
  voteOnMotion,
  type CloseMeeting,
  type ConveneMeeting,
  type TableMotion,
  type VoteOnMotion,
} from './commands.ts';
import { evolveMeeting, initialMeetingState, type MeetingState } from './state.ts';

export type MeetingCommand = ConveneMeeting | TableMotion | VoteOnMotion | CloseMeeting;

export function decideMeeting(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  switch (command.type) {
    case 'ConveneMeeting':
      return conveneMeeting(command, state);
    case 'TableMotion':
      return tableMotion(command, state);
    case 'VoteOnMotion':
      return voteOnMotion(command, state);
    case 'CloseMeeting':
      return closeMeeting(command, state);
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  initialState: initialMeetingState,
  evolve: evolveMeeting,
  decide: decideMeeting,
};
