// What the meeting pages read: a body with its roster as of a day, a meeting's notice, its live
// quorum, its attendance and its motions. Names come from the resident read model, for staff
// only; the public sees counts by kind.
import {
  memberKinds,
  quorumHolds,
  quorumNeeded,
  rosterOn,
  type MemberKind,
  type VoteChoice,
} from '@gongzhi/domain';
import {
  listAttendance,
  listBodies,
  listFollowedBodies,
  listMeetings,
  listMotions,
  listSpells,
  readBody,
  readMeeting,
  type MeetingView,
  type MotionView,
  type BodyLevel,
} from '@gongzhi/projections/meeting';
import { readResident } from '@gongzhi/projections/resident';
import type { Context } from '../context.ts';
import { bodyNotFound, meetingNotFound } from './procedure-helpers.ts';

const db = (ctx: Context) => ctx.services.readModels.db;

async function nameOf(ctx: Context, residentId: string): Promise<string | null> {
  return (await readResident(db(ctx), residentId))?.name ?? null;
}

/** A body with its roster on `asOf` (YYYY-MM-DD) and every spell, names included (staff). */
export async function readBodyRoster(ctx: Context, bodyId: string, asOf: string) {
  const body = await readBody(db(ctx), bodyId);
  if (!body) return bodyNotFound(bodyId);
  const spells = await listSpells(db(ctx), bodyId);
  const roster = await Promise.all(
    rosterOn(spells, asOf).map(async (line) => ({
      ...line,
      name: await nameOf(ctx, line.residentId),
    })),
  );
  return { body, asOf, roster, spells };
}

/** A community's or a street's own bodies, each saying whether `viewer` (a resident) follows it. */
export async function listBodiesAt(ctx: Context, level: BodyLevel, viewer?: string) {
  const [bodies, followed] = await Promise.all([
    listBodies(db(ctx), level),
    viewer ? listFollowedBodies(db(ctx), viewer) : new Set<string>(),
  ]);
  return bodies.map((body) => ({ ...body, following: followed.has(body.bodyId) }));
}

/** The live quorum of a meeting: voting members entitled and present, and what the rule needs. */
function quorumOf(meeting: MeetingView, present: ReadonlySet<string>) {
  const entitled = meeting.roster.filter((line) => line.role !== 'recorder');
  const here = entitled.filter((line) => present.has(line.residentId)).length;
  return {
    rule: meeting.rules.quorum,
    entitled: entitled.length,
    present: here,
    needed: quorumNeeded(meeting.rules.quorum, entitled.length),
    holds: quorumHolds(meeting.rules.quorum, here, entitled.length),
  };
}

/**
 * A motion as the public reads it: the tally and the frozen figures, without who voted how or
 * who was present (named votes name residents by id).
 */
function publicMotion(motion: MotionView) {
  const { vote, ...rest } = motion;
  if (!vote) return { ...rest, vote: null };
  const tally =
    vote.vote.method === 'count'
      ? vote.vote
      : {
          for: vote.vote.votes.filter((v) => v.choice === 'for').length,
          against: vote.vote.votes.filter((v) => v.choice === 'against').length,
          abstain: vote.vote.votes.filter((v) => v.choice === 'abstain').length,
        };
  return {
    ...rest,
    vote: {
      method: vote.vote.method,
      for: tally.for,
      against: tally.against,
      abstain: tally.abstain,
      present: vote.present.length,
      entitled: vote.entitled,
      majority: vote.majority,
      needed: vote.needed,
      passed: vote.passed,
    },
  };
}

/** How many of the roster are of each kind, for the public notice. */
function participantsByKind(meeting: MeetingView) {
  const counts = new Map<MemberKind, number>();
  for (const line of meeting.roster) counts.set(line.kind, (counts.get(line.kind) ?? 0) + 1);
  return memberKinds
    .filter((k) => counts.has(k))
    .map((kind) => ({ kind, count: counts.get(kind)! }));
}

/**
 * A meeting as the public reads it: the notice (agenda, time, place, participants by kind, late
 * notice flagged), the live quorum, how many attend, the motions and their results.
 */
export async function readPublicMeeting(ctx: Context, meetingId: string) {
  const meeting = await readMeeting(db(ctx), meetingId);
  if (!meeting) return meetingNotFound(meetingId);
  const [attendance, motions, body] = await Promise.all([
    listAttendance(db(ctx), meetingId),
    listMotions(db(ctx), meetingId),
    readBody(db(ctx), meeting.bodyId),
  ]);
  const present = new Set(attendance.filter((a) => a.present).map((a) => a.residentId));
  const { roster, ...notice } = meeting;
  return {
    ...notice,
    bodyName: body?.name ?? '',
    participants: participantsByKind(meeting),
    rosterSize: roster.length,
    quorum: quorumOf(meeting, present),
    attendees: {
      members: attendance.filter((a) => a.present && a.as === 'member').length,
      others: attendance.filter((a) => a.present && a.as === 'attendee').length,
    },
    motions: motions.map(publicMotion),
  };
}

/** A meeting with who is on its roster and who signed in, by name (staff running it). */
export async function readMeetingAttendance(ctx: Context, meetingId: string) {
  const meeting = await readPublicMeeting(ctx, meetingId);
  const full = (await readMeeting(db(ctx), meetingId))!;
  const attendance = await listAttendance(db(ctx), meetingId);
  const byId = new Map(attendance.map((a) => [a.residentId, a]));
  const roster = await Promise.all(
    full.roster.map(async (line) => ({
      ...line,
      name: await nameOf(ctx, line.residentId),
      attendance: byId.get(line.residentId) ?? null,
    })),
  );
  const onRoster = new Set(full.roster.map((l) => l.residentId));
  const others = await Promise.all(
    attendance
      .filter((a) => !onRoster.has(a.residentId))
      .map(async (a) => ({ ...a, name: await nameOf(ctx, a.residentId) })),
  );
  // Who voted how in each named vote, by name (the public reads only the tally).
  const namedVotes: Record<
    string,
    { residentId: string; name: string | null; choice: VoteChoice }[]
  > = {};
  for (const motion of await listMotions(db(ctx), meetingId)) {
    if (motion.vote?.vote.method !== 'named') continue;
    namedVotes[motion.motionId] = await Promise.all(
      motion.vote.vote.votes.map(async (v) => ({ ...v, name: await nameOf(ctx, v.residentId) })),
    );
  }
  return { ...meeting, roster, others, namedVotes };
}

export const listMeetingsAt = async (ctx: Context, level: BodyLevel) =>
  (await listMeetings(db(ctx), level)).map(({ roster, ...meeting }) => ({
    ...meeting,
    rosterSize: roster.length,
  }));
