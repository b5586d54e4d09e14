// A meeting's commands: convening it with notice, tabling motions, voting on them, closing it.
// What other streams say (the body, who is present) comes in the command, read by the handler.
import { refuse } from '../shared/errors.ts';
import { chinaDate } from '../cycle/state.ts';
import type { AgendaItem, MeetingEventData, MeetingEventOf, Vote } from './events.ts';
import { noticeIsLate, quorumHolds, quorumNeeded, motionVotesNeeded } from './rules.ts';
import { rosterOn, type BodyState } from './body/state.ts';
import { requireBody } from './body/commands.ts';
import { votingMembers, type ConvenedMeeting, type MeetingState } from './state.ts';

export interface ConveneMeeting {
  type: 'ConveneMeeting';
  data: {
    meetingId: string;
    bodyId: string;
    title: string;
    agenda: AgendaItem[];
    startsAt: string;
    place: string;
  };
  body: BodyState;
  /** The current instant, ISO-8601 UTC: the notice's time. */
  now: string;
}

export interface TableMotion {
  type: 'TableMotion';
  data: MeetingEventData<'MotionTabled'>;
}

export interface VoteOnMotion {
  type: 'VoteOnMotion';
  data: { meetingId: string; motionId: string; vote: Vote };
  /** Everyone signed in and not gone, read by the handler once the read models are caught up. */
  present: readonly string[];
}

export interface CloseMeeting {
  type: 'CloseMeeting';
  data: { meetingId: string };
}

export function conveneMeeting(
  command: ConveneMeeting,
  state: MeetingState,
): MeetingEventOf<'MeetingConvened'>[] {
  const { data, now } = command;
  if (state.status !== 'none') {
    return refuse(
      'conflict',
      'meeting_exists',
      '这次会议已经召集。',
      'This meeting is convened already.',
    );
  }
  const body = requireBody(command.body, data.bodyId);
  if (data.agenda.length === 0 || data.agenda.length > 30) {
    return refuse(
      'invalid',
      'agenda_size',
      '议程须有 1 至 30 项。',
      'The agenda must have between 1 and 30 items.',
      'agenda',
    );
  }
  if (Date.parse(data.startsAt) <= Date.parse(now)) {
    return refuse(
      'invalid',
      'starts_in_past',
      '会议时间须在发布通知之后。',
      'The meeting must begin after its notice is published.',
      'startsAt',
    );
  }
  const roster = rosterOn(body.spells, chinaDate(data.startsAt));
  if (!roster.some((line) => line.role !== 'recorder')) {
    return refuse(
      'conflict',
      'roster_empty',
      `「${body.name}」在会议当天没有表决成员，请先登记成员。`,
      `“${body.name}” has no voting members on the meeting's day; add members first.`,
    );
  }
  return [
    {
      type: 'MeetingConvened',
      data: {
        ...data,
        communityId: body.communityId,
        streetId: body.streetId,
        bodyKind: body.kind,
        noticedAt: now,
        rules: body.rules,
        lateNotice: noticeIsLate(now, data.startsAt, body.rules.noticeDays),
        roster,
      },
    },
  ];
}

export function tableMotion(
  command: TableMotion,
  state: MeetingState,
): MeetingEventOf<'MotionTabled'>[] {
  const meeting = requireOpenMeeting(state, command.data.meetingId);
  const { data } = command;
  if (meeting.motions.some((m) => m.motionId === data.motionId)) return [];
  if (!meeting.agenda.some((item) => item.itemId === data.itemId)) {
    return refuse(
      'invalid',
      'item_not_on_agenda',
      '这个议题不在会议议程上。',
      'That item is not on the meeting’s agenda.',
      'itemId',
    );
  }
  return [{ type: 'MotionTabled', data }];
}

export function voteOnMotion(
  command: VoteOnMotion,
  state: MeetingState,
): MeetingEventOf<'MotionVoted'>[] {
  const meeting = requireOpenMeeting(state, command.data.meetingId);
  const { motionId, vote } = command.data;
  const motion = meeting.motions.find((m) => m.motionId === motionId);
  if (!motion) {
    return refuse('not_found', 'motion_not_found', '找不到这项动议。', 'There is no such motion.');
  }
  if (motion.vote) {
    return refuse(
      'conflict',
      'motion_voted',
      '这项动议已经表决过了。',
      'This motion has been voted on.',
    );
  }
  const item = meeting.agenda.find((i) => i.itemId === motion.itemId);
  if (item?.reserved && meeting.bodyKind !== 'residents_meeting') {
    return refuse(
      'forbidden',
      'reserved_to_residents_meeting',
      `「${item.title}」是依法应由居民会议决定的事项，议事会不能表决，请提交居民会议。`,
      `“${item.title}” is a matter the law reserves to the residents’ meeting; a council cannot decide it.`,
    );
  }
  const entitled = votingMembers(meeting);
  const present = entitled.filter((id) => command.present.includes(id));
  const { quorum, majority } = meeting.rules;
  if (!quorumHolds(quorum, present.length, entitled.length)) {
    const needed = quorumNeeded(quorum, entitled.length);
    return refuse(
      'conflict',
      'no_quorum',
      `未达到法定人数：应到 ${entitled.length} 人，实到 ${present.length} 人，至少需 ${needed} 人，不能表决。`,
      `No quorum: ${present.length} of ${entitled.length} voting members are present and ${needed} are needed to vote.`,
    );
  }
  const inFavour = countFor(vote, present);
  const needed = motionVotesNeeded(majority, present.length, entitled.length);
  return [
    {
      type: 'MotionVoted',
      data: {
        meetingId: meeting.meetingId,
        motionId,
        vote,
        present,
        entitled: entitled.length,
        majority,
        needed,
        passed: inFavour >= needed,
      },
    },
  ];
}

export function closeMeeting(
  command: CloseMeeting,
  state: MeetingState,
): MeetingEventOf<'MeetingClosed'>[] {
  const meeting = requireMeeting(state, command.data.meetingId);
  if (meeting.status === 'closed') return [];
  return [{ type: 'MeetingClosed', data: { meetingId: meeting.meetingId } }];
}

/** The votes for, once the vote is checked against who is present. */
function countFor(vote: Vote, present: readonly string[]): number {
  if (vote.method === 'count') {
    if (vote.for + vote.against + vote.abstain > present.length) {
      return refuse(
        'invalid',
        'more_votes_than_present',
        `票数合计超过到会表决成员人数（${present.length} 人）。`,
        `The votes add up to more than the ${present.length} voting members present.`,
        'vote',
      );
    }
    return vote.for;
  }
  const seen = new Set<string>();
  for (const { residentId } of vote.votes) {
    if (!present.includes(residentId) || seen.has(residentId)) {
      return refuse(
        'invalid',
        'voter_not_present',
        '记名表决只能由到会的表决成员各投一票。',
        'In a named vote, each voting member present votes once, and only they vote.',
        'vote',
      );
    }
    seen.add(residentId);
  }
  return vote.votes.filter((v) => v.choice === 'for').length;
}

export function requireMeeting(state: MeetingState, meetingId: string): ConvenedMeeting {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'meeting_not_found',
      `找不到会议（编号 ${meetingId}）。`,
      `There is no meeting with id ${meetingId}.`,
    );
  }
  return state;
}

export function requireOpenMeeting(state: MeetingState, meetingId: string): ConvenedMeeting {
  const meeting = requireMeeting(state, meetingId);
  if (meeting.status === 'closed') {
    return refuse('conflict', 'meeting_closed', '会议已经结束。', 'The meeting is closed.');
  }
  return meeting;
}
