// Deliberation meetings over HTTP on SQLite and PostgreSQL: a council of 书院社区 with seven
// voting members and a recorder, convened with notice (late notice flagged), members signing in
// with the rotating code on their phone (this window's or the one before, never an older one) or
// by a worker, a non-member as 列席, leaving; a vote refused without quorum writes nothing, passes
// once quorum holds; a reserved matter is refused for a council; 200 concurrent sign-ins count
// each member once; the live endpoint tells a watching page of each change; workers of another
// community are refused.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, chinaMonth, vitalityOfMonth, type MeetingFacts } from '@gongzhi/domain';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines } from './harness.ts';
import { DEMO_SIGN_INS, useResidentServer } from './resident-harness.ts';

const DAY_MS = 86_400_000;

interface PublicMeeting {
  lateNotice: boolean;
  quorum: { entitled: number; present: number; needed: number; holds: boolean };
  attendees: { members: number; others: number };
  agenda: { itemId: string; title: string; reserved: boolean }[];
  motions: {
    motionId: string;
    vote: {
      passed: boolean;
      present: number;
      entitled: number;
      needed: number;
      for: number;
    } | null;
  }[];
}

describe.each(engines)('deliberation meetings over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn } = api;
  afterEach(() => {
    delete api.runtime.services.now;
  });

  const ok = <T>(reply: { status: number; body: { result?: { data: T } } }): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const onSpot = async (name: string) =>
    ok<{ residentId: string }>(
      await call(
        'resident.registerOnSpot',
        {
          communityId: 'shuyuan',
          kind: 'lives',
          name,
          phone: resident.newPhone(),
          birthYear: 1960,
          consent: { form: 'paper' },
        },
        { as: 'shuyuan' },
      ),
    ).residentId;
  const publicMeeting = async (meetingId: string, minPosition?: string) =>
    ok<PublicMeeting>(await call('meeting.meeting', { meetingId, minPosition }, { query: true }));

  const today = chinaDate(new Date().toISOString());
  let bodyId = '';
  let members: string[] = [];
  let meetingId = '';
  /** Where the set-up wrote last: the first reads wait for it. */
  let setUp = '';

  beforeAll(async () => {
    await signIn('shuyuan');
    await signIn('qinfeng');
    await resident.signIn('wang', DEMO_SIGN_INS.wang);
    await resident.signIn('zhang', DEMO_SIGN_INS.zhang);
    bodyId = ok<{ bodyId: string }>(
      await call(
        'meeting.establishBody',
        { communityId: 'shuyuan', kind: 'residents_council', name: '书院社区居民议事会' },
        { as: 'shuyuan' },
      ),
    ).bodyId;
    const names = ['钱一', '孙二', '李三', '周四', '吴五', '郑六'];
    members = [DEMO_RESIDENT.residentId, ...(await Promise.all(names.map(onSpot)))];
    for (const residentId of members) {
      ok(
        await call(
          'meeting.joinBody',
          { bodyId, residentId, kind: 'resident', role: 'member', from: today },
          { as: 'shuyuan' },
        ),
      );
    }
    const recorder = await onSpot('王记录');
    ok(
      await call(
        'meeting.joinBody',
        { bodyId, residentId: recorder, kind: 'committee', role: 'recorder', from: today },
        { as: 'shuyuan' },
      ),
    );
    const convened = ok<{ meetingId: string; position: string }>(
      await call(
        'meeting.convene',
        {
          bodyId,
          title: '车棚改造议事会',
          agenda: [{ title: '车棚改造方案' }, { title: '修改居民公约', reserved: true }],
          startsAt: new Date(Date.now() + 4 * DAY_MS).toISOString(),
          place: '社区议事厅',
        },
        { as: 'shuyuan' },
      ),
    );
    meetingId = convened.meetingId;
    setUp = convened.position;
  });

  it('seeds a year of the demo council’s meetings, and the next one to sign in to', async () => {
    const { meetings } = ok<{
      meetings: { meetingId: string; lateNotice: boolean; status: string; bodyId: string }[];
    }>(
      await call(
        'meeting.meetings',
        { communityId: 'shuyuan', minPosition: setUp },
        { query: true },
      ),
    );
    const demo = meetings.filter((mt) => mt.bodyId === 'demo-body-shuyuan-council');
    expect(demo).toHaveLength(13);
    expect(demo.filter((mt) => mt.lateNotice)).toHaveLength(2);
    expect(demo.filter((mt) => mt.status === 'convened').map((mt) => mt.meetingId)).toEqual([
      'demo-meeting-shuyuan-next',
    ]);
    const noQuorum = await publicMeeting('demo-meeting-shuyuan-07');
    expect(noQuorum.motions).toEqual([]);
    const held = await publicMeeting('demo-meeting-shuyuan-01');
    expect(held.motions[0]!.vote).toMatchObject({ passed: true, entitled: 7 });
  });

  it('lets anyone recompute the vitality index from the public meeting data', async () => {
    const { meetings } = ok<{ meetings: { meetingId: string; bodyId: string }[] }>(
      await call(
        'meeting.meetings',
        { communityId: 'shuyuan', minPosition: setUp },
        { query: true },
      ),
    );
    const facts: MeetingFacts[] = [];
    for (const { meetingId: id, bodyId: body } of meetings) {
      if (body !== 'demo-body-shuyuan-council') continue;
      const mt = await call<PublicMeeting & { startsAt: string; status: 'convened' | 'closed' }>(
        'meeting.meeting',
        { meetingId: id },
        { query: true },
      );
      const data = ok(mt);
      facts.push({
        meetingId: id,
        startsAt: data.startsAt,
        status: data.status,
        lateNotice: data.lateNotice,
        entitled: data.quorum.entitled,
        membersPresent: data.quorum.present,
        quorumHeld: data.quorum.holds,
        motions: data.motions.length,
        voted: data.motions.filter((mo) => mo.vote).length,
      });
    }
    const monthOf = (id: string) => chinaMonth(facts.find((f) => f.meetingId === id)!.startsAt);
    // 顾月琴 chairs; in April's meeting (late notice) six of seven came and voted; in July's four
    // came and no vote could be taken.
    const april = vitalityOfMonth(monthOf('demo-meeting-shuyuan-04'), 1, facts);
    const july = vitalityOfMonth(monthOf('demo-meeting-shuyuan-07'), 1, facts);
    expect(april.evidence).toContain('demo-meeting-shuyuan-04');
    expect(july.evidence).toContain('demo-meeting-shuyuan-07');
    if (april.evidence.length === 1) {
      expect(april).toMatchObject({ index: 78.9, smallSample: true });
    }
    if (july.evidence.length === 1) {
      expect(july).toMatchObject({ index: 71.8, smallSample: true });
    }
    expect(april.components.procedure).toBeLessThan(1);
    expect(july.components.procedure).toBeLessThan(1);
  });

  it('keeps the roster as of any day, and takes the law’s rules by default', async () => {
    const roster = ok<{
      body: { rules: { quorum: string; majority: string; noticeDays: number } };
      roster: { residentId: string; name: string | null }[];
    }>(
      await call('meeting.roster', { bodyId, minPosition: setUp }, { as: 'shuyuan', query: true }),
    );
    expect(roster.body.rules).toEqual({
      quorum: 'two_thirds',
      majority: 'of_present',
      noticeDays: 3,
    });
    expect(roster.roster).toHaveLength(8);
    expect(roster.roster.map((r) => r.name)).toContain('钱一');
    const before = ok<{ roster: unknown[] }>(
      await call('meeting.roster', { bodyId, asOf: '2020-01-01' }, { as: 'shuyuan', query: true }),
    );
    expect(before.roster).toEqual([]);
  });

  it('publishes the notice; a notice shorter than three days is flagged', async () => {
    expect((await publicMeeting(meetingId, setUp)).lateNotice).toBe(false);
    const late = ok<{ meetingId: string; position: string }>(
      await call(
        'meeting.convene',
        {
          bodyId,
          title: '临时议事会',
          agenda: [{ title: '楼道堆物' }],
          startsAt: new Date(Date.now() + DAY_MS).toISOString(),
          place: '社区议事厅',
        },
        { as: 'shuyuan' },
      ),
    );
    expect((await publicMeeting(late.meetingId, late.position)).lateNotice).toBe(true);
  });

  it('refuses workers of another community, at every step', async () => {
    const refused = [
      await call(
        'meeting.joinBody',
        { bodyId, residentId: members[1], kind: 'resident', role: 'member', from: today },
        { as: 'qinfeng' },
      ),
      await call('meeting.signInCode', { meetingId }, { as: 'qinfeng', query: true }),
      await call('meeting.signInFor', { meetingId, residentId: members[1] }, { as: 'qinfeng' }),
      await call('meeting.attendance', { meetingId }, { as: 'qinfeng', query: true }),
    ];
    for (const reply of refused) expect(reply.status, JSON.stringify(reply.body)).toBe(403);
    expect((await call('meeting.signInCode', { meetingId }, { query: true })).status).toBe(401);
  });

  it('signs a member in by the rotating code, this window or the one before, never later', async () => {
    const shown = ok<{ code: string; validUntil: string }>(
      await call('meeting.signInCode', { meetingId }, { as: 'shuyuan', query: true }),
    );
    const wrong = await call('meeting.signIn', { meetingId, code: 'ZZZZZZ' }, { as: 'wang' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.data.fieldErrors?.[0]?.path).toBe('code');
    // A minute later the code photographed now is refused.
    const later = Date.parse(shown.validUntil) + 31_000;
    api.runtime.services.now = () => new Date(later);
    const stale = await call('meeting.signIn', { meetingId, code: shown.code }, { as: 'wang' });
    expect(stale.body.error?.data.reason).toBe('sign_in_code_expired');
    // Just after the change, the code of the window before still works.
    api.runtime.services.now = () => new Date(Date.parse(shown.validUntil) + 1_000);
    const signed = ok<{ position: string }>(
      await call('meeting.signIn', { meetingId, code: shown.code.toLowerCase() }, { as: 'wang' }),
    );
    const meeting = await publicMeeting(meetingId, signed.position);
    expect(meeting.attendees).toEqual({ members: 1, others: 0 });
  });

  it('signs a non-member in as 列席, who does not count for quorum', async () => {
    const { code } = ok<{ code: string }>(
      await call('meeting.signInCode', { meetingId }, { as: 'shuyuan', query: true }),
    );
    const signed = ok<{ position: string }>(
      await call('meeting.signIn', { meetingId, code }, { as: 'zhang' }),
    );
    const meeting = await publicMeeting(meetingId, signed.position);
    expect(meeting.attendees.others).toBe(1);
    expect(meeting.quorum.present).toBe(1);
  });

  it('refuses a vote without quorum and writes nothing; with quorum the result is computed', async () => {
    for (const residentId of members.slice(1, 4)) {
      ok(await call('meeting.signInFor', { meetingId, residentId }, { as: 'shuyuan' }));
    }
    const item = (await publicMeeting(meetingId)).agenda[0]!;
    const { motionId } = ok<{ motionId: string }>(
      await call(
        'meeting.tableMotion',
        { meetingId, itemId: item.itemId, text: '同意车棚改造方案。' },
        { as: 'shuyuan' },
      ),
    );
    const head = await api.head();
    const refused = await call(
      'meeting.vote',
      { meetingId, motionId, vote: { method: 'count', for: 4, against: 0, abstain: 0 } },
      { as: 'shuyuan' },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error?.data.reason).toBe('no_quorum');
    expect(await api.head()).toBe(head);
    const meeting = await publicMeeting(meetingId);
    expect(meeting.quorum).toMatchObject({ entitled: 7, present: 4, needed: 5, holds: false });
    expect(meeting.motions[0]!.vote).toBeNull();

    // One more member makes five of seven: the vote is taken, 3 of 5 present carry it.
    const fifth = ok<{ position: string }>(
      await call('meeting.signInFor', { meetingId, residentId: members[4] }, { as: 'shuyuan' }),
    );
    expect((await publicMeeting(meetingId, fifth.position)).quorum.holds).toBe(true);
    const voted = ok<{ position: string }>(
      await call(
        'meeting.vote',
        { meetingId, motionId, vote: { method: 'count', for: 3, against: 1, abstain: 1 } },
        { as: 'shuyuan' },
      ),
    );
    const after = await publicMeeting(meetingId, voted.position);
    expect(after.motions[0]!.vote).toMatchObject({ passed: true, entitled: 7, needed: 3 });
    expect(after.motions[0]!.vote).toMatchObject({ present: 5, for: 3 });
  });

  it('refuses a council a matter reserved to the residents’ meeting', async () => {
    const reserved = (await publicMeeting(meetingId)).agenda[1]!;
    expect(reserved.reserved).toBe(true);
    const { motionId } = ok<{ motionId: string }>(
      await call(
        'meeting.tableMotion',
        { meetingId, itemId: reserved.itemId, text: '修改居民公约第三条。' },
        { as: 'shuyuan' },
      ),
    );
    const reply = await call(
      'meeting.vote',
      { meetingId, motionId, vote: { method: 'count', for: 5, against: 0, abstain: 0 } },
      { as: 'shuyuan' },
    );
    expect(reply.status).toBe(403);
    expect(reply.body.error?.data.reason).toBe('reserved_to_residents_meeting');
  });

  it('takes a named vote: the public reads the tally, the staff who voted how', async () => {
    const item = (await publicMeeting(meetingId)).agenda[0]!;
    const { motionId } = ok<{ motionId: string }>(
      await call(
        'meeting.tableMotion',
        { meetingId, itemId: item.itemId, text: '同意车棚夜间照明方案。' },
        { as: 'shuyuan' },
      ),
    );
    const choices = ['for', 'for', 'for', 'against', 'abstain'] as const;
    const votes = choices.map((choice, i) => ({ residentId: members[i]!, choice }));
    const head = await api.head();
    const absent = await call(
      'meeting.vote',
      {
        meetingId,
        motionId,
        vote: { method: 'named', votes: [...votes, { residentId: members[5], choice: 'for' }] },
      },
      { as: 'shuyuan' },
    );
    expect(absent.status).toBe(400);
    expect(absent.body.error?.data.reason).toBe('voter_not_present');
    expect(await api.head()).toBe(head);
    const voted = ok<{ position: string }>(
      await call(
        'meeting.vote',
        { meetingId, motionId, vote: { method: 'named', votes } },
        { as: 'shuyuan' },
      ),
    );
    const reply = await call<PublicMeeting>(
      'meeting.meeting',
      { meetingId, minPosition: voted.position },
      { query: true },
    );
    const motion = ok<PublicMeeting>(reply).motions.find((mo) => mo.motionId === motionId)!;
    expect(motion.vote).toMatchObject({ method: 'named', for: 3, against: 1, abstain: 1 });
    expect(motion.vote).toMatchObject({ passed: true, present: 5 });
    expect(JSON.stringify(reply.body)).not.toContain(members[1]!);
    const staff = ok<{ namedVotes: Record<string, { name: string | null; choice: string }[]> }>(
      await call('meeting.attendance', { meetingId }, { as: 'shuyuan', query: true }),
    );
    expect(staff.namedVotes[motionId]).toContainEqual({
      residentId: members[3],
      name: '李三',
      choice: 'against',
    });
  });

  it('records leaving: quorum is lost again', async () => {
    const left = ok<{ position: string }>(
      await call('meeting.recordLeaving', { meetingId, residentId: members[4] }, { as: 'shuyuan' }),
    );
    expect((await publicMeeting(meetingId, left.position)).quorum).toMatchObject({
      present: 4,
      holds: false,
    });
  });

  it('tells a live page of each change to the meeting, and of nothing else', async () => {
    const response = await fetch(new URL(`/live/meeting/${meetingId}`, api.url));
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${text}`);
        text += decoder.decode(value);
      }
    };
    await until(/event: ready\n/);
    // Another meeting's change says nothing here; this one's does.
    ok(
      await call(
        'meeting.joinBody',
        { bodyId, residentId: await onSpot('冯七'), kind: 'expert', role: 'member', from: today },
        { as: 'shuyuan' },
      ),
    );
    const back = ok<{ position: string }>(
      await call('meeting.signInFor', { meetingId, residentId: members[4] }, { as: 'shuyuan' }),
    );
    await until(/event: changed\ndata: \{"position":"(\d+)"\}\n\n/);
    const positions = [...text.matchAll(/event: changed\ndata: \{"position":"(\d+)"\}/g)].map(
      (m) => m[1],
    );
    expect(positions).toEqual([back.position]);
    await reader.cancel();
    expect((await fetch(new URL('/live/ballot/x', api.url))).status).toBe(404);
  });

  it('counts each member once when 200 sign-ins arrive at once', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `并发成员${i + 1}`);
    const crowd = await Promise.all(names.map(onSpot));
    const { bodyId: big } = ok<{ bodyId: string }>(
      await call(
        'meeting.establishBody',
        { communityId: 'shuyuan', kind: 'residents_meeting', name: '书院社区居民会议' },
        { as: 'shuyuan' },
      ),
    );
    for (const residentId of crowd) {
      ok(
        await call(
          'meeting.joinBody',
          { bodyId: big, residentId, kind: 'resident', role: 'member', from: today },
          { as: 'shuyuan' },
        ),
      );
    }
    const { meetingId: crowded } = ok<{ meetingId: string }>(
      await call(
        'meeting.convene',
        {
          bodyId: big,
          title: '居民会议',
          agenda: [{ title: '居民公约' }],
          startsAt: new Date(Date.now() + 5 * DAY_MS).toISOString(),
          place: '社区广场',
        },
        { as: 'shuyuan' },
      ),
    );
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call(
          'meeting.signInFor',
          { meetingId: crowded, residentId: crowd[i % 20] },
          { as: 'shuyuan' },
        ),
      ),
    );
    for (const reply of replies) expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const last = replies.map((r) => BigInt((r.body.result!.data as { position: string }).position));
    const head = last.reduce((a, b) => (a > b ? a : b));
    const meeting = await publicMeeting(crowded, String(head));
    expect(meeting.attendees.members).toBe(20);
    expect(meeting.quorum).toMatchObject({ entitled: 20, present: 20, holds: true });
    for (const residentId of crowd.slice(0, 3)) {
      const events = await api.runtime.store.readStream(
        `meetingattendance-${crowded}-${residentId}`,
      );
      expect(events).toHaveLength(1);
    }
  });
});
