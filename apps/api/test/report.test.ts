// Street outcome reports over HTTP (docs/outcome-reports.md): 虞山街道's officer previews and
// publishes the report of the demo cycle being evaluated; publishing the same data again writes
// nothing; a correction without a reason is refused and writes nothing, with one it becomes
// version 2 chained to version 1; a resident and another street's officer are refused; anyone reads
// both versions, the chain verifies, the .json download hashes to the published hash, the CSV has
// one row per figure, and the street's Atom feed lists both versions with the reason.
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RESIDENT } from '../src/seed/residents.ts';
import { engines } from './harness.ts';
import { useResidentServer } from './resident-harness.ts';

const DAY_MS = 86_400_000;
const period = { type: 'cycle', cycleId: 'demo-cycle-evaluating' } as const;
const input = { streetId: 'yushan', period };
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

interface Published {
  reportId: string;
  version: number;
  sha256: string;
  unchanged: boolean;
  position: string;
}

describe.each(engines.slice(0, 1))('outcome reports over HTTP on $name', ({ make }) => {
  const { api, resident } = useResidentServer(make());
  const { call, signIn } = api;
  afterEach(() => {
    delete api.runtime.services.now;
  });
  const ok = <T>(reply: { status: number; body: { result?: { data: T } } }): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.result!.data;
  };
  const get = (path: string) => fetch(new URL(path, api.url));

  beforeAll(async () => {
    await signIn('yushan');
    await signIn('qinchuan');
    resident.keepSession(
      'wang',
      await call('resident.login', {
        phone: DEMO_RESIDENT.loginName,
        password: DEMO_RESIDENT.password,
      }),
    );
  });

  let first: Published;
  let second: Published;

  it('previews, publishes version 1, and publishing the same data again writes nothing', async () => {
    const preview = ok<{ sha256: string; latest: null; data: { sections: { key: string }[] } }>(
      await call('report.preview', input, { as: 'yushan', query: true }),
    );
    expect(preview.latest).toBeNull();
    expect(preview.data.sections.map((s) => s.key)).toEqual([
      'projects',
      'satisfaction',
      'meetings',
      'volunteering',
      'ledger',
    ]);
    first = ok<Published>(await call('report.publish', input, { as: 'yushan' }));
    expect(first).toMatchObject({ version: 1, sha256: preview.sha256, unchanged: false });
    const head = await api.head();
    const again = ok<Published>(await call('report.publish', input, { as: 'yushan' }));
    expect(again).toMatchObject({ version: 1, sha256: first.sha256, unchanged: true });
    expect(await api.head()).toBe(head);
  });

  it('refuses a correction without a reason and writes nothing; with one makes version 2', async () => {
    // Two days on, the period's days counted so far differ: the data is no longer the same.
    const later = Date.now() + 2 * DAY_MS;
    api.runtime.services.now = () => new Date(later);
    const preview = ok<{ unchanged: boolean; differences: { path: string }[] }>(
      await call('report.preview', input, { as: 'yushan', query: true }),
    );
    expect(preview.unchanged).toBe(false);
    expect(preview.differences.length).toBeGreaterThan(0);
    const head = await api.head();
    const refused = await call('report.publish', input, { as: 'yushan' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('correction_reason_required');
    expect(await api.head()).toBe(head);
    second = ok<Published>(
      await call('report.publish', { ...input, reason: '统计截止日更新' }, { as: 'yushan' }),
    );
    expect(second).toMatchObject({ reportId: first.reportId, version: 2, unchanged: false });
  });

  it('refuses to change a published version in place, writing nothing', async () => {
    const head = await api.head();
    const edit = await call(
      'report.publish',
      { ...input, version: 1, reason: '改正第 1 版' },
      { as: 'yushan' },
    );
    expect(edit.status).toBe(400);
    expect(JSON.stringify(edit.body)).toContain('version');
    expect(await api.head()).toBe(head);
  });

  it('refuses a resident and another street’s officer, writing nothing', async () => {
    const head = await api.head();
    const asResident = await call('report.publish', { ...input, reason: 'x' }, { as: 'wang' });
    expect(asResident.status).toBe(403);
    const elsewhere = await call('report.publish', { ...input, reason: 'x' }, { as: 'qinchuan' });
    expect(elsewhere.status).toBe(403);
    const preview = await call('report.preview', input, { as: 'qinchuan', query: true });
    expect(preview.status).toBe(403);
    expect(await api.head()).toBe(head);
  });

  it('shows both versions to anyone, with the chain verified and what changed', async () => {
    const { reports } = ok<{ reports: { reportId: string; versions: { version: number }[] }[] }>(
      await call(
        'report.reports',
        { streetId: 'yushan', minPosition: second.position },
        {
          query: true,
        },
      ),
    );
    const report = reports.find((r) => r.reportId === first.reportId)!;
    expect(report.versions.map((v) => v.version)).toEqual([1, 2]);
    const v2 = ok<{
      sha256: string;
      previousHash: string;
      reason: string;
      chain: { valid: boolean };
      differences: { path: string }[];
    }>(await call('report.report', { reportId: first.reportId }, { query: true }));
    expect(v2).toMatchObject({
      sha256: second.sha256,
      previousHash: first.sha256,
      reason: '统计截止日更新',
      chain: { valid: true, versions: 2 },
    });
    expect(v2.differences.map((d) => d.path)).toContain('range.until');
    const v1 = ok<{ previousHash: null; differences: [] }>(
      await call('report.report', { reportId: first.reportId, version: 1 }, { query: true }),
    );
    expect(v1).toMatchObject({ previousHash: null, differences: [] });
    const none = await call(
      'report.report',
      { reportId: first.reportId, version: 3 },
      {
        query: true,
      },
    );
    expect(none.status).toBe(404);
    // As of yesterday (China), before anything was published, the report did not exist yet.
    const yesterday = new Date(Date.now() + 8 * 3_600_000 - DAY_MS).toISOString().slice(0, 10);
    const past = await call(
      'report.report',
      { reportId: first.reportId },
      { query: true, headers: { 'x-gongzhi-as-of': yesterday } },
    );
    expect(past.status).toBe(404);
  });

  it('serves each version’s JSON exactly as hashed, a CSV of figures, and no personal data', async () => {
    for (const v of [first, second]) {
      const json = await get(`/api/public/reports/${v.reportId}/v${v.version}.json`);
      expect(json.status).toBe(200);
      const bytes = new Uint8Array(await json.arrayBuffer());
      expect(sha256(bytes)).toBe(v.sha256);
      expect(new TextDecoder().decode(bytes)).not.toMatch(/demo-r-|顾阿姨|沈师傅/);
    }
    const csv = await get(`/api/public/reports/${first.reportId}/v1.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(header).toBe('section,figure,value,unit,suppressed');
    expect(rows).toContain('projects,projects,1,count,false');
    expect((await get(`/api/public/reports/${first.reportId}/v9.json`)).status).toBe(404);
    expect((await get('/api/public/reports/no-such-report/v1.json')).status).toBe(404);
  });

  it('recomputes the projects figures from the cycle’s public projects download', async () => {
    type Row = Record<string, string | number | boolean | null>;
    const { rows } = (await (
      await get('/api/public/cycles/demo-cycle-evaluating/projects/projects.json')
    ).json()) as { rows: Row[] };
    const published = JSON.parse(
      await (await get(`/api/public/reports/${second.reportId}/v2.json`)).text(),
    ) as { sections: { key: string; figures: { key: string; value: unknown }[] }[] };
    const figures = Object.fromEntries(
      published.sections.find((s) => s.key === 'projects')!.figures.map((f) => [f.key, f.value]),
    );
    const sum = (column: string) => rows.reduce((a, r) => a + Number(r[column] ?? 0), 0);
    const live = rows.filter((r) => r.status !== 'cancelled');
    const verdict = (v: string) => rows.filter((r) => r.acceptance_verdict === v).length;
    expect(figures).toEqual({
      projects: rows.length,
      cancelled: rows.length - live.length,
      approved_budget_fen: sum('approved_budget_fen'),
      contract_value_fen: sum('contract_value_fen'),
      spent_fen: sum('spent_fen'),
      mean_physical_progress_pct: live.length
        ? Math.round(
            (live.reduce((a, r) => a + Number(r.physical_progress_pct), 0) / live.length) * 10,
          ) / 10
        : null,
      completed: rows.filter((r) => r.completed_on !== null).length,
      accepted_passed: verdict('passed'),
      accepted_conditional: verdict('conditional'),
      accepted_failed: verdict('failed'),
    });
  });

  it('lists both versions in the street’s Atom feed, the correction with its reason', async () => {
    const feed = await get('/api/public/streets/yushan/reports.atom');
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const text = await feed.text();
    expect(text.match(/<entry>/g)).toHaveLength(2);
    expect(text).toContain(`/reports/${first.reportId}?version=1`);
    expect(text).toContain(`/reports/${first.reportId}?version=2`);
    expect(text).toContain('更正原因：统计截止日更新');
    expect(text).toContain(second.sha256);
    expect((await get('/api/public/streets/no-such-street/reports.atom')).status).toBe(404);
  });
});
