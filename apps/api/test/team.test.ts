// Volunteer teams over HTTP on SQLite and PostgreSQL, on the seeded teams of 书院社区: the demo
// team leader (volunteers) sees the teams they lead; a resident asks to join and is accepted,
// another is declined with a reason; the leader records service, the volunteer sees it with the
// confirmed hours and asks for a correction, which only a leader or the team's community decides;
// nobody else records, manages or decides. The public page shows hours served and no names.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines, type Reply } from './harness.ts';
import { DEMO_SIGN_INS, useResidentServer } from './resident-harness.ts';

const SILVER = 'demo-team-silver';
const DANCE = 'demo-team-dance';
const WANG = DEMO_RESIDENT.residentId;

interface Mine {
  teams: { teamId: string; standing: string; reason: string | null }[];
  records: {
    recordId: string;
    minutes: number;
    status: string;
    evaluation: string | null;
    correction: unknown;
    decision: { decision: string; reason: string } | null;
  }[];
  minutesConfirmed: number;
  milestones: { reached: number[]; next: number | null };
}

interface Page {
  name: string;
  people: number;
  minutesServed: number;
  standing: string | null;
  declinedReason: string | null;
  mayManage: boolean;
}

const reason = (reply: Reply) => reply.body.error?.data.reason;

