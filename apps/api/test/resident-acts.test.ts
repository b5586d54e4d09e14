// "Acts done on my behalf" over HTTP: a proposal a relative submits as proxy and one a community
// worker enters for a resident who came in person show in that resident's profile, newest first,
// with who did it and how; the relative's own profile does not list them.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines } from './harness.ts';
import { cycleDefinition } from './micro-fixtures.ts';
import { useResidentServer } from './resident-harness.ts';

/** Demo residents who sign in with a password; both live in 书院社区. */
const GU = { id: 'demo-r-wang', phone: '13900001001', password: 'qinhu-resident-2025' };
const SHEN = { id: 'demo-r-zhang', phone: '13900001002', password: 'qinhu-zhangli-2025' };

interface Act {
  position: string;
  type: string;
  what: string;
  by: { accountId: string; kind: string; name: string | null };
  channel: string;
  at: string;
}

const proposal = (title: string) => ({
  title,
  description: `${title}:居民反映已久,希望纳入民生微实事。`,
  category: 'works',
  estimatedCost: 5_000_000,
  location: { text: '书院新村 5 幢' },
});

describe.each(engines)('acts done on my behalf over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call } = api;
  let cycleId: string;

  /** The acts on `as`'s profile once the read models have everything written so far. */
  async function actsOf(as: string, headers: Record<string, string> = {}): Promise<Act[]> {
    const reply = await call<{ actsOnMyBehalf: Act[] }>(
      'resident.me',
      { minPosition: (await api.head()) ?? undefined },
      { as, query: true, headers },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data.actsOnMyBehalf;
  }

  async function submit(as: string, path: string, input: Record<string, unknown>) {
    const reply = await call<{ proposalId: string; position: string }>(path, input, { as });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  }

  beforeAll(async () => {
    for (const staff of ['yushan', 'shuyuan']) await api.signIn(staff);
    await resident.signIn('gu', GU);
    await resident.signIn('shen', SHEN);
    const drafted = await call<{ cycleId: string }>(
      'cycle.draft',
      { streetId: 'yushan', ...cycleDefinition() },
      { as: 'yushan' },
    );
    cycleId = drafted.body.result!.data.cycleId;
    await call('cycle.publish', { cycleId }, { as: 'yushan' });
    const opened = await call(
      'cycle.advancePhase',
      { cycleId, to: 'proposing', reason: '测试:提前开始征集' },
      { as: 'yushan' },
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const granted = await call(
      'resident.grantProxy',
      { granteePhone: SHEN.phone, powers: ['propose'] },
      { as: 'gu' },
    );
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    // The proxy is read from the read model when 沈 acts.
    await actsOf('gu');
  });

  it('lists a proposal a relative submitted as proxy, then one a worker entered offline, newest first', async () => {
    const before = await actsOf('gu');
    const byProxy = await submit('shen', 'proposal.submit', {
      cycleId,
      communityId: 'shuyuan',
      ...proposal('楼道加装声控灯'),
      forResidentId: GU.id,
    });
    // 顾's own proposal is not an act on her behalf.
    await submit('gu', 'proposal.submit', {
      cycleId,
      communityId: 'shuyuan',
      ...proposal('单元门口加装雨棚'),
    });
    const offline = await submit('shuyuan', 'proposal.submitFor', {
      communityId: 'shuyuan',
      residentId: GU.id,
      cycleId,
      ...proposal('小区北门修补路面'),
    });

    const acts = await actsOf('gu');
    expect(acts.slice(2)).toEqual(before);
    expect(acts.slice(0, 2)).toMatchObject([
      {
        position: offline.position,
        type: 'ProposalSubmitted',
        what: '提交了工程类建议「小区北门修补路面」，估算 50,000.00 元',
        by: { accountId: 'demo-shuyuan', kind: 'staff', name: '李桂英' },
        channel: 'offline',
      },
      {
        position: byProxy.position,
        type: 'ProposalSubmitted',
        what: '提交了工程类建议「楼道加装声控灯」，估算 50,000.00 元',
        by: { accountId: SHEN.id, kind: 'resident', name: '沈佳怡' },
        channel: 'proxy',
      },
    ]);
    const [latestEn] = await actsOf('gu', { 'x-gongzhi-locale': 'en' });
    expect(latestEn?.what).toBe(
      'submitted the works proposal “小区北门修补路面”, estimated at ¥50,000.00',
    );
    // The relative acted for someone else: nothing was done on her own behalf.
    expect((await actsOf('shen')).map((act) => act.position)).not.toContain(byProxy.position);
  });
});
