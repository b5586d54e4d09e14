// Topics (议题) over HTTP on SQLite and PostgreSQL: a resident of 书院社区 raises one and another
// supports it (once; never its author, nor a resident of another community); staff raise one from
// a ledger item (naming it) and one for a resident; screening accepts one for the council, merges
// one and declines one with the reason its author reads; convening puts the accepted topic on the
// agenda, and a topic not accepted for that body is refused with nothing written. Scope chains: a
// worker of 清风社区 cannot screen 书院社区's topics, and a worker of 书院社区 cannot accept one
// for 清风社区's body. The public never learns who raised a topic.
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@gongzhi/domain';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines } from './harness.ts';
import { DEMO_SIGN_INS, useResidentServer } from './resident-harness.ts';

const DAY_MS = 86_400_000;

interface Topic {
  topicId: string;
  title: string;
  status: string;
  reason: string | null;
  supporters: number;
  meetingId: string | null;
  raisedBy: string;
  source: string;
}

describe.each(engines)('meeting topics over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn } = api;

  const ok = <T>(reply: { status: number; body: { result?: { data: T } } }): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const refusal = (reply: { status: number; body: unknown }) => ({
    status: reply.status,
    code: (reply.body as { error?: { data?: { code?: string; reason?: string } } }).error?.data,
  });
  const topics = async (minPosition?: string) =>
    ok<{ topics: Topic[] }>(
      await call('meeting.topics', { communityId: 'shuyuan', minPosition }, { query: true }),
    ).topics;

  const today = chinaDate(new Date().toISOString());
  let bodyId = '';
  let otherBodyId = '';
  let topicId = '';
  let last = '';

  beforeAll(async () => {
    await signIn('shuyuan');
    await signIn('qinfeng');
    await resident.signIn('wang', DEMO_SIGN_INS.wang);
    await resident.signIn('zhang', DEMO_SIGN_INS.zhang);
    await resident.signIn('chen', DEMO_SIGN_INS.chen);
    bodyId = ok<{ bodyId: string }>(
      await call(
        'meeting.establishBody',
        { communityId: 'shuyuan', kind: 'residents_council', name: '议题测试议事会' },
        { as: 'shuyuan' },
      ),
    ).bodyId;
    ok(
      await call(
        'meeting.joinBody',
        {
          bodyId,
          residentId: DEMO_RESIDENT.residentId,
          kind: 'resident',
          role: 'member',
          from: today,
        },
        { as: 'shuyuan' },
      ),
    );
    otherBodyId = ok<{ bodyId: string }>(
      await call(
        'meeting.establishBody',
        { communityId: 'qinfeng', kind: 'round_table', name: '清风社区圆桌会' },
        { as: 'qinfeng' },
      ),
    ).bodyId;
  });

  it('takes a resident’s topic in their own community only, and support once from others', async () => {
    const raised = ok<{ topicId: string; position: string }>(
      await call(
        'meeting.raiseTopic',
        {
          communityId: 'shuyuan',
          title: '三号楼车棚漏雨',
          detail: '雨天车棚积水，电动车充电不安全。',
        },
        { as: 'wang' },
      ),
    );
    topicId = raised.topicId;
    const outsider = await call(
      'meeting.raiseTopic',
      { communityId: 'shuyuan', title: '外社区议题', detail: '不应写入' },
      { as: 'chen' },
    );
    expect(outsider.status).toBe(403);
    const blank = await call(
      'meeting.raiseTopic',
      { communityId: 'shuyuan', title: '  ', detail: '空标题' },
      { as: 'wang' },
    );
    expect(blank.status).toBe(400);

    ok(await call('meeting.supportTopic', { topicId }, { as: 'zhang' }));
    last = ok<{ position: string }>(
      await call('meeting.supportTopic', { topicId }, { as: 'zhang' }),
    ).position;
    expect((await call('meeting.supportTopic', { topicId }, { as: 'wang' })).status).toBe(409);
    expect((await call('meeting.supportTopic', { topicId }, { as: 'chen' })).status).toBe(403);

    const listed = await topics(last);
    expect(listed.filter((t) => t.title === '外社区议题')).toEqual([]);
    const mine = listed.find((t) => t.topicId === topicId)!;
    expect(mine).toMatchObject({ status: 'raised', supporters: 1, raisedBy: 'resident' });
    expect(mine).not.toHaveProperty('authorId');
  });

  it('lets staff raise topics from other records, and for a resident in person', async () => {
    const unnamed = await call(
      'meeting.raiseStaffTopic',
      { communityId: 'shuyuan', title: '台账事项', detail: '来自台账', source: 'ledger' },
      { as: 'shuyuan' },
    );
    expect(unnamed.status).toBe(400);
    const fromLedger = ok<{ topicId: string }>(
      await call(
        'meeting.raiseStaffTopic',
        {
          communityId: 'shuyuan',
          title: '门口台账牌子',
          detail: '来自减负台账',
          source: 'ledger',
          sourceRef: 'L-2026-07',
        },
        { as: 'shuyuan' },
      ),
    );
    const forResident = ok<{ topicId: string; position: string }>(
      await call(
        'meeting.raiseTopicFor',
        {
          communityId: 'shuyuan',
          residentId: 'demo-r-li',
          title: '车棚也要装充电桩',
          detail: '李奶奶到社区口述。',
        },
        { as: 'shuyuan' },
      ),
    );
    const elsewhere = await call(
      'meeting.raiseTopicFor',
      { communityId: 'qinfeng', residentId: 'demo-r-li', title: '越权', detail: '越权' },
      { as: 'shuyuan' },
    );
    expect(elsewhere.status).toBe(403);
    const listed = await topics(forResident.position);
    expect(listed.find((t) => t.topicId === fromLedger.topicId)).toMatchObject({
      raisedBy: 'staff',
      source: 'ledger',
    });
    const events = await api.runtime.store.readStream(`meetingtopic-${forResident.topicId}`);
    expect(events[0]!.metadata).toMatchObject({ onBehalfOf: 'demo-r-li', channel: 'offline' });

    // Merging the in-person topic into 王's: its page links the topic it went into.
    last = ok<{ position: string }>(
      await call(
        'meeting.mergeTopic',
        { topicId: forResident.topicId, intoTopicId: topicId, reason: '同一车棚，一并商议。' },
        { as: 'shuyuan' },
      ),
    ).position;
    const merged = ok<{ topic: Topic; into: { topicId: string } | null }>(
      await call(
        'meeting.topic',
        { topicId: forResident.topicId, minPosition: last },
        { query: true },
      ),
    );
    expect(merged.topic).toMatchObject({ status: 'merged', reason: '同一车棚，一并商议。' });
    expect(merged.into?.topicId).toBe(topicId);
  });

  it('keeps screening in scope, however it is chained', async () => {
    const foreign = await call(
      'meeting.declineTopic',
      { topicId, reason: '越权' },
      { as: 'qinfeng' },
    );
    expect(foreign.status).toBe(403);
    const otherBody = await call(
      'meeting.acceptTopic',
      { topicId, bodyId: otherBodyId },
      { as: 'shuyuan' },
    );
    expect(otherBody.status).toBe(403);
    expect(refusal(otherBody).code).toMatchObject({ reason: 'body_of_other_community' });
    const asResident = await call('meeting.acceptTopic', { topicId, bodyId }, { as: 'wang' });
    expect(asResident.status).toBe(403);
    const topic = ok<{ topic: Topic }>(await call('meeting.topic', { topicId }, { query: true }));
    expect(topic.topic.status).toBe('raised');
  });

  it('tells the author why a topic was declined', async () => {
    const { topicId: second } = ok<{ topicId: string }>(
      await call(
        'meeting.raiseTopic',
        { communityId: 'shuyuan', title: '楼上装修噪音', detail: '周末早上七点开始装修。' },
        { as: 'wang' },
      ),
    );
    const noReason = await call(
      'meeting.declineTopic',
      { topicId: second, reason: '' },
      { as: 'shuyuan' },
    );
    expect(noReason.status).toBe(400);
    last = ok<{ position: string }>(
      await call(
        'meeting.declineTopic',
        { topicId: second, reason: '属于邻里纠纷，已转人民调解委员会。' },
        { as: 'shuyuan' },
      ),
    ).position;
    const mine = ok<{ topics: Topic[] }>(
      await call('meeting.myTopics', { minPosition: last }, { as: 'wang', query: true }),
    ).topics;
    expect(mine.find((t) => t.topicId === second)).toMatchObject({
      status: 'declined',
      reason: '属于邻里纠纷，已转人民调解委员会。',
    });
    const { notices } = ok<{
      notices: { link: string; cause: string; message: { 'zh-CN': string } }[];
    }>(await call('notification.inbox', { minPosition: last }, { as: 'wang', query: true }));
    const told = notices.find((n) => n.link === `/meetings/topics/${second}`);
    expect(told?.cause).toBe('TopicDeclined');
    expect(told?.message['zh-CN']).toContain('属于邻里纠纷，已转人民调解委员会。');
    expect(
      (await call('meeting.acceptTopic', { topicId: second, bodyId }, { as: 'shuyuan' })).status,
    ).toBe(409);
  });

  it('puts an accepted topic on the agenda when convening, and refuses one not accepted', async () => {
    const { topicId: unscreened, position } = ok<{ topicId: string; position: string }>(
      await call(
        'meeting.raiseTopic',
        { communityId: 'shuyuan', title: '未处理的议题', detail: '尚未筛选。' },
        { as: 'wang' },
      ),
    );
    const convene = (topicIds: string[]) =>
      call<{ meetingId: string; position: string }>(
        'meeting.convene',
        {
          bodyId,
          title: '车棚议事会',
          agenda: [{ title: '其他事项' }],
          startsAt: new Date(Date.now() + 5 * DAY_MS).toISOString(),
          place: '社区议事厅',
          topicIds,
        },
        { as: 'shuyuan' },
      );
    const before = ok<{ meetings: unknown[] }>(
      await call(
        'meeting.meetings',
        { communityId: 'shuyuan', minPosition: position },
        { query: true },
      ),
    ).meetings.length;
    const refused = await convene([unscreened]);
    expect(refused.status).toBe(409);
    ok(
      await call(
        'meeting.acceptTopic',
        { topicId, bodyId, note: '列入下次议事会。' },
        { as: 'shuyuan' },
      ),
    );
    const convened = ok<{ meetingId: string; position: string }>(await convene([topicId]));
    const meetings = ok<{ meetings: unknown[] }>(
      await call(
        'meeting.meetings',
        { communityId: 'shuyuan', minPosition: convened.position },
        { query: true },
      ),
    ).meetings;
    expect(meetings).toHaveLength(before + 1);
    const meeting = ok<{ agenda: { title: string }[] }>(
      await call(
        'meeting.meeting',
        { meetingId: convened.meetingId, minPosition: convened.position },
        { query: true },
      ),
    );
    expect(meeting.agenda.map((item) => item.title)).toEqual(['三号楼车棚漏雨', '其他事项']);
    const topic = ok<{ topic: Topic; meeting: { meetingId: string } | null }>(
      await call('meeting.topic', { topicId, minPosition: convened.position }, { query: true }),
    );
    expect(topic.topic.status).toBe('scheduled');
    expect(topic.meeting?.meetingId).toBe(convened.meetingId);
  });
});
