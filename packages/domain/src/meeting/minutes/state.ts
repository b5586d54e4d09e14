// The minutes of one meeting: stream `meetingminutes-<meetingId>`. Drafts until approval (the
// current draft circulated or not, its correction requests and signatures), then published
// versions, each immutable.
import type { MinutesEvent } from './events.ts';

export type MinutesState =
  | { status: 'none' }
  | {
      status: 'draft' | 'circulated';
      meetingId: string;
      draftNo: number;
      text: string;
      /** Who asked for corrections of the current draft. */
      requests: string[];
      signedBy: string[];
    }
  | {
      status: 'approved';
      meetingId: string;
      /** The latest published version (1 at approval). */
      version: number;
      text: string;
    };

export const initialMinutesState = (): MinutesState => ({ status: 'none' });

export function evolveMinutes(state: MinutesState, event: MinutesEvent): MinutesState {
  switch (event.type) {
    case 'MinutesDrafted':
      return {
        status: 'draft',
        meetingId: event.data.meetingId,
        draftNo: event.data.draftNo,
        text: event.data.text,
        requests: [],
        signedBy: [],
      };
    case 'MinutesCirculated':
      return state.status === 'draft' ? { ...state, status: 'circulated' } : state;
    case 'MinutesCorrectionRequested':
      return state.status === 'circulated'
        ? { ...state, requests: [...state.requests, event.data.residentId] }
        : state;
    case 'MinutesSigned':
      return state.status === 'circulated'
        ? { ...state, signedBy: [...state.signedBy, event.data.residentId] }
        : state;
    case 'MinutesApproved':
      return {
        status: 'approved',
        meetingId: event.data.meetingId,
        version: 1,
        text: event.data.text,
      };
    case 'MinutesCorrected':
      return state.status === 'approved'
        ? { ...state, version: event.data.version, text: event.data.text }
        : state;
  }
}
