// Activities and shifts over HTTP on SQLite and PostgreSQL: fifty members signing up at once for
// a shift of five slots are all answered, five holding a place and forty-five wait-listed in
// order; a cancellation promotes the first waiting; the reminder a day ahead reaches a resident's
// inbox; check-in with the leader's rotating code, refused with an expired or forged code; the
// leader records someone without a phone; closing records the no-show and turns attendance
// (time on site) into service records the leader confirms.
import { beforeAll, describe, expect, it } from 'vitest';
import { organisationCommands, teamCommands } from '@gongzhi/api';
import { hashPassword } from '@gongzhi/auth';
import type { EventMetadata } from '@gongzhi/eventstore';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines, useApiServer, type Reply } from './harness.ts';

const SILVER = 'demo-team-silver';
const LEADER = 'demo-volunteers';
const WANG = DEMO_RESIDENT.residentId;
const MEMBERS = Array.from({ length: 50 }, (_, i) => `shift-vol-${String(i + 1).padStart(2, '0')}`);
const HOUR = 3_600_000;

interface ShiftView {
  shift: { taken: number; waiting: number; slots: number };
  people: { accountId: string; status: string; confirmed: boolean; checkedInAt: string | null }[];
  code: { code: string; validUntil: string } | null;
}

const reason = (reply: Reply) => reply.body.error?.data.reason;

