// A worker's erasure (注销) of a resident: a grave act, so a workflow on the resident's stream.
// A community worker of a community the resident has a verified tie to requests it on the
// resident's written request; a second person (another worker of that community, or an officer
// of its street: the API checks who) confirms it, which sets when it is due; until then anyone
// allowed to confirm it, the requester or the resident can stop it with a reason; once due, the
// server carries it out (ResidentForgotten). One erasure is pending at a time. The resident's own
// "forget me" needs none of this.
import { refuse } from '../shared/errors.ts';
import type { ResidentEventOf, TieKind } from './events.ts';

export interface PendingErasure {
  erasureId: string;
  communityId: string;
  streetId: string;
  requestedBy: string;
  writtenRequestRef: string;
  /** Set once a second person confirmed it. */
  confirmedBy: string | undefined;
  /** ISO time after which it is carried out; set on confirmation. */
  dueAt: string | undefined;
}

export type ErasureCommand =
  | {
      type: 'RequestErasure';
      data: {
        residentId: string;
        erasureId: string;
        communityId: string;
        requestedBy: string;
        writtenRequestRef: string;
      };
    }
  | {
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
  | {
      type: 'StopErasure';
      data: { residentId: string; erasureId: string; stoppedBy: string; reason: string };
      /** The community the caller acts in (staff); absent when the resident stops it. */
      communityId?: string;
    }
  | {
      /** The server carries out a confirmed erasure whose time has come. */
      type: 'ExecuteErasure';
      data: { residentId: string; erasureId: string };
      /** ISO time now. */
      now: string;
    };

/** What erasure decisions read of an active resident. */
export interface ErasureSubject {
  residentId: string;
  ties: readonly { communityId: string; streetId: string; kind: TieKind; status: string }[];
  erasure: PendingErasure | undefined;
}

type ErasureEvent = ResidentEventOf<
  | 'ResidentErasureRequested'
  | 'ResidentErasureConfirmed'
  | 'ResidentErasureStopped'
  | 'ResidentForgotten'
>;

export function decideErasure(command: ErasureCommand, resident: ErasureSubject): ErasureEvent[] {
  switch (command.type) {
    case 'RequestErasure': {
      const { data } = command;
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

    case 'ConfirmErasure': {
      const { residentId, erasureId, communityId, confirmedBy, dueAt } = command.data;
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

    case 'StopErasure': {
      const { residentId, erasureId, stoppedBy, reason } = command.data;
      requirePending(resident, erasureId, command.communityId);
      return [
        {
          type: 'ResidentErasureStopped',
          data: { residentId, erasureId, stoppedBy, personal: { reason } },
        },
      ];
    }

    case 'ExecuteErasure': {
      const { residentId, erasureId } = command.data;
      const erasure = requirePending(resident, erasureId);
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
  }
}

/** The state after an erasure event; `undefined` once none is pending. */
export function evolveErasure(
  erasure: PendingErasure | undefined,
  event: ResidentEventOf<
    'ResidentErasureRequested' | 'ResidentErasureConfirmed' | 'ResidentErasureStopped'
  >,
): PendingErasure | undefined {
  switch (event.type) {
    case 'ResidentErasureRequested': {
      const { erasureId, communityId, streetId, requestedBy, writtenRequestRef } = event.data;
      return {
        erasureId,
        communityId,
        streetId,
        requestedBy,
        writtenRequestRef,
        confirmedBy: undefined,
        dueAt: undefined,
      };
    }
    case 'ResidentErasureConfirmed':
      return (
        erasure && { ...erasure, confirmedBy: event.data.confirmedBy, dueAt: event.data.dueAt }
      );
    case 'ResidentErasureStopped':
      return undefined;
  }
}

function requirePending(
  resident: ErasureSubject,
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
