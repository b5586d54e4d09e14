// The steps every demo body's history is written with, through the same commands as the meeting
// procedures: a body established with its roster, and a meeting held (convened with notice, signed
// in, its one motion tabled and voted on, closed). Each community's file says only what differs:
// its roster, its months, who came, which notices were late.
import { meetingCommands, meetingTopicCommands } from '@gongzhi/api';
import {
  defaultBodyRules,
  quorumNeeded,
  type BodyKind,
  type BodyRules,
  type MemberKind,
  type MemberRole,
} from '@gongzhi/domain';
import { rosterResidentsOf } from '../roster-residents.ts';
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

/** The day (offset) of the meetings of month 1…12 of the past year: every 30 days, a week ago last. */
export const heldInMonth = (month: number) => -(365 - 30 * month) - 2;

/** A body of three voting members: the community's roster residents, the first in the chair. */
export function bodyOf(
  communityId: string,
  streetId: string,
  kind: BodyKind,
  name: string,
  kinds: [MemberKind, MemberKind, MemberKind],
): DemoBody {
  return {
    bodyId: `demo-body-${communityId}`,
    communityId,
    streetId,
    kind,
    name,
    rules: defaultBodyRules(kind),
    roster: rosterResidentsOf(communityId).map((residentId, i) => ({
      residentId,
      role: i === 0 ? 'chair' : 'member',
      kind: kinds[i]!,
    })),
  };
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

/** A body's year: its meetings by month, as many days' notice, as many voting members present. */
export interface DemoYear {
  body: DemoBody;
  worker: string;
  /** The day (offset) the body was set up and its roster joined. */
  from: number;
  place: string;
  /**
   * Who carries out the motions its meetings vote on (the residents' or villagers' committee);
   * without it the meetings discuss their item and vote on nothing, which keeps the seed short.
   */
  motionsCarriedOutBy?: string;
  meetings: {
    month: number;
    noticeDays: number;
    present: number;
    topic: string;
    /** An accepted topic that becomes the item (its title then is the topic's). */
    topicId?: string;
  }[];
}

/** The voting members of a demo roster, in the order they sign in. */
const votingMembers = (roster: readonly RosterLine[]) =>
  roster.filter((line) => line.role !== 'recorder').map((line) => line.residentId);

/**
 * Holds a year's meetings: the first `present` voting members sign in (by the code and by the
 * worker in turn); when the body votes and they make a quorum, the motion on the item passes, one
 * against when more than two came.
 */
export async function holdYear(by: By, day: Day, year: DemoYear): Promise<void> {
  const { body, worker, place } = year;
  const members = votingMembers(body.roster);
  const needed = quorumNeeded(body.rules.quorum, members.length);
  for (const { month, noticeDays, present, topic, topicId } of year.meetings) {
    const heldOn = heldInMonth(month);
    const against = present > 2 ? 1 : 0;
    await holdMeeting(by, {
      bodyId: body.bodyId,
      meetingId: meetingOfMonth(body.communityId, month),
      worker,
      title: `${topic}议事会`,
      item: topicId ? { topicId } : topic,
      noticedOn: heldOn - noticeDays,
      heldOn,
      startsAt: evening(day(heldOn)),
      place,
      comers: members.slice(0, present).map((residentId, i) => ({
        residentId,
        via: i % 2 === 0 ? ('code' as const) : ('worker' as const),
      })),
      ...(year.motionsCarriedOutBy && present >= needed
        ? {
            motion: {
              text: `同意「${topic}」的方案，由${year.motionsCarriedOutBy}牵头落实。`,
              for: present - against,
              against,
              abstain: 0,
            },
          }
        : {}),
    });
  }
}

/** A demo body's meeting of month 1…12: `demo-meeting-<community>-<MM>`. */
export const meetingOfMonth = (communityId: string, month: number) =>
  `demo-meeting-${communityId}-${String(month).padStart(2, '0')}`;
