// The steps every demo body's history is written with, through the same commands as the meeting
// procedures: a body established with its roster, and a meeting held (convened with notice, signed
// in, its one motion tabled and voted on, closed). Each community's file says only what differs:
// its roster, its months, who came, which notices were late.
import { meetingCommands, meetingTopicCommands } from '@gongzhi/api';
import type { BodyKind, BodyRules, MemberKind, MemberRole } from '@gongzhi/domain';
import type { By, Day } from '../writers.ts';

export interface RosterLine {
  residentId: string;
  role: MemberRole;
  kind: MemberKind;
}

export interface DemoBody {
  bodyId: string;
  communityId: string;
  streetId: string;
  kind: BodyKind;
  name: string;
  rules: BodyRules;
  roster: RosterLine[];
}

/** 19:00 China time on a day. */
export const evening = (date: string) => `${date}T11:00:00.000Z`;

/** Establishes the body and puts its roster on it, all from day `from` (an offset). */
export async function establishWithRoster(
  by: By,
  day: Day,
  worker: string,
  from: number,
  { roster, ...body }: DemoBody,
): Promise<void> {
  await meetingCommands.establishBody(by(worker, from), body);
  for (const line of roster) {
    await meetingCommands.joinBody(by(worker, from), {
      bodyId: body.bodyId,
      ...line,
      from: day(from),
    });
  }
}

export interface HeldMeeting {
  bodyId: string;
  meetingId: string;
  /** The staff account that convenes, signs in those without a phone, records and closes. */
  worker: string;
  title: string;
  /** The one agenda item's title; or, with `topicId`, the accepted topic that becomes the item. */
  item: string | { topicId: string };
  /** Offsets: the day the notice was published and the day it was held. */
  noticedOn: number;
  heldOn: number;
  startsAt: string;
  place: string;
  /** In the order they signed in: by the meeting's code on their phone, or by the worker. */
  comers: { residentId: string; via: 'code' | 'worker' }[];
  /** The motion on the item and its show of hands; none when quorum did not hold. */
  motion?: { text: string; for: number; against: number; abstain: number };
}

/** The agenda item's and the motion's ids of a demo meeting. */
export const itemOf = (meetingId: string) => `${meetingId}-item`;
export const motionOf = (meetingId: string) => `${meetingId}-motion`;

/** Convenes, signs in, tables and votes the motion, and closes one meeting. */
export async function holdMeeting(by: By, meeting: HeldMeeting): Promise<void> {
  const { bodyId, meetingId, worker, item, noticedOn, heldOn, motion } = meeting;
  const itemId = itemOf(meetingId);
  const convening = {
    meetingId,
    bodyId,
    title: meeting.title,
    startsAt: meeting.startsAt,
    place: meeting.place,
  };
  if (typeof item === 'string') {
    await meetingCommands.conveneMeeting(by(worker, noticedOn), {
      ...convening,
      agenda: [{ itemId, title: item, reserved: false }],
    });
  } else {
    await meetingTopicCommands.conveneWithTopics(
      by(worker, noticedOn),
      [{ topicId: item.topicId, itemId }],
      { ...convening, agenda: [] },
    );
  }
  for (const { residentId, via } of meeting.comers) {
    const w =
      via === 'code'
        ? by(residentId, heldOn)
        : by(worker, heldOn, { onBehalfOf: residentId, channel: 'offline' });
    await meetingCommands.signIn(w, { meetingId, residentId, via });
  }
  if (motion) {
    const { text, ...vote } = motion;
    const motionId = motionOf(meetingId);
    await meetingCommands.tableMotion(by(worker, heldOn), { meetingId, motionId, itemId, text });
    await meetingCommands.voteOnMotion(by(worker, heldOn), {
      meetingId,
      motionId,
      vote: { method: 'count', ...vote },
    });
  }
  await meetingCommands.closeMeeting(by(worker, heldOn), meetingId);
}