describe.each(engines)('volunteer shifts over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn } = api;
  const T0 = Date.now();
  const at = (ms: number) => (api.runtime.services.now = () => new Date(T0 + ms));
  let activityId = '';
  let big = '';
  let small = '';

  beforeAll(async () => {
    const login = await call('resident.login', {
      phone: DEMO_RESIDENT.loginName,
      password: DEMO_RESIDENT.password,
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='))!;
    api.tokens.set('wang', /^gongzhi_session=([^;]+)/.exec(cookie)![1]!);
    await signIn('volunteers');
    // Fifty members of the silver-age team, each with a session of their own.
    const { store, runner } = api.runtime;
    const metadata: EventMetadata = {
      actor: 'system',
      channel: 'system',
      correlationId: 'team-shifts-test',
      occurredAt: new Date().toISOString(),
    };
    const w = { store, readModels: runner, metadata };
    const passwordHash = await hashPassword('shift-members-1');
    for (const accountId of MEMBERS) {
      await organisationCommands.createStaffAccount(w, {
        accountId,
        loginName: accountId.replaceAll('-', '.'),
        displayName: accountId,
        passwordHash,
      });
      await teamCommands.onTeam(w, SILVER, () => ({
        type: 'RequestToJoinTeam',
        data: { teamId: SILVER, accountId },
      }));
      await teamCommands.onTeam(w, SILVER, () => ({
        type: 'AnswerJoinRequest',
        data: { teamId: SILVER, accountId, answer: 'accepted', by: LEADER },
      }));
      api.tokens.set(accountId, (await api.runtime.services.sessions.create(accountId)).token);
    }
    await call('team.requestToJoin', { teamId: SILVER }, { as: 'wang' });
    const accepted = await call(
      'team.answerJoinRequest',
      { teamId: SILVER, accountId: WANG, answer: 'accepted' },
      { as: 'volunteers' },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  });

  const shiftView = async (shiftId: string, as = 'volunteers') => {
    const reply = await call<ShiftView>(
      'team.shift',
      { shiftId, minPosition: (await api.head()) ?? undefined },
      { as, query: true },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };

  it('is planned by a leader only', async () => {
    const plan = {
      teamId: SILVER,
      title: '重阳节探访独居老人',
      description: '分两组上门探访。',
      shifts: [
        {
          startsAt: new Date(T0 + 3 * HOUR).toISOString(),
          endsAt: new Date(T0 + 5 * HOUR).toISOString(),
          place: '书院社区睦邻中心',
          slots: 5,
        },
        {
          startsAt: new Date(T0 + 2 * HOUR).toISOString(),
          endsAt: new Date(T0 + 4 * HOUR).toISOString(),
          place: '书院新村 12 幢',
          slots: 2,
        },
      ],
    };
    const byMember = await call('team.planActivity', plan, { as: 'wang' });
    expect([byMember.status, reason(byMember)]).toEqual([403, 'not_team_leader']);
    const planned = await call<{ activityId: string; shiftIds: string[] }>(
      'team.planActivity',
      plan,
      { as: 'volunteers' },
    );
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    ({ activityId } = planned.body.result!.data);
    [big, small] = planned.body.result!.data.shiftIds as [string, string];
  });

  it('takes five of fifty concurrent sign-ups and wait-lists the rest, in order', async () => {
    const replies = await Promise.all(
      MEMBERS.map((as) =>
        call<{ waitListed: boolean }>('team.signUp', { activityId, shiftId: big }, { as }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(MEMBERS.map(() => 200));
    const waitListed = replies.filter((r) => r.body.result!.data.waitListed).length;
    expect(waitListed).toBe(45);
    const view = await shiftView(big);
    expect(view.shift).toMatchObject({ slots: 5, taken: 5, waiting: 45 });
    const holding = view.people.filter((p) => p.status === 'signed_up').map((p) => p.accountId);
    const firstWaiting = view.people.find((p) => p.status === 'wait_listed')!.accountId;
    // A holder cancels: the first waiting takes the place.
    const cancelled = await call(
      'team.cancelSignUp',
      { activityId, shiftId: big },
      { as: holding[0] },
    );
    expect(cancelled.status).toBe(200);
    const after = await shiftView(big);
    expect(after.shift).toMatchObject({ taken: 5, waiting: 44 });
    expect(after.people.find((p) => p.accountId === firstWaiting)!.status).toBe('signed_up');
    expect(after.people.find((p) => p.accountId === holding[0])!.status).toBe('cancelled');
    // Its list and code are the leader's.
    const byMember = await call('team.shift', { shiftId: big }, { as: 'wang', query: true });
    expect([byMember.status, reason(byMember)]).toEqual([403, 'not_team_leader']);
  });

  it('reminds those holding a place a day ahead, in their inbox, once', async () => {
    for (const as of ['wang', MEMBERS[49]!]) {
      const signed = await call('team.signUp', { activityId, shiftId: small }, { as });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    }
    expect(await api.runtime.remindShifts()).toBe(2);
    expect(await api.runtime.remindShifts()).toBe(0);
    const inbox = await call<{ notices: { cause: string; message: { 'zh-CN': string } }[] }>(
      'notification.inbox',
      { minPosition: (await api.head()) ?? undefined },
      { as: 'wang', query: true },
    );
    const reminder = inbox.body.result!.data.notices.find((n) => n.cause === 'ShiftReminderSent');
    expect(reminder?.message['zh-CN']).toContain('重阳节探访独居老人');
    const confirmed = await call(
      'team.confirmShift',
      { activityId, shiftId: small },
      { as: 'wang' },
    );
    expect(confirmed.status).toBe(200);
    expect((await shiftView(small)).people.find((p) => p.accountId === WANG)!.confirmed).toBe(true);
  });

  it('checks in by the current code only, and lets the leader record someone without a phone', async () => {
    at(2 * HOUR - 5 * 60_000);
    const { code } = (await shiftView(small)).code!;
    const forged = await call(
      'team.checkIn',
      { activityId, shiftId: small, code: '0123456789' },
      { as: 'wang' },
    );
    expect([forged.status, reason(forged)]).toEqual([400, 'code_expired']);
    const checkedIn = await call(
      'team.checkIn',
      { activityId, shiftId: small, code },
      { as: 'wang' },
    );
    expect(checkedIn.status, JSON.stringify(checkedIn.body)).toBe(200);
    const byLeader = await call(
      'team.recordAttendance',
      { activityId, shiftId: small, accountId: MEMBERS[10], direction: 'in' },
      { as: 'volunteers' },
    );
    expect(byLeader.status, JSON.stringify(byLeader.body)).toBe(200);
    const forOther = await call(
      'team.recordAttendance',
      { activityId, shiftId: small, accountId: MEMBERS[11], direction: 'in' },
      { as: MEMBERS[12] },
    );
    expect([forOther.status, reason(forOther)]).toEqual([403, 'not_team_leader']);

    // Ninety minutes later the code shown at check-in has long expired.
    at(3 * HOUR + 25 * 60_000);
    const expired = await call(
      'team.checkIn',
      { activityId, shiftId: small, code, direction: 'out' },
      { as: 'wang' },
    );
    expect([expired.status, reason(expired)]).toEqual([400, 'code_expired']);
    expect(expired.body.error!.data.fieldErrors?.[0]?.path).toBe('code');
    const fresh = (await shiftView(small)).code!.code;
    // The previous window's code still counts just after it turns.
    at(3 * HOUR + 25 * 60_000 + 30_000);
    const out = await call(
      'team.checkIn',
      { activityId, shiftId: small, code: fresh, direction: 'out' },
      { as: 'wang' },
    );
    expect(out.status, JSON.stringify(out.body)).toBe(200);
  });

  it('closes a shift with its no-show, turning time on site into records to confirm', async () => {
    at(4 * HOUR + 10 * 60_000);
    const byMember = await call('team.closeShift', { activityId, shiftId: small }, { as: 'wang' });
    expect([byMember.status, reason(byMember)]).toEqual([403, 'not_team_leader']);
    const closed = await call<{ position: string }>(
      'team.closeShift',
      { activityId, shiftId: small },
      { as: 'volunteers' },
    );
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const view = await shiftView(small);
    expect(view.people.find((p) => p.accountId === MEMBERS[49])!.status).toBe('no_show');
    const mine = await call<{
      records: { recordId: string; minutes: number; status: string; place: string }[];
    }>(
      'team.mine',
      { minPosition: closed.body.result!.data.position },
      { as: 'wang', query: true },
    );
    const record = mine.body.result!.data.records.find((r) => r.place === '书院新村 12 幢')!;
    // 1:55 before, i.e. 5 minutes before the start, to 3:25:30 after T0: 90 minutes on site.
    expect(record).toMatchObject({ minutes: 90, status: 'recorded' });
    const walkIn = await call<{ records: { minutes: number; place: string }[] }>(
      'team.mine',
      { minPosition: closed.body.result!.data.position },
      { as: MEMBERS[10], query: true },
    );
    // Recorded in by the leader, never out: until the planned end.
    expect(
      walkIn.body.result!.data.records.find((r) => r.place === '书院新村 12 幢')!.minutes,
    ).toBe(125);
    const confirmed = await call(
      'team.confirmRecord',
      { recordId: record.recordId, evaluation: '准时到岗，陪老人聊天' },
      { as: 'volunteers' },
    );
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const again = await call(
      'team.closeShift',
      { activityId, shiftId: small },
      { as: 'volunteers' },
    );
    expect(again.status).toBe(200);
    delete api.runtime.services.now;
  });
});
