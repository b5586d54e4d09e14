// Demo deliberation of 虞山街道 itself: its 议事协商委员会, a street's own body (no community),
// kept by the street officer, whose members come from the street's communities (residents of
// 书院 and 虹桥, a community committee's representative) and from a party organisation, a unit and
// an expert; four quarterly meetings over the past year, each with sign-ins, a motion and its
// vote, closed. They count in the street's vitality index, in no community's.
import { meetingCommands } from '@gongzhi/api';
import { defaultBodyRules, meetingStreams } from '@gongzhi/domain';
import type { By, Day, SeedTarget } from '../writers.ts';
import { streamIsMissing } from '../writers.ts';

export const DEMO_STREET_COMMITTEE = 'demo-body-yushan-committee';

const OFFICER = 'demo-yushan';

const ROSTER = [
  { residentId: 'demo-r-zhao', role: 'chair' as const, kind: 'resident' as const },
  { residentId: 'demo-r-chen', role: 'member' as const, kind: 'resident' as const },
  { residentId: 'demo-r-li', role: 'member' as const, kind: 'committee' as const },
  { residentId: 'demo-r-paper-1', role: 'member' as const, kind: 'party_organisation' as const },
  { residentId: 'demo-r-paper-2', role: 'member' as const, kind: 'unit' as const },
  { residentId: 'demo-r-paper-3', role: 'member' as const, kind: 'expert' as const },
  { residentId: 'demo-r-paper-4', role: 'recorder' as const, kind: 'committee' as const },
];

const TOPICS = [
  '老旧小区加装电梯统筹',
  '街道养老服务中心选址',
  '背街小巷改造排序',
  '年度民生实事项目',
];

export async function seedYushanStreetMeetings(
  target: SeedTarget,
  day: Day,
  by: By,
): Promise<void> {
  if (!(await streamIsMissing(target.store, meetingStreams.body(DEMO_STREET_COMMITTEE)))) return;
  const officer = (offset: number) => by(OFFICER, offset);
  await meetingCommands.establishBody(officer(-380), {
    bodyId: DEMO_STREET_COMMITTEE,
    communityId: null,
    streetId: 'yushan',
    kind: 'residents_council',
    name: '虞山街道议事协商委员会',
    rules: defaultBodyRules('residents_council'),
  });
  for (const line of ROSTER) {
    await meetingCommands.joinBody(officer(-380), {
      bodyId: DEMO_STREET_COMMITTEE,
      ...line,
      from: day(-380),
    });
  }
  // Quarter q (1…4): a meeting at 14:00 China time on day -(380 - 90q), noticed a week before.
  for (const [i, topic] of TOPICS.entries()) {
    const held = -(380 - 90 * (i + 1));
    const meetingId = `demo-meeting-yushan-committee-${i + 1}`;
    await meetingCommands.conveneMeeting(officer(held - 7), {
      meetingId,
      bodyId: DEMO_STREET_COMMITTEE,
      title: `${topic}协商会`,
      agenda: [{ itemId: `${meetingId}-item`, title: topic, reserved: false }],
      startsAt: `${day(held)}T06:00:00.000Z`,
      place: '虞山街道便民服务中心会议室',
    });
    const comers = ROSTER.filter((_, n) => n !== i + 1).map((line) => line.residentId);
    for (const residentId of comers) {
      await meetingCommands.signIn(by(residentId, held), { meetingId, residentId, via: 'code' });
    }
    const motionId = `${meetingId}-motion`;
    await meetingCommands.tableMotion(officer(held), {
      meetingId,
      motionId,
      itemId: `${meetingId}-item`,
      text: `同意「${topic}」的协商意见，报街道党工委研究落实。`,
    });
    await meetingCommands.voteOnMotion(officer(held), {
      meetingId,
      motionId,
      vote: { method: 'count', for: comers.length - 2, against: 0, abstain: 1 },
    });
    await meetingCommands.closeMeeting(officer(held), meetingId);
  }
}
