// A street's own deliberative body (街道议事协商委员会) over HTTP on SQLite and PostgreSQL: the
// street officer establishes it and keeps its roster (residents tied to any community of the
// street; a resident of another street refused), convenes it; a community worker who may keep
// their own community's body cannot establish, add members to or convene the street's, nor can
// the officer of another street; the public lists it under the street, in no community; and a
// v1 body stored before streets had bodies still reads and projects as before.
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingEventSchemas } from '@gongzhi/domain';
import { newEvent } from '@gongzhi/eventstore';
import { engines } from './harness.ts';
import { useResidentServer } from './resident-harness.ts';

const DAY_MS = 86_400_000;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe.each(engines)('a street’s deliberative body over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn } = api;
  const ok = <T>(reply: { status: number; body: { result?: { data: T } } }): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const refusedWith = (reply: { status: number; body: unknown }, status: number, code: string) => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(JSON.stringify(reply.body)).toContain(code);
  };

  let bodyId = '';
  let position = '';
  const join = (residentId: string, kind = 'resident', as = 'yushan') =>
    call('meeting.joinBody', { bodyId, residentId, kind, role: 'member', from: today }, { as });
  const convene = (as: string) =>
    call<{ meetingId: string; position: string }>(
      'meeting.convene',
      {
        bodyId,
        title: '街道议事协商会',
        agenda: [{ title: '背街小巷改造' }],
        startsAt: new Date(Date.now() + 5 * DAY_MS).toISOString(),
        place: '虞山街道便民服务中心',
      },
      { as },
    );

  beforeAll(async () => {
    for (const as of ['yushan', 'qinchuan', 'shuyuan', 'qinfeng']) await signIn(as);
  });

  it('is established by the street’s officer, with no community', async () => {
    const reply = ok<{ bodyId: string }>(
      await call(
        'meeting.establishBody',
        { streetId: 'yushan', kind: 'residents_council', name: '虞山街道居民议事会' },
        { as: 'yushan' },
      ),
    );
    bodyId = reply.bodyId;
  });

  it('is not established by a community worker, nor by another street’s officer; one of community or street', async () => {
    const input = { streetId: 'yushan', kind: 'residents_council', name: '越权的议事会' };
    refusedWith(await call('meeting.establishBody', input, { as: 'shuyuan' }), 403, 'out_of_scope');
    refusedWith(
      await call('meeting.establishBody', input, { as: 'qinchuan' }),
      403,
      'out_of_scope',
    );
    const both = { ...input, communityId: 'shuyuan' };
    expect((await call('meeting.establishBody', both, { as: 'yushan' })).status).toBe(400);
    const neither = { kind: 'residents_council', name: '无处的议事会' };
    expect((await call('meeting.establishBody', neither, { as: 'yushan' })).status).toBe(400);
  });

  it('takes residents of any community of the street, and parties without a tie; refuses another street’s resident', async () => {
    ok(await join('demo-r-zhao')); // 书院社区
    ok(await join('demo-r-chen')); // 虹桥社区
    ok(await join('demo-r-paper-1', 'expert'));
    const outsider = ok<{ residentId: string }>(
      await call(
        'resident.registerOnSpot',
        {
          communityId: 'qinfeng',
          kind: 'lives',
          name: '琴川居民',
          phone: resident.newPhone(),
          birthYear: 1970,
          consent: { form: 'paper' },
        },
        { as: 'qinfeng' },
      ),
    ).residentId;
    refusedWith(await join(outsider), 400, 'not_of_street');
  });

  it('refuses a community worker who keeps their own body, and another street’s officer', async () => {
    // The worker may keep a body of their community…
    const own = ok<{ bodyId: string }>(
      await call(
        'meeting.establishBody',
        { communityId: 'shuyuan', kind: 'owners_talk', name: '书院社区业主协商会' },
        { as: 'shuyuan' },
      ),
    ).bodyId;
    ok(
      await call(
        'meeting.joinBody',
        { bodyId: own, residentId: 'demo-r-li', kind: 'resident', role: 'member', from: today },
        { as: 'shuyuan' },
      ),
    );
    // …but not the street's, nor can the officer of 琴川街道.
    refusedWith(await join('demo-r-li', 'resident', 'shuyuan'), 403, 'out_of_scope');
    refusedWith(await join('demo-r-li', 'resident', 'qinchuan'), 403, 'out_of_scope');
    refusedWith(await convene('shuyuan'), 403, 'out_of_scope');
    refusedWith(await convene('qinchuan'), 403, 'out_of_scope');
  });

  it('is convened by the officer and listed under the street, in no community', async () => {
    const convened = ok<{ meetingId: string; position: string }>(await convene('yushan'));
    position = convened.position;
    const street = ok<{ meetings: { meetingId: string; communityId: string | null }[] }>(
      await call(
        'meeting.meetings',
        { streetId: 'yushan', minPosition: position },
        { query: true },
      ),
    );
    expect(street.meetings.find((m) => m.meetingId === convened.meetingId)).toMatchObject({
      communityId: null,
    });
    const bodies = ok<{ bodies: { bodyId: string; name: string }[] }>(
      await call('meeting.bodies', { streetId: 'yushan', minPosition: position }, { query: true }),
    );
    expect(bodies.bodies.map((b) => b.name)).toEqual(
      expect.arrayContaining(['虞山街道议事协商委员会', '虞山街道居民议事会']),
    );
    for (const communityId of ['shuyuan', 'hongqiao']) {
      const community = ok<{ meetings: { meetingId: string }[] }>(
        await call('meeting.meetings', { communityId }, { query: true }),
      );
      expect(community.meetings.map((m) => m.meetingId)).not.toContain(convened.meetingId);
      const theirs = ok<{ bodies: { bodyId: string }[] }>(
        await call('meeting.bodies', { communityId }, { query: true }),
      );
      expect(theirs.bodies.map((b) => b.bodyId)).not.toContain(bodyId);
    }
  });

  it('reads a community’s v1 body stored before streets had bodies, as before', async () => {
    const { store } = api.runtime;
    const v1Body = 'street-test-v1-body';
    const stored = await store.append(`meetingbody-${v1Body}`, [
      newEvent(
        'MeetingBodyEstablished',
        {
          bodyId: v1Body,
          communityId: 'hongqiao',
          streetId: 'yushan',
          kind: 'hearing',
          name: '虹桥社区听证会',
          rules: { quorum: 'more_than_half', majority: 'of_present', noticeDays: 3 },
        },
        {
          actor: 'system',
          channel: 'system',
          correlationId: 'v1',
          occurredAt: new Date().toISOString(),
        },
        1,
      ),
    ]);
    const [read] = await store.readStream(`meetingbody-${v1Body}`);
    expect(read!.schemaVersion).toBe(meetingEventSchemas.MeetingBodyEstablished.version);
    const { bodies } = ok<{ bodies: { bodyId: string; communityId: string }[] }>(
      await call(
        'meeting.bodies',
        { communityId: 'hongqiao', minPosition: String(stored.position) },
        { query: true },
      ),
    );
    expect(bodies.find((b) => b.bodyId === v1Body)).toMatchObject({ communityId: 'hongqiao' });
  });
});
