// The vitality index over HTTP on SQLite and PostgreSQL (`meeting.vitality`, public): a second
// council of 虹桥社区 holds one meeting in the month of the demo 书院 council's third meeting (虹桥's
// demo council met that day too); 书院's month is a small sample, 虹桥's is not; each street's
// figure is the index over all its communities' meetings and bodies and its own (虞山街道's
// committee); anyone recomputes every figure from the public meeting pages; a year gives twelve
// months; an unknown street or community is a 404, a backward range a 400.
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingCommands } from '@gongzhi/api';
import { chinaMonth, vitalityOfMonth, type MeetingFacts } from '@gongzhi/domain';
import type { EventMetadata } from '@gongzhi/eventstore';
import { engines, useApiServer } from './harness.ts';

const DAY_MS = 86_400_000;
const BODY = 'vitality-body-hongqiao';
const MEETING = 'vitality-meeting-hongqiao';
const COMMUNITIES_OF: Record<string, string[]> = {
  yushan: ['shuyuan', 'hongqiao', 'huyuan', 'xiaoyi'],
  qinchuan: ['qinfeng', 'xingfu', 'fangta', 'sanfeng'],
};

interface Figure {
  month: string;
  version: number;
  index: number | null;
  components: { regularity: number; procedure: number; breadth: number };
  smallSample: boolean;
  planned: number;
  evidence: { meetingId: string; communityId: string | null; title: string }[];
}
interface Vitality {
  version: number;
  months: Figure[];
}
interface PublicMeeting {
  startsAt: string;
  status: 'convened' | 'closed';
  lateNotice: boolean;
  quorum: { entitled: number; present: number; holds: boolean };
  motions: { vote: object | null }[];
}

