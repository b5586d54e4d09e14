// The meeting module's older event versions, lifted to the current ones when read (the log is
// never rewritten). v2 let a body belong to a street (communityId null); a community's v1 body,
// meeting, minutes and resolution are valid v2 data as they stand, so each step only records
// that they are read as v2.
import type { EventUpcasters } from '../shared/events.ts';

const unchanged = (data: unknown): unknown => data;

export const meetingUpcasters: EventUpcasters = {
  MeetingBodyEstablished: { 1: unchanged },
  MeetingConvened: { 1: unchanged },
  MinutesDrafted: { 1: unchanged },
  ResolutionAssigned: { 1: unchanged },
};
