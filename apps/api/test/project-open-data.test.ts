// Open data of a cycle's projects over HTTP (docs/open-data.md): each set as CSV (with a BOM, a
// header naming the documented columns) and as JSON (licence, columns, rows with exactly those
// columns), at stable URLs, for an anonymous visitor; the demo cycle being implemented shows
// stages, budgets, spend, progress, contracts, payments, milestones and an evaluated survey.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

const SETS = ['projects', 'contracts', 'payments', 'milestones', 'surveys'] as const;
const docs = readFileSync(new URL('../../../docs/open-data.md', import.meta.url), 'utf8');

interface OpenData {
  dataset: string;
  licence: string;
  columns: string[];
  rows: Record<string, string | number | boolean | null>[];
}

describe.each(engines.slice(0, 1))('project open data over HTTP on $name', (engine) => {
  const api = useApiServer(engine.make());
  const get = (path: string) => fetch(new URL(path, api.url));
  const base = '/api/public/cycles/demo-cycle-implementing/projects';

  it.each(SETS)(
    'serves %s as CSV with a BOM and JSON with the same documented columns',
    async (set) => {
      const csv = await get(`${base}/${set}.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      const [header, ...lines] = text.trimEnd().split('\r\n');

      const json = await get(`${base}/${set}.json`);
      expect(json.status).toBe(200);
      const data = (await json.json()) as OpenData;
      expect(data).toMatchObject({ dataset: set, licence: 'CC-BY-4.0' });
      expect(header).toBe(data.columns.join(','));
      expect(lines).toHaveLength(data.rows.length);
      for (const row of data.rows) expect(Object.keys(row)).toEqual(data.columns);
      // Every column is documented under the set's heading.
      const section = docs.split(/^## /m).find((s) => s.startsWith(`\`${set}\``));
      expect(section, `docs/open-data.md has a section for ${set}`).toBeDefined();
      for (const column of data.columns) {
        const documented = column.replace(
          /^(overall|quality|timeliness|usefulness)_/,
          '<question>_',
        );
        expect(section, column).toContain(`\`${documented.replace(/_[1-5]$/, '_<score>')}\``);
      }
    },
  );

  it('shows the stages, money, progress and evaluation of the demo cycle', async () => {
    const { rows } = (await (await get(`${base}/projects.json`)).json()) as OpenData;
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const garden = rows.find((r) => r.project_id === 'demo-i-garden')!;
    expect(garden).toMatchObject({ stage: 'started', community_id: 'shuyuan' });
    expect(garden.spent_fen).toBeGreaterThan(0);
    expect(garden.physical_progress_pct).toBeGreaterThan(0);
    const cancelled = rows.find((r) => r.status === 'cancelled')!;
    expect(cancelled.released_fen).toBeGreaterThan(0);
    const payments = (await (await get(`${base}/payments.json`)).json()) as OpenData;
    expect(payments.rows.some((p) => p.project_id === 'demo-i-garden')).toBe(true);
    const contracts = (await (await get(`${base}/contracts.json`)).json()) as OpenData;
    expect(contracts.rows.filter((c) => c.awarded === true).length).toBeGreaterThan(0);
  });

  it('withholds a survey answered by 1 to 4 people with its scores, as the report does', async () => {
    const evaluated = '/api/public/cycles/demo-cycle-evaluating/projects/surveys.json';
    const { rows } = (await (await get(evaluated)).json()) as OpenData;
    const closed = rows.filter((r) => r.closed === true);
    expect(closed.length).toBeGreaterThan(0);
    for (const row of closed) {
      const counts = Object.entries(row).filter(([column]) =>
        /^(answers|response_rate.*|.*_mean|.*_[1-5])$/.test(column),
      );
      if (row.suppressed) expect(counts.every(([, value]) => value === null)).toBe(true);
      else expect(row.answers === 0 || Number(row.answers) >= 5).toBe(true);
    }
    // The demo's evaluated survey had 2 answers.
    expect(closed.some((r) => r.suppressed === true)).toBe(true);
  });

  it('answers 404 for an unknown cycle or set, and names no resident', async () => {
    expect((await get('/api/public/cycles/no-such-cycle/projects/projects.csv')).status).toBe(404);
    expect((await get(`${base}/residents.csv`)).status).toBe(404);
    const all = await Promise.all(SETS.map(async (s) => (await get(`${base}/${s}.json`)).text()));
    for (const text of all) expect(text).not.toMatch(/demo-r-|顾阿姨|沈师傅/);
  });
});
