// Service needs and claims over HTTP on SQLite and PostgreSQL, on the seeded needs of 书院社区:
// the community worker posts a need (and offers a micro-project, whole or in part); a leader
// claims for the team they lead and for no other, and a team of another street claims nothing
// here; the worker of 书院 accepts one claim (saying why not to the others, who see the reason),
// and a worker of another community accepts nothing here; a project offered whole is then
// implemented by the team.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer, type Reply } from './harness.ts';

const SILVER = 'demo-team-silver';
const YOUTH = 'demo-team-youth';
const CHECKUP = 'demo-need-checkup';

interface NeedPage {
  need: { needId: string; takenBy: string | null; claims: number };
  claims: { teamId: string; teamName: string; status: string; reason: string | null }[];
  mayClaimFor: { teamId: string }[];
  mayAccept: boolean;
}

const reason = (reply: Reply) => reply.body.error?.data.reason;
const later = (days: number, hour: number) =>
  new Date(Date.now() + days * 86_400_000 + hour * 3_600_000).toISOString();

describe.each(engines)('service needs and claims over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn } = api;

  beforeAll(async () => {
    const login = await call('resident.login', {
      phone: '13900001002',
      password: 'qinhu-zhangli-2025',
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='))!;
    api.tokens.set('zhang', /^gongzhi_session=([^;]+)/.exec(cookie)![1]!);
    await signIn('volunteers');
    await signIn('shuyuan');
    await signIn('qinfeng');
  });

  const query = async <T>(path: string, input: unknown, as?: string) => {
    const reply = await call<T>(path, input, { query: true, ...(as ? { as } : {}) });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const mutate = async <T = { position: string }>(path: string, input: unknown, as: string) => {
    const reply = await call<T & { position: string }>(path, input, { as });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const need = (changes: object = {}) => ({
    communityId: 'shuyuan',
    title: '楼道杂物清理',
    description: '帮助行动不便的老人清理楼道堆放的杂物。',
    place: '书院新村 12 幢',
    startsAt: later(7, 1),
    endsAt: later(7, 3),
    people: 3,
    skills: ['环境清扫'],
    ...changes,
  });

  it('shows the seeded needs and their claims to anyone', async () => {
    const { needs } = await query<{ needs: { needId: string; claims: number }[] }>('team.needs', {
      communityId: 'shuyuan',
      open: true,
    });
    expect(needs.find((n) => n.needId === CHECKUP)?.claims).toBe(2);
    const page = await query<NeedPage>('team.need', { needId: CHECKUP });
    expect(page.claims.map((c) => [c.teamId, c.status])).toEqual([
      [SILVER, 'claimed'],
      [YOUTH, 'claimed'],
    ]);
    expect(page.mayAccept).toBe(false);
    expect((await call('team.need', { needId: 'no-such-need' }, { query: true })).status).toBe(404);
  });

  it('lets staff of the community post a need, and nobody else', async () => {
    const posted = await mutate<{ needId: string }>('team.postNeed', need(), 'shuyuan');
    expect(posted.needId).toBeTruthy();
    const elsewhere = await call('team.postNeed', need(), { as: 'qinfeng' });
    expect([elsewhere.status, reason(elsewhere)]).toEqual([403, 'out_of_scope']);
    expect((await call('team.postNeed', need(), { as: 'volunteers' })).status).toBe(403);
    const backwards = await call('team.postNeed', need({ endsAt: later(7, 0) }), {
      as: 'shuyuan',
    });
    expect([backwards.status, reason(backwards)]).toEqual([400, 'need_ends_before_start']);
    expect(backwards.body.error!.data.fieldErrors?.[0]?.path).toBe('endsAt');
    // A resident's proposal of another community is not this community's to turn into a need.
    const foreign = await call(
      'team.postNeed',
      need({ source: { kind: 'request', proposalId: 'demo-p-bus-shelter' } }),
      { as: 'shuyuan' },
    );
    expect([foreign.status, reason(foreign)]).toEqual([400, 'proposal_elsewhere']);
    // A resident's proposal of 书院 becomes a need.
    await mutate(
      'team.postNeed',
      need({ source: { kind: 'request', proposalId: 'demo-p-handrails' } }),
      'shuyuan',
    );
  });

  it('lets a leader claim for their own team only, and no team of another street', async () => {
    const { needId } = await mutate<{ needId: string }>('team.postNeed', need(), 'shuyuan');
    // 钱秀兰 leads the silver-age team, not the youth team.
    const forOther = await call('team.claimNeed', { needId, teamId: YOUTH }, { as: 'volunteers' });
    expect([forOther.status, reason(forOther)]).toEqual([403, 'not_team_leader']);
    // The chain: the worker of 琴风 registers a team of their own (they may), leads it, and
    // claims 书院's need with it — refused, the team is of another street.
    const { teamId } = await mutate<{ teamId: string }>(
      'team.register',
      {
        communityId: 'qinfeng',
        kind: 'autonomous',
        name: '琴风巡逻队',
        description: '夜间巡逻',
        organiser: { name: '琴风社区居民委员会', personInCharge: '李主任', contact: '0512-1' },
        skills: [],
        leaders: ['demo-qinfeng'],
      },
      'qinfeng',
    );
    const fromElsewhere = await call('team.claimNeed', { needId, teamId }, { as: 'qinfeng' });
    expect([fromElsewhere.status, reason(fromElsewhere)]).toEqual([403, 'need_elsewhere']);
    const claimed = await mutate('team.claimNeed', { needId, teamId: SILVER }, 'volunteers');
    const page = await query<NeedPage>(
      'team.need',
      { needId, minPosition: claimed.position },
      'volunteers',
    );
    expect(page.claims.map((c) => c.teamId)).toEqual([SILVER]);
  });

  it('lets staff of the need’s community accept one claim; the others see why not', async () => {
    const elsewhere = await call(
      'team.acceptClaim',
      { needId: CHECKUP, teamId: SILVER, reason: '就近' },
      { as: 'qinfeng' },
    );
    expect([elsewhere.status, reason(elsewhere)]).toEqual([403, 'out_of_scope']);
    const byLeader = await call(
      'team.acceptClaim',
      { needId: CHECKUP, teamId: SILVER, reason: '就近' },
      { as: 'volunteers' },
    );
    expect(byLeader.status).toBe(403);
    const noReason = await call(
      'team.acceptClaim',
      { needId: CHECKUP, teamId: SILVER },
      {
        as: 'shuyuan',
      },
    );
    expect([noReason.status, reason(noReason)]).toEqual([400, 'reason_required']);
    const accepted = await mutate(
      'team.acceptClaim',
      { needId: CHECKUP, teamId: SILVER, reason: '银龄队有多次陪诊经验，青年队下次优先' },
      'shuyuan',
    );
    const page = await query<NeedPage>(
      'team.need',
      { needId: CHECKUP, minPosition: accepted.position },
      'zhang',
    );
    expect(page.need.takenBy).toBe(SILVER);
    expect(page.claims.find((c) => c.teamId === YOUTH)).toMatchObject({
      status: 'declined',
      reason: '银龄队有多次陪诊经验，青年队下次优先',
    });
    const late = await call('team.claimNeed', { needId: CHECKUP, teamId: YOUTH }, { as: 'zhang' });
    expect([late.status, reason(late)]).toEqual([409, 'need_taken']);
  });

  it('hands a project offered whole to the team whose claim is accepted', async () => {
    const tooFar = await call(
      'team.postNeed',
      need({ source: { kind: 'project', projectId: 'demo-i-garden', part: 'whole' } }),
      { as: 'shuyuan' },
    );
    expect([tooFar.status, reason(tooFar)]).toEqual([409, 'project_too_far']);
    // A part of a project under way may still be offered.
    await mutate(
      'team.postNeed',
      need({ source: { kind: 'project', projectId: 'demo-i-garden', part: 'part' } }),
      'shuyuan',
    );
    const { needId } = await mutate<{ needId: string }>(
      'team.postNeed',
      need({
        title: '楼道感应灯安装后的巡查',
        source: { kind: 'project', projectId: 'demo-i-lights', part: 'whole' },
      }),
      'shuyuan',
    );
    await mutate('team.claimNeed', { needId, teamId: SILVER }, 'volunteers');
    const accepted = await mutate('team.acceptClaim', { needId, teamId: SILVER }, 'shuyuan');
    const { project } = await query<{ project: { implementer: unknown } }>('project.get', {
      projectId: 'demo-i-lights',
      minPosition: accepted.position,
    });
    expect(project.implementer).toEqual({ kind: 'team', teamId: SILVER });
  });
});
