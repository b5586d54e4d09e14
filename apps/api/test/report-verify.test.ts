// Issue 16, item 5: a published report's figures recomputed from the public downloads alone, over
// HTTP, as docs/outcome-reports.md ("How each figure is recomputed") tells a reader to. 虞山街道
// publishes its report for the demo year; every figure of every section (projects, satisfaction,
// meetings, volunteering, register) is recomputed from the CSV/JSON files under /api/public (the
// vitality index from the public query its page reads); a mismatch fails the build.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

type Cell = string | number | boolean | null;
type Rows = Record<string, Cell>[];
interface Figure {
  key: string;
  value: Cell;
  suppressed: boolean;
}
interface Section {
  key: string;
  figures: Figure[];
  items: { key: string; figures: Figure[] }[];
}
interface Report {
  period: { type: 'year'; year: number };
  range: { from: string; until: string };
  sections: Section[];
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const round1 = (n: number) => Math.round(n * 10) / 10;
const count = (rows: Rows, test: (row: Record<string, Cell>) => boolean) =>
  rows.filter(test).length;
/** The China calendar month of an instant. */
const chinaMonth = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 7);

describe.each(engines.slice(0, 1))('a published report recomputed on $name', ({ make }) => {
  const api = useApiServer(make());
  const download = async (path: string) => {
    const res = await fetch(new URL(path, api.url));
    expect(res.status, path).toBe(200);
    return res;
  };
  const rows = async (path: string): Promise<Rows> =>
    ((await (await download(path)).json()) as { rows: Rows }).rows;

  it('recomputes every figure from the public files and finds the published ones', async () => {
    await api.signIn('yushan');
    const cycles = await rows('/api/public/streets/yushan/cycles.json');
    const year = Number(cycles.find((c) => c.cycle_id === 'demo-cycle-evaluating')!.year);
    const published = await api.call(
      'report.publish',
      { streetId: 'yushan', period: { type: 'year', year } },
      { as: 'yushan' },
    );
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const { reportId, version, sha256 } = (
      published.body as { result: { data: { reportId: string; version: number; sha256: string } } }
    ).result.data;

    // The download is the published data: its SHA-256 is the published hash.
    const text = await (await download(`/api/public/reports/${reportId}/v${version}.json`)).text();
    expect(createHash('sha256').update(text).digest('hex')).toBe(sha256);
    const report = JSON.parse(text) as Report;
    const { from, until } = report.range;
    const section = (key: string) => report.sections.find((s) => s.key === key)!;
    const expectFigures = (key: string, expected: Record<string, Cell>) => {
      const published = Object.fromEntries(section(key).figures.map((f) => [f.key, f.value]));
      for (const [figure, value] of Object.entries(expected)) {
        expect(published[figure], `${key}.${figure}`).toEqual(value);
      }
    };
    const expectItem = (key: string, item: string, expected: Record<string, Cell | undefined>) => {
      const found = section(key).items.find((i) => i.key === item);
      expect(found, `${key} item ${item}`).toBeDefined();
      const published = Object.fromEntries(found!.figures.map((f) => [f.key, f.value]));
      for (const [figure, value] of Object.entries(expected)) {
        expect(published[figure], `${key}.${item}.${figure}`).toEqual(value);
      }
    };

    // Projects: projects.json of each of the street's cycles of the year.
    const projects: Rows = [];
    const surveys: Rows = [];
    for (const cycle of cycles.filter((c) => c.year === year)) {
      projects.push(...(await rows(`/api/public/cycles/${cycle.cycle_id}/projects/projects.json`)));
      surveys.push(...(await rows(`/api/public/cycles/${cycle.cycle_id}/projects/surveys.json`)));
    }
    expect(projects.length).toBeGreaterThan(0);
    const live = projects.filter((p) => p.status !== 'cancelled');
    const total = (column: string) => sum(projects.map((p) => Number(p[column] ?? 0)));
    expectFigures('projects', {
      projects: projects.length,
      cancelled: projects.length - live.length,
      approved_budget_fen: total('approved_budget_fen'),
      contract_value_fen: total('contract_value_fen'),
      spent_fen: total('spent_fen'),
      mean_physical_progress_pct: live.length
        ? round1(sum(live.map((p) => Number(p.physical_progress_pct))) / live.length)
        : null,
      completed: count(projects, (p) => p.completed_on !== null),
      accepted_passed: count(projects, (p) => p.acceptance_verdict === 'passed'),
      accepted_conditional: count(projects, (p) => p.acceptance_verdict === 'conditional'),
      accepted_failed: count(projects, (p) => p.acceptance_verdict === 'failed'),
    });
    for (const p of projects) {
      expectItem('projects', String(p.project_id), {
        community_id: p.community_id,
        status: p.status,
        stage: p.stage,
        approved_budget_fen: p.approved_budget_fen,
        contract_value_fen: p.contract_value_fen,
        spent_fen: p.spent_fen,
        physical_progress_pct: p.physical_progress_pct,
        financial_progress_pct: p.financial_progress_pct,
        acceptance_verdict: p.acceptance_verdict,
      });
    }

    // Satisfaction: surveys.json, closed surveys; answers of 1–4 people withheld with their scores.
    const closed = surveys.filter((s) => s.closed === true);
    expect(closed.length).toBeGreaterThan(0);
    expectFigures('satisfaction', { surveys_closed: closed.length });
    for (const s of closed) {
      expect(s.suppressed).toBe(s.answers === null);
      expectItem('satisfaction', String(s.project_id), {
        answers: s.answers,
        response_rate_pct: s.response_rate_pct,
        too_few: s.too_few,
        ...Object.fromEntries(
          ['overall', 'quality', 'timeliness', 'usefulness'].map((q) => [
            `${q}_mean`,
            s[`${q}_mean`],
          ]),
        ),
      });
    }

    // Meetings: meetings.json and resolutions.json of each of the street's communities, and of
    // the street's own bodies (its committee).
    const communities = await rows('/api/public/streets/yushan/communities.json');
    const held: Rows = [];
    const resolutions: Rows = [];
    const places = [
      ...communities.map(({ community_id: id }) => `/api/public/communities/${String(id)}`),
      '/api/public/streets/yushan',
    ];
    for (const place of places) {
      const meetings = (await rows(`${place}/meetings.json`)).filter(
        (m) =>
          m.status === 'closed' &&
          chinaMonth(String(m.starts_at)) >= from.slice(0, 7) &&
          chinaMonth(String(m.starts_at)) <= until.slice(0, 7),
      );
      held.push(...meetings);
      const ids = new Set(meetings.map((m) => m.meeting_id));
      resolutions.push(
        ...(await rows(`${place}/resolutions.json`)).filter((r) => ids.has(r.meeting_id)),
      );
    }
    expect(held.length).toBeGreaterThan(0);
    const closedBy = (r: Record<string, Cell>) =>
      r.status === 'closed' && r.closed_on !== null && String(r.closed_on) <= until;
    expectFigures('meetings', {
      meetings_held: held.length,
      late_notices: count(held, (m) => m.notice_on_time === false),
      motions_adopted: sum(held.map((m) => Number(m.motions_passed))),
      resolutions_assigned: resolutions.length,
      resolutions_closed: count(resolutions, closedBy),
      resolutions_overdue: count(resolutions, (r) => !closedBy(r) && String(r.due_on) < until),
    });
    // The index per month: what the public vitality page of the street reads.
    const vitality = await api.call(
      'meeting.vitality',
      {
        place: { type: 'street', streetId: 'yushan' },
        from: from.slice(0, 7),
        to: until.slice(0, 7),
      },
      { query: true },
    );
    expect(vitality.status).toBe(200);
    const months = (
      vitality.body as {
        result: {
          data: { months: { month: string; index: number | null; smallSample: boolean }[] };
        };
      }
    ).result.data.months;
    for (const m of months) {
      const inMonth = held.filter((h) => chinaMonth(String(h.starts_at)) === m.month);
      expectItem('meetings', m.month, {
        vitality_index: m.index,
        meetings_held: inMonth.length,
        small_sample: m.smallSample,
      });
    }

    // Volunteering: volunteering.json (the street per month, months of 1–4 volunteers withheld)
    // summed over the period's months; teams from team_hours.json (a row per team and month).
    const inRange = (month: Cell | undefined) =>
      String(month) >= from.slice(0, 7) && String(month) <= until.slice(0, 7);
    const served = (await rows('/api/public/streets/yushan/volunteering.json')).filter((v) =>
      inRange(v.month),
    );
    expect(served.length).toBeGreaterThan(0);
    const teamMonths = (await rows('/api/public/streets/yushan/team_hours.json')).filter((t) =>
      inRange(t.month),
    );
    expectFigures('volunteering', {
      hours: round1(sum(served.map((v) => Number(v.hours ?? 0)))),
      service_records: sum(served.map((v) => Number(v.service_records ?? 0))),
      months_withheld: count(served, (v) => v.suppressed === true),
      teams: new Set(teamMonths.map((t) => t.team_id)).size,
    });
    for (const v of served) {
      expectItem('volunteering', String(v.month), {
        volunteers: v.volunteers,
        hours: v.hours,
        service_records: v.service_records,
      });
    }

    // The register: ledger_changes.json (per day and kind) summed over the period, per kind and
    // per month; the months' removals agree with ledger_removals.json (per community and month).
    const changes = (await rows('/api/public/streets/yushan/ledger_changes.json')).filter(
      (c) => String(c.day) >= from && String(c.day) <= until,
    );
    const sumOf = (of: Rows, column: string) => sum(of.map((c) => Number(c[column])));
    expect(sumOf(changes, 'removed')).toBeGreaterThan(0);
    const kinds = ['signboard', 'app', 'chat_group', 'certificate', 'mechanism', 'task'];
    expectFigures(
      'ledger',
      Object.fromEntries(
        kinds.flatMap((kind) => {
          const of = changes.filter((c) => c.kind === kind);
          return [
            [`${kind}_removed`, sumOf(of, 'removed')],
            [`${kind}_relapses`, sumOf(of, 'relapses')],
          ];
        }),
      ),
    );
    const removals = await rows('/api/public/streets/yushan/ledger_removals.json');
    for (const item of section('ledger').items) {
      const inMonth = changes.filter((c) => String(c.day).startsWith(item.key));
      expectItem('ledger', item.key, {
        removed: sumOf(inMonth, 'removed'),
        relapses: sumOf(inMonth, 'relapses'),
      });
      expect(
        sum(removals.filter((r) => r.month === item.key).map((r) => Number(r.items))),
        `ledger_removals ${item.key}`,
      ).toBe(sumOf(inMonth, 'removed'));
    }
  });
});
