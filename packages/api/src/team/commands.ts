// Team and service-record commands as the API runs them. A team's own stream decides who leads
// and who serves; a service record's decider is given the team's state, folded from its stream,
// so that only a leader of the team records and confirms, and only for its members.
import {
  describeServiceRecordEvent,
  describeTeamEvent,
  parseServiceRecordEvent,
  parseTeamEvent,
  serviceRecordDecider,
  serviceRecordEventSchemas,
  teamDecider,
  teamEventSchemas,
  teamStreams,
  type LocalizedText,
  type ServiceRecordCommand,
  type ServiceRecordEvent,
  type ServiceRecordState,
  type TeamCommand,
  type TeamEvent,
  type TeamState,
} from '@gongzhi/domain';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';

export const teamCodec: EventCodec<TeamEvent> = {
  read: (recorded) => parseTeamEvent(recorded.type, recorded.data),
  versionOf: (type) => teamEventSchemas[type].version,
  describe: describeTeamEvent,
};

export const serviceRecordCodec: EventCodec<ServiceRecordEvent> = {
  read: (recorded) => parseServiceRecordEvent(recorded.type, recorded.data),
  versionOf: (type) => serviceRecordEventSchemas[type].version,
  describe: describeServiceRecordEvent,
};

export const teamRecord = (teamId: string) => ({
  stream: teamStreams.team(teamId),
  decider: teamDecider,
  codec: teamCodec,
});

export const serviceRecordRecord = (recordId: string) => ({
  stream: teamStreams.serviceRecord(recordId),
  decider: serviceRecordDecider,
  codec: serviceRecordCodec,
});

const teamSubject = (state: TeamState): LocalizedText =>
  state.status === 'registered'
    ? { 'zh-CN': `志愿服务队「${state.name}」`, en: `The team “${state.name}”` }
    : { 'zh-CN': '这个志愿服务队', en: 'The team' };

const recordSubject = (): LocalizedText => ({ 'zh-CN': '这条服务记录', en: 'The service record' });

/** Runs one team command, built from the team's current state (again on a retry). */
export function onTeam(
  w: Writer,
  teamId: string,
  command: (state: TeamState) => TeamCommand | Promise<TeamCommand>,
  expectedRevision?: bigint,
) {
  return executeCommand(w.store, {
    ...teamRecord(teamId),
    command,
    expectedRevision,
    subject: teamSubject,
    metadata: w.metadata,
  });
}

/** Runs one service-record command; `teamOf` names the team whose state the decider is given. */
export function onServiceRecord(
  w: Writer,
  recordId: string,
  command: (
    state: ServiceRecordState,
    team: TeamState,
  ) => ServiceRecordCommand | Promise<ServiceRecordCommand>,
  teamId?: string,
) {
  return executeCommand(w.store, {
    ...serviceRecordRecord(recordId),
    command: async (state) => {
      const id = teamId ?? (state.status === 'none' ? undefined : state.teamId);
      const team = id
        ? (await readState(w.store, teamRecord(id))).state
        : teamDecider.initialState();
      return command(state, team);
    },
    subject: recordSubject,
    metadata: w.metadata,
  });
}

/** The state of a team as its stream has it now. */
export const teamState = async (w: Pick<Writer, 'store'>, teamId: string) =>
  (await readState(w.store, teamRecord(teamId))).state;
