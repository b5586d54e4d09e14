// Follow-through (落实反馈) over HTTP on SQLite and PostgreSQL: a resident's topic goes on the
// agenda, a motion on it passes and another fails; only the adopted one gets an owner and a due
// day (not in the past); progress is reported and it is closed with a report back that the
// topic's page shows; one left open past its due day is listed as overdue for the community and
// the street, and closing it then is flagged late. Scope chains: a worker of 清风社区 cannot
// assign, report on or list 书院社区's resolutions.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '@gongzhi/domain';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines } from './harness.ts';
import { useResidentServer } from './resident-harness.ts';

const DAY_MS = 86_400_000;

interface Resolution {
  resolutionId: string;
  topicId: string | null;
  status: string;
  report: string | null;
  late: boolean;
  overdue: boolean;
  progress: { text: string }[];
}

describe.each(engines)('meeting resolutions over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn } = api;
  afterEach(() => {
    delete api.runtime.services.now;
  });

  const ok = <T>(reply: { status: number; body: { result?: { data: T } } }): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const staff = <T = { position: string }>(procedure: string, input: unknown, as = 'shuyuan') =>
    call<T>(`meeting.${procedure}`, input, { as });
  const read = <T>(procedure: string, input: unknown, as?: string) =>
    call<T>(`meeting.${procedure}`, input, { query: true, ...(as ? { as } : {}) });

  const today = chinaDate(new Date().toISOString());
  let meetingId = '';
  let topicId = '';
  let adopted = '';
  let rejected = '';

  beforeAll(async () => {
    await signIn('shuyuan');
    await signIn('qinfeng');
    await signIn('yushan');
    resident.keepSession(
      'wang',
      await call('resident.login', {
        phone: DEMO_RESIDENT.loginName,
        password: DEMO_RESIDENT.password,
      }),
    );
    const { bodyId } = ok<{ bodyId: string }>(
      await staff('establishBody', {
        communityId: 'shuyuan',
        kind: 'residents_council',
        name: '落实测试议事会',
      }),
    );
    ok(
      await staff('joinBody', {
        bodyId,
        residentId: DEMO_RESIDENT.residentId,
        kind: 'resident',
        role: 'chair',
        from: today,
      }),
    );
    topicId = ok<{ topicId: string }>(
      await call(
        'meeting.raiseTopic',
        { communityId: 'shuyuan', title: '路灯不亮', detail: '二号楼前路灯坏了一个月。' },
        { as: 'wang' },
      ),
    ).topicId;
    ok(await staff('acceptTopic', { topicId, bodyId }));
    const convened = ok<{ meetingId: string; position: string }>(
      await staff('convene', {
        bodyId,
        title: '路灯议事会',
        agenda: [],
        startsAt: new Date(Date.now() + 4 * DAY_MS).toISOString(),
        place: '社区议事厅',
        topicIds: [topicId],
      }),
    );
    meetingId = convened.meetingId;
    ok(await staff('signInFor', { meetingId, residentId: DEMO_RESIDENT.residentId }));
    const meeting = ok<{ agenda: { itemId: string }[] }>(
      await read('meeting', { meetingId, minPosition: convened.position }),
    );
    const itemId = meeting.agenda[0]!.itemId;
    const motion = async (text: string, passes: boolean) => {
      const { motionId } = ok<{ motionId: string }>(
        await staff('tableMotion', { meetingId, itemId, text }),
      );
      const vote = { method: 'count', for: passes ? 1 : 0, against: passes ? 0 : 1, abstain: 0 };
      ok(await staff('vote', { meetingId, motionId, vote }));
      return motionId;
    };
    adopted = await motion('请物业一周内修复路灯。', true);
    rejected = await motion('由居民集资修路灯。', false);
  });

  it('gives only an adopted motion an owner and a due day, in scope', async () => {
    const assign = (motionId: string, dueOn = today, as = 'shuyuan') =>
      staff<{ resolutionId: string; position: string }>(
        'assignResolution',
        { meetingId, motionId, owner: '物业公司', dueOn },
        as,
      );
    expect((await assign(rejected)).status).toBe(409);
    expect((await assign(adopted, '2000-01-01')).status).toBe(400);
    expect((await assign(adopted, today, 'qinfeng')).status).toBe(403);
    const { resolutionId, position } = ok(await assign(adopted));
    const { resolutions } = ok<{ resolutions: Resolution[] }>(
      await read('resolutions', { meetingId, minPosition: position }),
    );
    expect(resolutions).toEqual([
      expect.objectContaining({ resolutionId, topicId, status: 'open', overdue: false }),
    ]);

    const foreign = await staff(
      'reportResolutionProgress',
      { resolutionId, text: '越权' },
      'qinfeng',
    );
    expect(foreign.status).toBe(403);
    ok(await staff('reportResolutionProgress', { resolutionId, text: '物业已订购灯具。' }));
    const closed = ok(
      await staff('closeResolution', { resolutionId, report: '路灯已于周五修复，居民已确认。' }),
    );
    expect((await staff('closeResolution', { resolutionId, report: '再次' })).status).toBe(200);
    const topic = ok<{ resolutions: Resolution[] }>(
      await read('topic', { topicId, minPosition: closed.position }),
    );
    // The topic's author heard of each step in her inbox, and of the report back.
    const { notices } = ok<{ notices: { link: string; message: string; cause: string }[] }>(
      await call(
        'notification.inbox',
        { minPosition: closed.position, limit: 50 },
        { as: 'wang', query: true },
      ),
    );
    const told = notices
      .filter((n) => n.link.endsWith(topicId) || n.link.endsWith(meetingId))
      .map((n) => n.cause);
    expect(told).toEqual(
      expect.arrayContaining([
        'TopicAccepted',
        'TopicScheduled',
        'MeetingConvened',
        'ResolutionClosed',
      ]),
    );
    const report = notices.find((n) => n.cause === 'ResolutionClosed' && n.link.endsWith(topicId));
    expect(JSON.stringify(report)).toContain('路灯已于周五修复，居民已确认。');
    expect(topic.resolutions).toEqual([
      expect.objectContaining({
        status: 'closed',
        report: '路灯已于周五修复，居民已确认。',
        late: false,
        progress: [expect.objectContaining({ text: '物业已订购灯具。' })],
      }),
    ]);
  });

  it('lists one open past its due day as overdue for the community and the street', async () => {
    const { resolutionId, position } = ok<{ resolutionId: string; position: string }>(
      await staff('assignResolution', {
        meetingId,
        motionId: adopted,
        owner: '社区居委会',
        dueOn: today,
        link: { kind: 'ledger', ref: 'L-2026-09' },
      }),
    );
    const overdueIn = async (procedure: string, input: object, as: string) =>
      ok<{ resolutions: Resolution[] }>(
        await read(procedure, { ...input, minPosition: position }, as),
      ).resolutions.filter((r) => r.resolutionId === resolutionId);
    expect(await overdueIn('overdueResolutions', { communityId: 'shuyuan' }, 'shuyuan')).toEqual(
      [],
    );
    api.runtime.services.now = () => new Date(Date.now() + 3 * DAY_MS);
    expect(await overdueIn('overdueResolutions', { communityId: 'shuyuan' }, 'shuyuan')).toEqual([
      expect.objectContaining({ overdue: true }),
    ]);
    expect(
      await overdueIn('streetOverdueResolutions', { streetId: 'yushan' }, 'yushan'),
    ).toHaveLength(1);
    const foreign = await read('overdueResolutions', { communityId: 'shuyuan' }, 'qinfeng');
    expect(foreign.status).toBe(403);
    const late = ok(await staff('closeResolution', { resolutionId, report: '迟了三天办结。' }));
    const { resolutions } = ok<{ resolutions: Resolution[] }>(
      await read('resolutions', { meetingId, minPosition: late.position }),
    );
    expect(resolutions.find((r) => r.resolutionId === resolutionId)).toMatchObject({
      status: 'closed',
      late: true,
      overdue: false,
    });
  });
});