describe.each(engines)('the vitality index over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call } = api;
  const ok = <T>(reply: { status: number; body: { result?: { data: T } } }): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const publicMeeting = async (meetingId: string) =>
    ok<PublicMeeting>(await call('meeting.meeting', { meetingId }, { query: true }));
  const vitality = (input: object) => call<Vitality>('meeting.vitality', input, { query: true });

  let month = '';
  let written = '';

  beforeAll(async () => {
    const march = await publicMeeting('demo-meeting-shuyuan-03');
    month = chinaMonth(march.startsAt);
    const { store, runner } = api.runtime;
    const at = (instant: number): EventMetadata => ({
      actor: 'system',
      channel: 'system',
      correlationId: 'vitality-test',
      occurredAt: new Date(instant).toISOString(),
    });
    const startsAt = Date.parse(march.startsAt);
    const w = { store, readModels: runner, metadata: at(startsAt - 10 * DAY_MS) };
    await meetingCommands.establishBody(w, {
      bodyId: BODY,
      communityId: 'hongqiao',
      streetId: 'yushan',
      kind: 'residents_council',
      name: '虹桥社区居民议事会',
      rules: { quorum: 'two_thirds', majority: 'of_present', noticeDays: 3 },
    });
    const from = new Date(startsAt - 30 * DAY_MS).toISOString().slice(0, 10);
    for (const residentId of ['demo-r-chen', 'demo-r-paper-1', 'demo-r-paper-2']) {
      await meetingCommands.joinBody(w, {
        bodyId: BODY,
        residentId,
        kind: 'resident',
        role: 'member',
        from,
      });
    }
    // Noticed ten days ahead; two of three came; the one motion was voted on.
    await meetingCommands.conveneMeeting(w, {
      meetingId: MEETING,
      bodyId: BODY,
      title: '虹桥社区停车议事会',
      agenda: [{ itemId: `${MEETING}-item`, title: '停车位划线', reserved: false }],
      startsAt: march.startsAt,
      place: '虹桥社区议事厅',
    });
    const onTheDay = { store, readModels: runner, metadata: at(startsAt) };
    for (const residentId of ['demo-r-chen', 'demo-r-paper-1']) {
      await meetingCommands.signIn(onTheDay, { meetingId: MEETING, residentId, via: 'worker' });
    }
    await meetingCommands.tableMotion(onTheDay, {
      meetingId: MEETING,
      motionId: `${MEETING}-motion`,
      itemId: `${MEETING}-item`,
      text: '同意停车位划线方案。',
    });
    await meetingCommands.voteOnMotion(onTheDay, {
      meetingId: MEETING,
      motionId: `${MEETING}-motion`,
      vote: { method: 'count', for: 2, against: 0, abstain: 0 },
    });
    const closed = await meetingCommands.closeMeeting(onTheDay, MEETING);
    written = String(closed.position);
  });

  const figureOf = async (place: object): Promise<Figure> => {
    const { months } = ok(await vitality({ place, from: month, to: month, minPosition: written }));
    expect(months).toHaveLength(1);
    return months[0]!;
  };

  /** What the index counts of a meeting, read off its public page. */
  const factsOf = async (meetingId: string): Promise<MeetingFacts> => {
    const mt = await publicMeeting(meetingId);
    return {
      meetingId,
      startsAt: mt.startsAt,
      status: mt.status,
      lateNotice: mt.lateNotice,
      entitled: mt.quorum.entitled,
      membersPresent: mt.quorum.present,
      quorumHeld: mt.quorum.holds,
      motions: mt.motions.length,
      voted: mt.motions.filter((mo) => mo.vote).length,
    };
  };

  /** The index recomputed from the public meeting pages of the figure's evidence. */
  const recomputed = async (figure: Figure) => {
    const facts: MeetingFacts[] = [];
    for (const { meetingId } of figure.evidence) facts.push(await factsOf(meetingId));
    return vitalityOfMonth(figure.month, figure.planned, facts);
  };

  const meetingIds = (figure: Figure) => figure.evidence.map((e) => e.meetingId);

  it('gives each community its month: a small sample with one meeting held, none with two', async () => {
    // 书院's council met that month; its round-table (seeded too) did not.
    const shuyuan = await figureOf({ type: 'community', communityId: 'shuyuan' });
    expect(shuyuan).toMatchObject({ version: 1, planned: 2, smallSample: true });
    expect(shuyuan.components.regularity).toBe(0.5);
    expect(meetingIds(shuyuan)).toEqual(['demo-meeting-shuyuan-03']);
    // 虹桥's demo council and the test's council each met once.
    const hongqiao = await figureOf({ type: 'community', communityId: 'hongqiao' });
    expect(hongqiao).toMatchObject({ planned: 2, smallSample: false });
    expect(hongqiao.components.regularity).toBe(1);
    expect(hongqiao.evidence).toContainEqual(
      expect.objectContaining({
        meetingId: MEETING,
        communityId: 'hongqiao',
        title: '虹桥社区停车议事会',
      }),
    );
    expect(meetingIds(hongqiao).sort()).toEqual(['demo-meeting-hongqiao-03', MEETING].sort());
    // The test's meeting alone: on time, the motion voted on, two of three present.
    const own = vitalityOfMonth(month, 1, [await factsOf(MEETING)]);
    expect(own.components).toEqual({ regularity: 1, procedure: 1, breadth: 2 / 3 });
    expect(own.index).toBe(91.7);
    for (const figure of [shuyuan, hongqiao]) {
      expect((await recomputed(figure)).index).toBe(figure.index);
    }
  });

  it('gives each street the index over all its communities’ meetings and bodies, and its own', async () => {
    for (const [streetId, communities] of Object.entries(COMMUNITIES_OF)) {
      const street = await figureOf({ type: 'street', streetId });
      const parts = await Promise.all(
        communities.map((communityId) => figureOf({ type: 'community', communityId })),
      );
      // The street's own bodies (虞山街道's committee) count for the street alone.
      const ownBodies = streetId === 'yushan' ? 1 : 0;
      const own = street.evidence.filter((e) => e.communityId === null).map((e) => e.meetingId);
      // The committee meets quarterly: whether it met this month depends on today's date.
      for (const id of own) expect(id).toMatch(/^demo-meeting-yushan-committee-/);
      expect(street.planned).toBe(parts.reduce((sum, part) => sum + part.planned, ownBodies));
      expect(meetingIds(street).sort()).toEqual([...parts.flatMap(meetingIds), ...own].sort());
      const again = await recomputed(street);
      expect(street).toMatchObject({ index: again.index, components: again.components });
    }
    const yushan = await figureOf({ type: 'street', streetId: 'yushan' });
    expect(meetingIds(yushan)).toEqual(
      expect.arrayContaining(['demo-meeting-shuyuan-03', MEETING]),
    );
    expect(yushan.smallSample).toBe(false);
  });

  it('reads a year as twelve months; refuses an unknown place and a backward range', async () => {
    const year = Number(month.slice(0, 4));
    const { months } = ok(
      await vitality({ place: { type: 'community', communityId: 'shuyuan' }, year }),
    );
    expect(months.map((f) => f.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
    );
    const street = await vitality({ place: { type: 'street', streetId: 'no-such-street' } });
    expect(street.status).toBe(404);
    const community = await vitality({ place: { type: 'community', communityId: 'nowhere' } });
    expect(community.status).toBe(404);
    const backward = await vitality({
      place: { type: 'street', streetId: 'yushan' },
      from: '2026-05',
      to: '2026-01',
    });
    expect(backward.status).toBe(400);
  });
});
