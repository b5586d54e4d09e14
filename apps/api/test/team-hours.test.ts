// Hours reports over HTTP: staff of 书院社区 (and of its street) see the confirmed hours of its
// teams over a period, per team and per person (ordered by name, never by hours); staff of
// another community or street see nothing of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

interface Report {
  total: { minutes: number; records: number };
  teams: { teamId: string; minutes: number }[];
  people: { teamId: string; name: string; minutes: number }[];
  records: { recordId: string; date: string }[];
}

const day = (offset: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(engines)('hours reports over HTTP on $name', ({ make }) => {
  const api = useApiServer(make());
  const { call, signIn } = api;

  beforeAll(async () => {
    await signIn('shuyuan');
    await signIn('qinfeng');
  });

  it('sums the confirmed hours of the community’s teams over a period, without ranking', async () => {
    const input = { streetId: 'yushan', communityId: 'shuyuan', from: day(-400), until: day(0) };
    const reply = await call<Report>('team.hours', input, { as: 'shuyuan', query: true });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const report = reply.body.result!.data;
    // The seed: 11 confirmed months of each member of the silver-age (3 × 2.5 h), dance (2 × 2 h) teams.
    expect(report.teams.find((t) => t.teamId === 'demo-team-silver')?.minutes).toBe(3 * 11 * 150);
    expect(report.teams.find((t) => t.teamId === 'demo-team-dance')?.minutes).toBe(2 * 11 * 120);
    expect(report.total.minutes).toBe(3 * 11 * 150 + 2 * 11 * 120);
    expect(report.records).toHaveLength(report.total.records);
    // Grouped by team, then by name: never by hours.
    const silver = report.people.filter((p) => p.teamId === 'demo-team-silver').map((p) => p.name);
    expect(silver).toHaveLength(3);
    expect(silver).toEqual([...silver].sort((a, b) => a.localeCompare(b)));
    // A shorter period counts only its records.
    const recent = await call<Report>(
      'team.hours',
      { ...input, from: day(-100) },
      { as: 'shuyuan', query: true },
    );
    expect(recent.body.result!.data.records.every((r) => r.date >= day(-100))).toBe(true);
    expect(recent.body.result!.data.total.minutes).toBeLessThan(report.total.minutes);
  });

  it('shows nothing to staff of another community, and refuses a backward period', async () => {
    const input = { streetId: 'yushan', communityId: 'shuyuan', from: day(-400), until: day(0) };
    const elsewhere = await call('team.hours', input, { as: 'qinfeng', query: true });
    expect([elsewhere.status, elsewhere.body.error?.data.reason]).toEqual([403, 'out_of_scope']);
    const street = await call(
      'team.hours',
      { ...input, communityId: undefined },
      {
        as: 'qinfeng',
        query: true,
      },
    );
    expect(street.status).toBe(403);
    const backwards = await call(
      'team.hours',
      { ...input, from: day(0), until: day(-1) },
      { as: 'shuyuan', query: true },
    );
    expect([backwards.status, backwards.body.error?.data.reason]).toEqual([
      400,
      'period_backwards',
    ]);
  });
});
