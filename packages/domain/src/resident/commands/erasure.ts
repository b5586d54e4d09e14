// Forgetting a resident. The resident's own "forget me" is one command. A worker's erasure (注销)
// is a grave act, so a workflow on the resident's stream: a community worker of a community the
// resident has a verified tie to requests it on the resident's written request; a second person
// (another worker of that community, or an officer of its street: the API checks who) confirms
// it, which sets when it is due; until then anyone allowed to confirm it, the requester or the
// resident can stop it with a reason; once due, the server carries it out (ResidentForgotten).
// One erasure is pending at a time.
//
// Forgetting again changes nothing, so that the rest of an erasure (deleting the key, releasing
// the number) can be retried after a failure.
import { refuse } from '../../shared/errors.ts';
import type { ResidentEventOf } from '../events.ts';
import type { PendingErasure, RegisteredResident, ResidentState } from '../state.ts';
import { refuseUnknown, requireActive } from './rules.ts';

export interface ForgetResident {
  /** The resident's own "forget me". */
  type: 'ForgetResident';
  data: { residentId: string; requestedBy: 'self' };
}

export interface RequestErasure {
  type: 'RequestErasure';
  data: {
    residentId: string;
    erasureId: string;
    communityId: string;
    requestedBy: string;
    writtenRequestRef: string;
  };
}

export interface ConfirmErasure {
  type: 'ConfirmErasure';
  data: {
    residentId: string;
    erasureId: string;
    /** The community the confirmer acts in: it must be the erasure's. */
    communityId: string;
    confirmedBy: string;
    dueAt: string;
  };
}

export interface StopErasure {
  type: 'StopErasure';
  data: { residentId: string; erasureId: string; stoppedBy: string; reason: string };
  /** The community the caller acts in (staff); absent when the resident stops it. */
  communityId?: string;
}

export interface ExecuteErasure {
  /** The server carries out a confirmed erasure whose time has come. */
  type: 'ExecuteErasure';
  data: { residentId: string; erasureId: string };
  /** ISO time now. */
  now: string;
}

/** A worker's erasure, step by step. */
export type ErasureCommand = RequestErasure | ConfirmErasure | StopErasure | ExecuteErasure;

export function forgetResident(
  command: ForgetResident,
  state: ResidentState,
): ResidentEventOf<'ResidentForgotten'>[] {
  if (state.status === 'none') refuseUnknown(command.data.residentId);
  if (state.status === 'forgotten') return [];
  return [{ type: 'ResidentForgotten', data: command.data }];
}

export function requestErasure(
  command: RequestErasure,
  state: ResidentState,
): ResidentEventOf<'ResidentErasureRequested'>[] {
  const { data } = command;
  const resident = requireActive(state, data.residentId);
  if (data.requestedBy === resident.residentId) {
    return refuse(
      'forbidden',
      'erasure_of_self',
      '注销自己的个人信息，请在“我的”页面办理。',
      'To be forgotten yourself, use your own profile page.',
    );
  }
  const tie = resident.ties.find(
    (t) => t.communityId === data.communityId && t.status === 'verified',
  );
  if (!tie) {
    return refuse(
      'not_found',
      'resident_not_in_community',
      '该居民与本社区没有经核实的联系，不能由本社区办理注销。',
      'This resident has no verified tie to this community; its workers cannot erase them.',
    );
  }
  if (resident.erasure) {
    return refuse(
      'conflict',
      'erasure_pending',
      '已有一项注销申请在办理中。',
      'An erasure of this resident is already under way.',
    );
  }
  return [{ type: 'ResidentErasureRequested', data: { ...data, streetId: tie.streetId } }];
}

export function confirmErasure(
  command: ConfirmErasure,
  state: ResidentState,
): ResidentEventOf<'ResidentErasureConfirmed'>[] {
  const { residentId, erasureId, communityId, confirmedBy, dueAt } = command.data;
  const resident = requireActive(state, residentId);
  const erasure = requirePending(resident, erasureId, communityId);
  if (erasure.confirmedBy !== undefined) {
    return refuse(
      'conflict',
      'erasure_already_confirmed',
      '这项注销申请已经确认过了。',
      'This erasure has already been confirmed.',
    );
  }
  if (confirmedBy === erasure.requestedBy || confirmedBy === residentId) {
    return refuse(
      'forbidden',
      'erasure_same_person',
      '注销须由提出申请者以外的另一位社区工作者或街道工作人员确认。',
      'An erasure must be confirmed by a second person: another worker of the community or an officer of its street.',
    );
  }
  return [
    { type: 'ResidentErasureConfirmed', data: { residentId, erasureId, confirmedBy, dueAt } },
  ];
}

export function stopErasure(
  command: StopErasure,
  state: ResidentState,
): ResidentEventOf<'ResidentErasureStopped'>[] {
  const { residentId, erasureId, stoppedBy, reason } = command.data;
  const resident = requireActive(state, residentId);
  requirePending(resident, erasureId, command.communityId);
  return [
    {
      type: 'ResidentErasureStopped',
      data: { residentId, erasureId, stoppedBy, personal: { reason } },
    },
  ];
}

export function executeErasure(
  command: ExecuteErasure,
  state: ResidentState,
): ResidentEventOf<'ResidentForgotten'>[] {
  const { residentId, erasureId } = command.data;
  if (state.status === 'none') refuseUnknown(residentId);
  // Carried out already: see above.
  if (state.status === 'forgotten') return [];
  const erasure = requirePending(state, erasureId);
  if (erasure.dueAt === undefined || command.now < erasure.dueAt) {
    return refuse(
      'conflict',
      'erasure_not_due',
      '这项注销尚未确认或尚未到期。',
      'This erasure has not been confirmed or is not due yet.',
    );
  }
  const { writtenRequestRef } = erasure;
  return [
    {
      type: 'ResidentForgotten',
      data: { residentId, requestedBy: 'worker', writtenRequestRef, erasureId },
    },
  ];
}

function requirePending(
  resident: RegisteredResident,
  erasureId: string,
  communityId?: string,
): PendingErasure {
  const { erasure } = resident;
  if (
    !erasure ||
    erasure.erasureId !== erasureId ||
    (communityId !== undefined && erasure.communityId !== communityId)
  ) {
    return refuse(
      'not_found',
      'erasure_not_found',
      '找不到这项待办的注销申请（可能已被停止或已执行）。',
      'There is no such pending erasure (it may have been stopped or carried out).',
    );
  }
  return erasure;
}
