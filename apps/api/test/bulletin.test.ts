// The bulletin of a community with too few ballots to be secret, over HTTP on SQLite and
// PostgreSQL, on the seeded cycles whose vote has closed: the summer cycle (demo-cycle-notice)
// sets a minimum of four ballots, so 书院社区 (four) shows every ballot and 虹桥社区 (one) the
// totals only; the spring cycle (demo-cycle-confirm) keeps the default of ten for its one ballot.
// Only the street officers of the cycle's street and city administrators download such a
// bulletin, and counting it again gives the digest and winners the tally records.
import { beforeAll, describe, expect, it } from 'vitest';
import { recountPb } from '@gongzhi/api';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines, useApiServer } from './harness.ts';

const SUMMER = { cycleId: 'demo-cycle-notice', communityId: 'hongqiao' };
const SPRING = { cycleId: 'demo-cycle-confirm', communityId: 'hongqiao' };

interface Bulletin {
  disclosure: string;
  ballots: number;
  minimum: number;
  files: boolean;
  rows?: { receipt: string; choices: string[] }[];
  totals?: { proposalId: string; votes: number }[];
}

interface Result {
  tally: {
    inputDigest: string;
    winners: string[];
    projects: { proposalId: string; votes: number }[];
  };
  disclosure: string;
  bulletinMinimum: number;
  recount: { matches: boolean; inputDigest: string };
}

describe.each(engines)('the bulletin of a small community over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn } = api;
  const bulletin = async (place: { cycleId: string; communityId: string }, as?: string) => {
    const reply = await call<Bulletin>('ballot.bulletin', place, { query: true, as });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const file = (place: { cycleId: string; communityId: string }, as?: string) =>
    call<{ text: string }>('ballot.bulletinFile', { ...place, format: 'pb' }, { query: true, as });
  const result = async (place: { cycleId: string; communityId: string }) =>
    (await call<Result>('ballot.result', place, { query: true })).body.result!.data;

  beforeAll(async () => {
    const login = await call('resident.login', {
      phone: DEMO_RESIDENT.loginName,
      password: DEMO_RESIDENT.password,
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='))!;
    api.tokens.set('resident', /^gongzhi_session=([^;]+)/.exec(cookie)![1]!);
    for (const name of ['admin', 'yushan', 'qinchuan', 'shuyuan', 'committee', 'qinfeng']) {
      await signIn(name);
    }
  });

  it('publishes the totals only below the minimum, every ballot from it, and says which', async () => {
    expect(await bulletin(SUMMER)).toEqual({
      disclosure: 'totals',
      ballots: 1,
      minimum: 4,
      files: false,
      totals: [{ proposalId: 'demo-n-bridge-rail', votes: 1 }],
    });
    expect(await bulletin(SPRING)).toEqual({
      disclosure: 'totals',
      ballots: 1,
      minimum: 10,
      files: false,
      totals: [{ proposalId: 'demo-c-bike-racks', votes: 1 }],
    });
    const bare = await bulletin({ ...SUMMER, communityId: 'shuyuan' });
    expect(bare).toMatchObject({ disclosure: 'ballots', ballots: 4, minimum: 4, files: true });
    expect(bare.rows).toHaveLength(4);

    const small = await result(SUMMER);
    expect(small).toMatchObject({
      disclosure: 'totals',
      bulletinMinimum: 4,
      recount: { matches: true },
      tally: {
        projects: expect.arrayContaining([
          expect.objectContaining({ proposalId: 'demo-n-bridge-rail', votes: 1 }),
        ]),
      },
    });
    expect(await result({ ...SUMMER, communityId: 'shuyuan' })).toMatchObject({
      disclosure: 'ballots',
      recount: { matches: true },
    });
  });

  it('lets the street officers of the cycle and city administrators download it and recount', async () => {
    for (const as of [undefined, 'resident', 'shuyuan', 'committee', 'qinchuan', 'qinfeng']) {
      const refused = await file(SUMMER, as);
      expect({ as, status: refused.status, reason: refused.body.error?.data.reason }).toEqual({
        as,
        status: 403,
        reason: 'bulletin_totals_only',
      });
      expect((await bulletin(SUMMER, as)).files).toBe(false);
    }
    const recorded = (await result(SUMMER)).tally;
    for (const as of ['yushan', 'admin']) {
      expect((await bulletin(SUMMER, as)).files).toBe(true);
      const full = await file(SUMMER, as);
      expect(full.status, JSON.stringify(full.body)).toBe(200);
      expect(recountPb(full.body.result!.data.text)).toEqual({
        inputDigest: recorded.inputDigest,
        winners: recorded.winners,
      });
    }

    // The download route answers the same: refused to the public in words, served to the officer.
    const url = `${api.url}/api/public/cycles/${SUMMER.cycleId}/communities/${SUMMER.communityId}/bulletin.pb`;
    const anonymous = await fetch(url, { headers: { 'accept-language': 'en' } });
    expect(anonymous.status).toBe(403);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toMatch(
      /fewer than 4 ballots/,
    );
    const officer = await fetch(url, {
      headers: { cookie: `gongzhi_session=${api.tokens.get('yushan')}` },
    });
    expect(officer.status).toBe(200);
    const pbText = await officer.text();
    expect(recountPb(pbText).inputDigest).toBe(recorded.inputDigest);

    // The voter's receipt is in no public answer, yet still finds the voter's own ballot.
    const receipt = /^([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3});/m.exec(pbText)![1]!;
    const shown = JSON.stringify([await bulletin(SUMMER), await result(SUMMER)]);
    expect(shown).not.toContain(receipt);
    const found = await call(
      'ballot.findReceipt',
      { cycleId: SUMMER.cycleId, receipt },
      { query: true },
    );
    expect(found.body.result?.data).toEqual({
      published: true,
      ballot: { receipt, communityId: 'hongqiao', choices: ['demo-n-bridge-rail'] },
    });
  });
});