describe.each(engines)('volunteer teams over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn } = api;

  beforeAll(async () => {
    await resident.signIn('wang', DEMO_SIGN_INS.wang);
    await resident.signIn('zhang', DEMO_SIGN_INS.zhang);
    await resident.signIn('chen', DEMO_SIGN_INS.chen);
    await signIn('volunteers');
    await signIn('shuyuan');
    await signIn('qinfeng');
  });

  const query = async <T>(path: string, input: unknown, as?: string) => {
    const reply = await call<T>(path, input, { query: true, ...(as ? { as } : {}) });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const mutate = async (path: string, input: unknown, as: string) => {
    const reply = await call<{ position: string }>(path, input, { as });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };

  it('gives the demo team leader the teams they lead, with a year of confirmed service', async () => {
    const mine = await query<Mine>('team.mine', undefined, 'volunteers');
    expect(mine.teams.filter((t) => t.standing === 'leader').map((t) => t.teamId)).toEqual([
      SILVER,
      DANCE,
    ]);
    const page = await query<Page>('team.page', { teamId: SILVER }, 'volunteers');
    expect(page.mayManage).toBe(true);
    // 3 members × 11 confirmed months × 2.5 h on site; the twelfth month awaits confirmation.
    expect(page.minutesServed).toBe(3 * 11 * 150);
    expect(page.people).toBe(4);
  });

  it('shows the public page to anyone with hours served and no names of people', async () => {
    const reply = await call<Page>('team.page', { teamId: SILVER }, { query: true });
    expect(reply.status).toBe(200);
    expect(reply.body.result!.data.standing).toBeNull();
    expect(JSON.stringify(reply.body)).not.toContain('钱福根');
    const list = await query<{ teams: { teamId: string }[] }>('team.list', {
      communityId: 'shuyuan',
    });
    expect(list.teams.map((t) => t.teamId)).toEqual([SILVER, DANCE, 'demo-team-youth']);
    const missing = await call('team.page', { teamId: 'no-such-team' }, { query: true });
    expect(missing.status).toBe(404);
  });

  it('lets a resident ask to join; the leader accepts one and declines another with a reason', async () => {
    await mutate('team.requestToJoin', { teamId: SILVER, note: '我会理发' }, 'wang');
    const asZhang = await mutate('team.requestToJoin', { teamId: DANCE }, 'zhang');
    // Staff ask nobody to join: residents only.
    expect((await call('team.requestToJoin', { teamId: SILVER }, { as: 'shuyuan' })).status).toBe(
      403,
    );
    const manage = await query<{ people: { accountId: string; standing: string; name: string }[] }>(
      'team.manage',
      { teamId: SILVER, minPosition: asZhang.position },
      'volunteers',
    );
    expect(manage.people.find((p) => p.accountId === WANG)).toMatchObject({
      standing: 'requested',
      name: '顾月琴',
    });
    // A member who is no leader answers nothing.
    const byMember = await call(
      'team.answerJoinRequest',
      { teamId: DANCE, accountId: 'demo-r-zhang', answer: 'accepted' },
      { as: 'wang' },
    );
    expect([byMember.status, reason(byMember)]).toEqual([403, 'not_team_leader']);
    await mutate(
      'team.answerJoinRequest',
      { teamId: SILVER, accountId: WANG, answer: 'accepted' },
      'volunteers',
    );
    const noReason = await call(
      'team.answerJoinRequest',
      { teamId: DANCE, accountId: 'demo-r-zhang', answer: 'declined' },
      { as: 'volunteers' },
    );
    expect([noReason.status, reason(noReason)]).toEqual([400, 'reason_required']);
    expect(noReason.body.error!.data.fieldErrors?.[0]?.path).toBe('reason');
    const declined = await mutate(
      'team.answerJoinRequest',
      {
        teamId: DANCE,
        accountId: 'demo-r-zhang',
        answer: 'declined',
        reason: '本期舞蹈班已满，下季度再报名',
      },
      'volunteers',
    );
    const zhangPage = await query<Page>(
      'team.page',
      { teamId: DANCE, minPosition: declined.position },
      'zhang',
    );
    expect(zhangPage).toMatchObject({
      standing: 'declined',
      declinedReason: '本期舞蹈班已满，下季度再报名',
    });
    const wangPage = await query<Page>('team.page', { teamId: SILVER }, 'wang');
    expect(wangPage).toMatchObject({ standing: 'member', mayManage: false });
    const byOutsider = await call('team.manage', { teamId: SILVER }, { as: 'chen', query: true });
    expect([byOutsider.status, reason(byOutsider)]).toEqual([403, 'not_team_leader']);
    expect(
      (await call('team.manage', { teamId: SILVER }, { as: 'qinfeng', query: true })).status,
    ).toBe(403);
    expect(
      (await call('team.manage', { teamId: SILVER }, { as: 'shuyuan', query: true })).status,
    ).toBe(200);
  });

  it('records service for a member, which they see with their hours and ask to correct', async () => {
    const today = new Date();
    const startedAt = new Date(today.getTime() - 5 * 3_600_000).toISOString();
    const endedAt = new Date(today.getTime() - 3 * 3_600_000).toISOString();
    const service = {
      teamId: SILVER,
      volunteerId: WANG,
      startedAt,
      endedAt,
      place: '书院社区睦邻中心',
      content: '为独居老人理发',
    };
    const byMember = await call('team.recordService', service, { as: 'wang' });
    expect([byMember.status, reason(byMember)]).toEqual([403, 'not_team_leader']);
    const forStranger = await call(
      'team.recordService',
      { ...service, volunteerId: 'demo-r-chen' },
      { as: 'volunteers' },
    );
    expect([forStranger.status, reason(forStranger)]).toEqual([400, 'not_a_member']);
    const backwards = await call(
      'team.recordService',
      { ...service, endedAt: startedAt },
      { as: 'volunteers' },
    );
    expect([backwards.status, backwards.body.error?.data.fieldErrors?.[0]?.path]).toEqual([
      400,
      'endedAt',
    ]);
    const recorded = await call<{ recordId: string; position: string }>(
      'team.recordService',
      { ...service, evaluation: '动作轻柔，老人满意' },
      { as: 'volunteers' },
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const { recordId, position } = recorded.body.result!.data;
    const mine = await query<Mine>('team.mine', { minPosition: position }, 'wang');
    expect(mine.records.find((r) => r.recordId === recordId)).toMatchObject({
      minutes: 120,
      status: 'confirmed',
      evaluation: '动作轻柔，老人满意',
    });
    expect(mine.minutesConfirmed).toBe(120);
    expect(mine.milestones).toEqual({ reached: [], next: 50 });

    // Another's record is not theirs to correct; their own is, with a reason.
    const corrected = {
      recordId,
      startedAt,
      endedAt: new Date(today.getTime() - 2 * 3_600_000).toISOString(),
      reason: '理完发又帮老人打扫了一小时',
    };
    const notOwn = await call('team.requestCorrection', corrected, { as: 'zhang' });
    expect([notOwn.status, reason(notOwn)]).toEqual([403, 'not_own_record']);
    await mutate('team.requestCorrection', corrected, 'wang');
    const decision = { recordId, decision: 'accepted', reason: '与签到表相符' };
    const ownDecision = await call('team.decideCorrection', decision, { as: 'wang' });
    expect([ownDecision.status, reason(ownDecision)]).toEqual([403, 'own_record']);
    const otherCommunity = await call('team.decideCorrection', decision, { as: 'qinfeng' });
    expect([otherCommunity.status, reason(otherCommunity)]).toEqual([403, 'not_team_leader']);
    const decided = await mutate('team.decideCorrection', decision, 'shuyuan');
    const after = await query<Mine>('team.mine', { minPosition: decided.position }, 'wang');
    expect(after.records.find((r) => r.recordId === recordId)).toMatchObject({
      minutes: 180,
      correction: null,
      decision: { decision: 'accepted', reason: '与签到表相符' },
    });
    expect(after.minutesConfirmed).toBe(180);
  });

  it('confirms a waiting record and decides a seeded correction; never twice', async () => {
    const manage = await query<{
      records: { recordId: string; status: string; correction: unknown }[];
    }>('team.manage', { teamId: SILVER }, 'volunteers');
    const waiting = manage.records.find((r) => r.status === 'recorded')!;
    expect(waiting).toBeDefined();
    await mutate(
      'team.confirmRecord',
      { recordId: waiting.recordId, evaluation: '按时到岗' },
      'volunteers',
    );
    const withCorrection = manage.records.find((r) => r.correction !== null)!;
    const declined = {
      recordId: withCorrection.recordId,
      decision: 'declined',
      reason: '签到表没有记录',
    };
    await mutate('team.decideCorrection', declined, 'volunteers');
    const again = await call('team.decideCorrection', declined, { as: 'volunteers' });
    expect([again.status, reason(again)]).toEqual([409, 'no_correction_pending']);
  });

  it('registers a team in scope only, and lets its only leader leave after handing over', async () => {
    const team = {
      communityId: 'shuyuan',
      kind: 'autonomous',
      name: '书院读书会',
      description: '每月共读一本书。',
      organiser: { name: '书院社区居民委员会', personInCharge: '张卫东', contact: '52700188' },
      skills: ['读书分享'],
      leaders: ['demo-r-zhang'],
    };
    const outOfScope = await call('team.register', team, { as: 'qinfeng' });
    expect([outOfScope.status, reason(outOfScope)]).toEqual([403, 'out_of_scope']);
    const registered = await call<{ teamId: string }>('team.register', team, { as: 'shuyuan' });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const { teamId } = registered.body.result!.data;
    const lastLeader = await call('team.leave', { teamId }, { as: 'zhang' });
    expect([lastLeader.status, reason(lastLeader)]).toEqual([409, 'last_leader']);
    await mutate('team.requestToJoin', { teamId }, 'chen');
    await mutate(
      'team.answerJoinRequest',
      { teamId, accountId: 'demo-r-chen', answer: 'accepted' },
      'zhang',
    );
    await mutate('team.handOver', { teamId, to: 'demo-r-chen' }, 'zhang');
    const left = await mutate('team.leave', { teamId }, 'zhang');
    const page = await query<Page>('team.page', { teamId, minPosition: left.position }, 'chen');
    expect(page).toMatchObject({ standing: 'leader', people: 1, mayManage: true });
  });
});
