// A resolution's follow-through (落实反馈): assigned for an adopted motion, progress reported,
// closed with a report back. State, evolve and decision in one file: a small stream.
import type { Decider } from '../../shared/decider.ts';
import { refuse } from '../../shared/errors.ts';
import type { MeetingState } from '../state.ts';
import {
  resolutionOverdue,
  type ResolutionEvent,
  type ResolutionEventData,
  type ResolutionEventOf,
} from './events.ts';

export type ResolutionState =
  | { status: 'none' }
  | { status: 'open' | 'closed'; resolutionId: string; dueOn: string; reports: string[] };

export interface AssignResolution {
  type: 'AssignResolution';
  data: Omit<ResolutionEventData<'ResolutionAssigned'>, 'communityId' | 'streetId' | 'text'>;
  meeting: MeetingState;
  /** The motion's text (read by the handler from the read model); null when unknown. */
  motionText: string | null;
  today: string;
}

export interface ReportResolutionProgress {
  type: 'ReportResolutionProgress';
  data: ResolutionEventData<'ResolutionProgressReported'>;
}

export interface CloseResolution {
  type: 'CloseResolution';
  data: Omit<ResolutionEventData<'ResolutionClosed'>, 'late'>;
}

export type ResolutionCommand = AssignResolution | ReportResolutionProgress | CloseResolution;

export const initialResolutionState = (): ResolutionState => ({ status: 'none' });

export function evolveResolution(state: ResolutionState, event: ResolutionEvent): ResolutionState {
  switch (event.type) {
    case 'ResolutionAssigned':
      return {
        status: 'open',
        resolutionId: event.data.resolutionId,
        dueOn: event.data.dueOn,
        reports: [],
      };
    case 'ResolutionProgressReported':
      return state.status === 'none'
        ? state
        : { ...state, reports: [...state.reports, event.data.text] };
    case 'ResolutionClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
  }
}

export function assignResolution(
  command: AssignResolution,
  state: ResolutionState,
): ResolutionEventOf<'ResolutionAssigned'>[] {
  if (state.status !== 'none') return [];
  const { meeting, data } = command;
  const motion =
    meeting.status === 'none'
      ? undefined
      : meeting.motions.find((m) => m.motionId === data.motionId);
  if (meeting.status === 'none' || !motion || command.motionText === null) {
    return refuse('not_found', 'motion_not_found', '找不到这项动议。', 'There is no such motion.');
  }
  if (!motion.vote?.passed) {
    return refuse(
      'conflict',
      'motion_not_adopted',
      '只有表决通过的动议才需要落实。',
      'Only a motion that was adopted is followed through.',
    );
  }
  if (data.dueOn < command.today) {
    return refuse(
      'invalid',
      'due_in_past',
      '完成期限不能早于今天。',
      'The due day cannot be before today.',
      'dueOn',
    );
  }
  return [
    {
      type: 'ResolutionAssigned',
      data: {
        ...data,
        communityId: meeting.communityId,
        streetId: meeting.streetId,
        text: command.motionText,
      },
    },
  ];
}

export function reportResolutionProgress(
  command: ReportResolutionProgress,
  state: ResolutionState,
): ResolutionEventOf<'ResolutionProgressReported'>[] {
  requireOpen(state);
  return [{ type: 'ResolutionProgressReported', data: command.data }];
}

export function closeResolution(
  command: CloseResolution,
  state: ResolutionState,
): ResolutionEventOf<'ResolutionClosed'>[] {
  if (state.status === 'closed') return [];
  const open = requireOpen(state);
  return [
    {
      type: 'ResolutionClosed',
      data: { ...command.data, late: resolutionOverdue(open.dueOn, command.data.on) },
    },
  ];
}

function requireOpen(state: ResolutionState) {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'resolution_not_found',
      '找不到这项决议的落实记录。',
      'There is no such resolution.',
    );
  }
  if (state.status === 'closed') {
    return refuse(
      'conflict',
      'resolution_closed',
      '这项决议已经办结并反馈。',
      'This resolution is closed and reported back.',
    );
  }
  return state;
}

export function decideResolution(
  command: ResolutionCommand,
  state: ResolutionState,
): ResolutionEvent[] {
  switch (command.type) {
    case 'AssignResolution':
      return assignResolution(command, state);
    case 'ReportResolutionProgress':
      return reportResolutionProgress(command, state);
    case 'CloseResolution':
      return closeResolution(command, state);
  }
}

export const resolutionDecider: Decider<ResolutionCommand, ResolutionEvent, ResolutionState> = {
  initialState: initialResolutionState,
  evolve: evolveResolution,
  decide: decideResolution,
};

export function describeResolutionEvent(event: ResolutionEvent) {
  switch (event.type) {
    case 'ResolutionAssigned':
      return {
        'zh-CN': '明确了决议的落实责任和期限',
        en: 'assigned the resolution’s owner and due day',
      };
    case 'ResolutionProgressReported':
      return { 'zh-CN': '报告了落实进展', en: 'reported progress' };
    case 'ResolutionClosed':
      return { 'zh-CN': '办结并反馈了决议', en: 'closed the resolution with a report back' };
  }
}
