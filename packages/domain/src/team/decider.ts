// The team stream's and the service record stream's deciders: `decide` only dispatches.
import type { Decider } from '../shared/decider.ts';
import {
  answerJoinRequest,
  changeTeamSkills,
  handOverLeadership,
  leaveTeam,
  registerTeam,
  requestToJoinTeam,
  type AnswerJoinRequest,
  type ChangeTeamSkills,
  type HandOverLeadership,
  type LeaveTeam,
  type RegisterTeam,
  type RequestToJoinTeam,
} from './commands/membership.ts';
import {
  confirmServiceRecord,
  decideServiceCorrection,
  recordService,
  requestServiceCorrection,
  type ConfirmServiceRecord,
  type DecideServiceCorrection,
  type RecordService,
  type RequestServiceCorrection,
} from './commands/records.ts';
import type { ServiceRecordEvent, TeamEvent } from './events.ts';
import {
  evolveServiceRecord,
  evolveTeam,
  initialServiceRecordState,
  initialTeamState,
  type ServiceRecordState,
  type TeamState,
} from './state.ts';

export type TeamCommand =
  | RegisterTeam
  | RequestToJoinTeam
  | AnswerJoinRequest
  | LeaveTeam
  | HandOverLeadership
  | ChangeTeamSkills;

export function decideTeam(command: TeamCommand, state: TeamState): TeamEvent[] {
  switch (command.type) {
    case 'RegisterTeam':
      return registerTeam(command, state);
    case 'RequestToJoinTeam':
      return requestToJoinTeam(command, state);
    case 'AnswerJoinRequest':
      return answerJoinRequest(command, state);
    case 'LeaveTeam':
      return leaveTeam(command, state);
    case 'HandOverLeadership':
      return handOverLeadership(command, state);
    case 'ChangeTeamSkills':
      return changeTeamSkills(command, state);
  }
}

export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: initialTeamState,
  evolve: evolveTeam,
  decide: decideTeam,
};

export type ServiceRecordCommand =
  RecordService | ConfirmServiceRecord | RequestServiceCorrection | DecideServiceCorrection;

export function decideServiceRecord(
  command: ServiceRecordCommand,
  state: ServiceRecordState,
): ServiceRecordEvent[] {
  switch (command.type) {
    case 'RecordService':
      return recordService(command, state);
    case 'ConfirmServiceRecord':
      return confirmServiceRecord(command, state);
    case 'RequestServiceCorrection':
      return requestServiceCorrection(command, state);
    case 'DecideServiceCorrection':
      return decideServiceCorrection(command, state);
  }
}

export const serviceRecordDecider: Decider<
  ServiceRecordCommand,
  ServiceRecordEvent,
  ServiceRecordState
> = {
  initialState: initialServiceRecordState,
  evolve: evolveServiceRecord,
  decide: decideServiceRecord,
};
