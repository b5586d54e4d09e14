// The minutes' commands. What other streams say comes in the command: the meeting (closed? its
// roster) and whether the person attended it (read by the handler from their attendance stream).
import { refuse } from '../../shared/errors.ts';
import type { MeetingState } from '../state.ts';
import type { MinutesEventOf } from './events.ts';
import type { MinutesState } from './state.ts';

export interface DraftMinutes {
  type: 'DraftMinutes';
  data: { meetingId: string; text: string };
  meeting: MeetingState;
}

export interface CirculateMinutes {
  type: 'CirculateMinutes';
  data: { meetingId: string };
}

export interface RequestMinutesCorrection {
  type: 'RequestMinutesCorrection';
  data: { meetingId: string; residentId: string; text: string };
  /** Whether the resident signed in to the meeting (as a member or attending, 列席). */
  attended: boolean;
}

export interface SignMinutes {
  type: 'SignMinutes';
  data: { meetingId: string; residentId: string };
  attended: boolean;
  meeting: MeetingState;
}

export interface ApproveMinutes {
  type: 'ApproveMinutes';
  data: { meetingId: string };
}

export interface CorrectMinutes {
  type: 'CorrectMinutes';
  data: { meetingId: string; text: string; reason: string };
}

export function draftMinutes(
  command: DraftMinutes,
  state: MinutesState,
): MinutesEventOf<'MinutesDrafted'>[] {
  const { meeting, data } = command;
  if (meeting.status === 'none') {
    return refuse(
      'not_found',
      'meeting_not_found',
      `找不到会议（编号 ${data.meetingId}）。`,
      `There is no meeting with id ${data.meetingId}.`,
    );
  }
  if (meeting.status !== 'closed') {
    return refuse(
      'conflict',
      'meeting_open',
      '会议结束后才能起草纪要。',
      'Minutes are drafted once the meeting is closed.',
    );
  }
  if (state.status === 'approved') return alreadyApproved();
  if (state.status === 'draft' && state.text === data.text) return [];
  return [
    {
      type: 'MinutesDrafted',
      data: {
        ...data,
        communityId: meeting.communityId,
        streetId: meeting.streetId,
        draftNo: state.status === 'none' ? 1 : state.draftNo + 1,
      },
    },
  ];
}

export function circulateMinutes(
  command: CirculateMinutes,
  state: MinutesState,
): MinutesEventOf<'MinutesCirculated'>[] {
  if (state.status === 'none') return notDrafted();
  if (state.status === 'approved') return alreadyApproved();
  if (state.status === 'circulated') return [];
  return [
    {
      type: 'MinutesCirculated',
      data: { meetingId: command.data.meetingId, draftNo: state.draftNo },
    },
  ];
}

export function requestMinutesCorrection(
  command: RequestMinutesCorrection,
  state: MinutesState,
): MinutesEventOf<'MinutesCorrectionRequested'>[] {
  const draft = requireCirculated(state);
  if (!command.attended) {
    return refuse(
      'forbidden',
      'not_an_attendee',
      '只有参加了这次会议的人才能对纪要提出更正。',
      'Only those who attended the meeting can ask for corrections of its minutes.',
    );
  }
  if (draft.requests.includes(command.data.residentId)) return [];
  return [
    {
      type: 'MinutesCorrectionRequested',
      data: { ...command.data, draftNo: draft.draftNo },
    },
  ];
}

export function signMinutes(
  command: SignMinutes,
  state: MinutesState,
): MinutesEventOf<'MinutesSigned'>[] {
  const draft = requireCirculated(state);
  const { residentId } = command.data;
  const { meeting } = command;
  const onRoster =
    meeting.status !== 'none' && meeting.roster.some((line) => line.residentId === residentId);
  if (!onRoster || !command.attended) {
    return refuse(
      'forbidden',
      'not_a_member_present',
      '只有到会的议事成员才能签认纪要。',
      'Only members of the body who attended the meeting sign its minutes.',
    );
  }
  if (draft.signedBy.includes(residentId)) return [];
  return [{ type: 'MinutesSigned', data: { ...command.data, draftNo: draft.draftNo } }];
}

export function approveMinutes(
  command: ApproveMinutes,
  state: MinutesState,
): MinutesEventOf<'MinutesApproved'>[] {
  if (state.status === 'approved') return [];
  const draft = requireCirculated(state);
  if (draft.requests.length > 0) {
    return refuse(
      'conflict',
      'corrections_pending',
      `有 ${draft.requests.length} 项更正请求：请修改纪要草稿后重新传阅。`,
      `${draft.requests.length} corrections were asked for: redraft the minutes and circulate them again.`,
    );
  }
  if (draft.signedBy.length === 0) {
    return refuse(
      'conflict',
      'minutes_unsigned',
      '还没有到会成员签认纪要，不能通过。',
      'No member who attended has signed the minutes yet.',
    );
  }
  return [
    {
      type: 'MinutesApproved',
      data: {
        meetingId: command.data.meetingId,
        draftNo: draft.draftNo,
        text: draft.text,
        signedBy: draft.signedBy,
      },
    },
  ];
}

export function correctMinutes(
  command: CorrectMinutes,
  state: MinutesState,
): MinutesEventOf<'MinutesCorrected'>[] {
  if (state.status !== 'approved') {
    return refuse(
      'conflict',
      'minutes_not_approved',
      '纪要通过后才需要以新版本更正；通过前请直接修改草稿。',
      'Only approved minutes are corrected as a new version; before that, redraft them.',
    );
  }
  if (state.text === command.data.text) {
    return refuse(
      'invalid',
      'no_change',
      '更正后的纪要与现行版本相同。',
      'The corrected minutes are the same as the current version.',
      'text',
    );
  }
  return [{ type: 'MinutesCorrected', data: { ...command.data, version: state.version + 1 } }];
}

function requireCirculated(state: MinutesState) {
  if (state.status === 'approved') return alreadyApproved();
  if (state.status !== 'circulated') {
    return refuse(
      'conflict',
      'minutes_not_circulated',
      '纪要草稿还没有传阅。',
      'The draft minutes have not been circulated.',
    );
  }
  return state;
}

const notDrafted = (): never =>
  refuse('not_found', 'minutes_not_drafted', '纪要还没有起草。', 'No minutes have been drafted.');

const alreadyApproved = (): never =>
  refuse(
    'conflict',
    'minutes_approved',
    '纪要已经通过，不能再修改；如需更正，请发布更正版本并说明理由。',
    'The minutes are approved and cannot change; publish a corrected version with a reason.',
  );
