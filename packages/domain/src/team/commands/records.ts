// Service records (志愿服务记录): a leader records a member's service (who, when, where, what, the
// time on site) and confirms it with an evaluation; the volunteer may ask for a correction of the
// time on site, which a leader or the team's community decides with a reason. A person never
// confirms or decides on their own record. Minutes are always the time on site between the
// instants given: travel is not service, and nothing here is ever paid.
import { chinaDate } from '../../cycle/state.ts';
import { refuse } from '../../shared/errors.ts';
import type { ServiceRecordEventData, ServiceRecordEventOf } from '../events.ts';
import {
  leads,
  minutesOnSite,
  servesIn,
  type ServiceRecordState,
  type TeamState,
} from '../state.ts';
import { checkTimeOnSite, requireLeader, requireTeam } from './rules.ts';

/** Who decides: an account, and whether it is staff of the team's community or street. */
export interface DecidingAccount {
  accountId: string;
  communityStaff: boolean;
}

export interface RecordService {
  type: 'RecordService';
  data: Omit<ServiceRecordEventData<'ServiceRecorded'>, 'date' | 'minutes'>;
  /** Confirms it at once, with this evaluation (a leader recording someone else's service). */
  evaluation?: string;
  team: TeamState;
  now: string;
}

export interface ConfirmServiceRecord {
  type: 'ConfirmServiceRecord';
  data: { recordId: string; evaluation: string };
  by: DecidingAccount;
  team: TeamState;
}

export interface RequestServiceCorrection {
  type: 'RequestServiceCorrection';
  data: { recordId: string; startedAt: string; endedAt: string; reason: string };
  by: string;
  now: string;
}

export interface DecideServiceCorrection {
  type: 'DecideServiceCorrection';
  data: { recordId: string; decision: 'accepted' | 'declined'; reason: string };
  by: DecidingAccount;
  team: TeamState;
}

export function recordService(
  command: RecordService,
  state: ServiceRecordState,
): ServiceRecordEventOf<'ServiceRecorded' | 'ServiceRecordConfirmed'>[] {
  const { data } = command;
  if (state.status !== 'none') return [];
  const team = requireTeam(command.team, data.teamId);
  requireLeader(team, data.recordedBy);
  if (!servesIn(team, data.volunteerId)) {
    return refuse(
      'invalid',
      'not_a_member',
      `只能为「${team.name}」的队员记录服务。`,
      `Service can only be recorded for members of “${team.name}”.`,
      'volunteerId',
    );
  }
  checkTimeOnSite(data, command.now);
  const recorded: ServiceRecordEventOf<'ServiceRecorded'> = {
    type: 'ServiceRecorded',
    data: {
      ...data,
      date: chinaDate(data.startedAt),
      minutes: minutesOnSite(data.startedAt, data.endedAt),
    },
  };
  if (command.evaluation === undefined) return [recorded];
  if (data.volunteerId === data.recordedBy) ownRecord();
  return [
    recorded,
    {
      type: 'ServiceRecordConfirmed',
      data: {
        recordId: data.recordId,
        teamId: data.teamId,
        volunteerId: data.volunteerId,
        confirmedBy: data.recordedBy,
        evaluation: command.evaluation,
      },
    },
  ];
}

export function confirmServiceRecord(
  command: ConfirmServiceRecord,
  state: ServiceRecordState,
): ServiceRecordEventOf<'ServiceRecordConfirmed'>[] {
  const record = requireRecord(state, command.data.recordId);
  mayDecide(command.by, command.team, record.volunteerId);
  if (record.status === 'confirmed') return [];
  return [
    {
      type: 'ServiceRecordConfirmed',
      data: {
        recordId: record.recordId,
        teamId: record.teamId,
        volunteerId: record.volunteerId,
        confirmedBy: command.by.accountId,
        evaluation: command.data.evaluation,
      },
    },
  ];
}

export function requestServiceCorrection(
  command: RequestServiceCorrection,
  state: ServiceRecordState,
): ServiceRecordEventOf<'ServiceRecordCorrectionRequested'>[] {
  const { data } = command;
  const record = requireRecord(state, data.recordId);
  if (record.volunteerId !== command.by) {
    return refuse(
      'forbidden',
      'not_own_record',
      '只有服务记录上的志愿者本人可以申请更正。',
      'Only the volunteer the record is about may ask for a correction.',
    );
  }
  if (record.correction) {
    return refuse(
      'conflict',
      'correction_pending',
      '上一次更正申请还在等待处理。',
      'Your last request for a correction is still waiting for a decision.',
    );
  }
  checkTimeOnSite(data, command.now);
  if (data.startedAt === record.startedAt && data.endedAt === record.endedAt) {
    return refuse(
      'invalid',
      'nothing_to_correct',
      '申请的时间与记录相同，没有需要更正的内容。',
      'The times asked for are those recorded: there is nothing to correct.',
      'startedAt',
    );
  }
  return [
    {
      type: 'ServiceRecordCorrectionRequested',
      data: {
        recordId: record.recordId,
        teamId: record.teamId,
        volunteerId: record.volunteerId,
        startedAt: data.startedAt,
        endedAt: data.endedAt,
        reason: data.reason,
      },
    },
  ];
}

export function decideServiceCorrection(
  command: DecideServiceCorrection,
  state: ServiceRecordState,
): ServiceRecordEventOf<'ServiceRecordCorrectionDecided'>[] {
  const { data } = command;
  const record = requireRecord(state, data.recordId);
  mayDecide(command.by, command.team, record.volunteerId);
  if (!record.correction) {
    return refuse(
      'conflict',
      'no_correction_pending',
      '这条服务记录没有待处理的更正申请。',
      'This service record has no request for a correction waiting.',
    );
  }
  const minutes =
    data.decision === 'accepted'
      ? minutesOnSite(record.correction.startedAt, record.correction.endedAt)
      : record.minutes;
  return [
    {
      type: 'ServiceRecordCorrectionDecided',
      data: {
        recordId: record.recordId,
        teamId: record.teamId,
        volunteerId: record.volunteerId,
        decision: data.decision,
        minutes,
        reason: data.reason,
        decidedBy: command.by.accountId,
      },
    },
  ];
}

function requireRecord(state: ServiceRecordState, recordId: string) {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'record_not_found',
      `找不到服务记录（编号 ${recordId}）。`,
      `There is no service record with id ${recordId}.`,
    );
  }
  return state;
}

/** A leader of the team or staff of its community decides, never the volunteer themselves. */
function mayDecide(by: DecidingAccount, team: TeamState, volunteerId: string): void {
  if (by.accountId === volunteerId) ownRecord();
  if (!by.communityStaff && !leads(team, by.accountId)) {
    refuse(
      'forbidden',
      'not_team_leader',
      '只有本队队长或所在社区的工作人员可以确认服务记录。',
      'Only a leader of the team or staff of its community may decide on its service records.',
    );
  }
}

const ownRecord = (): never =>
  refuse(
    'forbidden',
    'own_record',
    '不能确认或裁定自己的服务记录，请由另一位队长或社区工作人员处理。',
    'You cannot confirm or decide on your own service record: another leader or the community does.',
  );
