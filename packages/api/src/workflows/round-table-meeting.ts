// A screening round-table (邻里圆桌会) held as a meeting: a workflow above the meeting and
// proposal modules. The meeting of a round-table body votes a motion on each proposal; each
// motion it adopted admits its proposal to the pool, rejects it or returns it to its author, and
// the proposal module records the round-table (RoundTableHeld, named by the meeting's id, so once
// per meeting) and the decisions, exactly as a round-table recorded after the fact. Round-tables
// recorded before keep reading as they were: no event is rewritten.
import { chinaDate, refuse, type AttendeeRole, type MemberKind } from '@gongzhi/domain';
import { readState, type Writer } from '../commands.ts';
import { meetingRecord } from '../meeting/commands.ts';
import { recordRoundTable, type RoundTableDecision } from '../proposal/commands.ts';

/** How a round-table member's kind is listed among the round-table's attendees (no names). */
const ATTENDEE_ROLE: Record<MemberKind, AttendeeRole> = {
  resident: 'resident_representative',
  party_organisation: 'other',
  committee: 'community_worker',
  owners_committee: 'owners_committee',
  property_company: 'property_company',
  social_organisation: 'social_organisation',
  unit: 'other',
  expert: 'consultant',
};

export interface RoundTableMeetingDecisions {
  meetingId: string;
  cycleId: string;
  /** Each adopted motion with the proposal it decides and how. */
  decisions: (RoundTableDecision & { motionId: string })[];
}

export async function decideAtRoundTableMeeting(w: Writer, input: RoundTableMeetingDecisions) {
  const { state: meeting } = await readState(w.store, meetingRecord(input.meetingId));
  if (meeting.status === 'none') {
    return refuse(
      'not_found',
      'meeting_not_found',
      `找不到会议（编号 ${input.meetingId}）。`,
      `There is no meeting with id ${input.meetingId}.`,
    );
  }
  // A street's body holds no screening round-table: proposals are screened in their community.
  if (meeting.bodyKind !== 'round_table' || meeting.communityId === null) {
    return refuse(
      'conflict',
      'not_a_round_table',
      '只有邻里圆桌会的决议才能决定建议是否进入备选池。',
      'Only a round-table’s resolutions decide whether proposals enter the pool.',
    );
  }
  const present = new Set<string>();
  for (const { motionId } of input.decisions) {
    const motion = meeting.motions.find((mo) => mo.motionId === motionId);
    if (!motion?.vote?.passed) {
      return refuse(
        'conflict',
        'motion_not_adopted',
        '只能依据会上表决通过的动议作出决定。',
        'A decision can only follow a motion the meeting adopted.',
        'decisions',
      );
    }
    for (const residentId of motion.vote.present) present.add(residentId);
  }
  const attendees = meeting.roster
    .filter((line) => present.has(line.residentId) || line.role === 'recorder')
    .map((line) => ({
      role:
        line.role === 'chair' || line.role === 'recorder' ? line.role : ATTENDEE_ROLE[line.kind],
    }));
  return recordRoundTable(w, {
    roundTableId: meeting.meetingId,
    cycleId: input.cycleId,
    communityId: meeting.communityId,
    date: chinaDate(meeting.startsAt),
    attendees,
    decisions: input.decisions.map(({ motionId: _motion, ...decision }) => decision),
  });
}
