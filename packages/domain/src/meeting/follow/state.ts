// One resident following one body: stream `meetingfollow-<bodyId>-<residentId>`.
import type { BodyFollowEvent } from './events.ts';

export type BodyFollowState = { following: boolean };

export const initialBodyFollowState = (): BodyFollowState => ({ following: false });

export const evolveBodyFollow = (_state: BodyFollowState, event: BodyFollowEvent) => ({
  following: event.type === 'BodyFollowed',
});
