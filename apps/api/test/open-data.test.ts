// The open data over HTTP (docs/open-data.md): every dataset of the registry as CSV (BOM, RFC 4180,
// CRLF, exactly the documented columns) and JSON that agree row for row, its metadata, the index,
// no resident's name or phone anywhere, small counts of people withheld, 404 for unknown places;
// and the OpenAPI document against the routes Hono serves under /api/public.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/http.ts';
import { honoPathOf } from '../src/open-data/route.ts';
import { publicRoutes } from '../src/open-data/registry.ts';
import { DEMO_RESIDENTS } from '../src/seed/residents.ts';
import { engines, useApiServer } from './harness.ts';

type Cell = string | number | boolean | null;
interface Metadata {
  dataset: string;
  scope: 'cycle' | 'street' | 'community';
  version: number;
  licence: string;
  urls: { csv: string; json: string; metadata: string };
  columns: { name: string; type: string; en: string; zh: string; unit?: string }[];
}
interface DatasetFile {
  dataset: string;
  version: number;
  licence: string;
  columns: string[];
  rows: Record<string, Cell>[];
}
interface OpenApi {
  openapi: string;
  paths: Record<
    string,
    { get: { parameters: { name: string; example?: string }[]; responses: object } }
  >;
}

const docs = readFileSync(new URL('../../../docs/open-data.md', import.meta.url), 'utf8');
const EXAMPLE: Record<string, string> = {
  cycleId: 'demo-cycle-implementing',
  streetId: 'yushan',
  communityId: 'shuyuan',
};
const fill = (template: string, ids: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]!);

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return records;
}

const asCsv = (value: Cell) => (value === null ? '' : String(value));

describe.each(engines.slice(0, 1))('open data over HTTP on $name', (engine) => {
  const api = useApiServer(engine.make());
  const get = (path: string) => fetch(new URL(path, api.url));
  const json = async <T>(path: string) => {
    const res = await get(path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const index = () =>
    json<{ datasets: (Omit<Metadata, 'columns'> & { urls: Metadata['urls'] })[] }>(
      '/api/public/datasets.json',
    );

  it('lists every dataset in the index, each documented in docs/open-data.md', async () => {
    const { datasets } = await index();
    const names = datasets.map((d) => d.dataset);
    expect(names).toEqual(expect.arrayContaining(['cycles', 'proposals', 'pools', 'results']));
    expect(names).toEqual(expect.arrayContaining(['projects', 'meetings', 'motions']));
    expect(names).toEqual(expect.arrayContaining(['resolutions', 'teams', 'team_hours']));
    expect(names).toEqual(expect.arrayContaining(['ledger', 'ledger_removals', 'catalogues']));
    for (const d of datasets) {
      const meta = await json<Metadata>(d.urls.metadata);
      expect(meta).toMatchObject({ dataset: d.dataset, licence: 'CC-BY-4.0', version: d.version });
      const section = docs.split(/^#+ /m).find((s) => s.startsWith(`\`${d.dataset}\``));
      expect(section, `docs/open-data.md has a section for ${d.dataset}`).toBeDefined();
      for (const c of meta.columns) {
        expect(c.en.length * c.zh.length, `${d.dataset}.${c.name}`).toBeGreaterThan(0);
        const documented = c.name
          .replace(/^(overall|quality|timeliness|usefulness)_/, '<question>_')
          .replace(/_[1-5]$/, '_<score>');
        expect(section, `${d.dataset}.${c.name}`).toContain(`\`${documented}\``);
      }
    }
  });

  it('serves each dataset as CSV with a BOM and as JSON, with the same rows and columns', async () => {
    const { datasets } = await index();
    let rowsSeen = 0;
    for (const d of datasets) {
      const meta = await json<Metadata>(d.urls.metadata);
      const names = meta.columns.map((c) => c.name);
      const res = await get(fill(d.urls.csv, EXAMPLE));
      expect(res.status, d.urls.csv).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)], d.dataset).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      expect(text.endsWith('\r\n')).toBe(true);
      const [header, ...records] = parseCsv(text);
      expect(header, d.dataset).toEqual(names);

      const data = await json<DatasetFile>(fill(d.urls.json, EXAMPLE));
      expect(data).toMatchObject({ dataset: d.dataset, version: d.version, licence: 'CC-BY-4.0' });
      expect(data.columns).toEqual(names);
      expect(records, d.dataset).toHaveLength(data.rows.length);
      data.rows.forEach((row, i) => {
        expect(Object.keys(row)).toEqual(names);
        expect(records[i], `${d.dataset} row ${i}`).toEqual(names.map((n) => asCsv(row[n]!)));
      });
      rowsSeen += data.rows.length;
    }
    expect(rowsSeen).toBeGreaterThan(50);
  });

  it('names no resident and gives no phone number in any file', async () => {
    const { datasets } = await index();
    const texts = await Promise.all(
      datasets.flatMap((d) =>
        [d.urls.csv, d.urls.json].map(async (u) => (await get(fill(u, EXAMPLE))).text()),
      ),
    );
    const all = texts.join('\n');
    for (const r of DEMO_RESIDENTS) {
      expect(all, r.name).not.toContain(r.name);
      expect(all, r.phone).not.toContain(r.phone);
      expect(all).not.toContain(r.residentId);
    }
  });

  it('withholds counts of fewer than five people, with the row flagged', async () => {
    const hours = await json<DatasetFile>('/api/public/streets/yushan/team_hours.json');
    expect(hours.rows.length).toBeGreaterThan(0);
    const withheld = hours.rows.filter((r) => r.suppressed === true);
    expect(withheld.length, 'a team-month with fewer than 5 volunteers').toBeGreaterThan(0);
    for (const r of withheld) expect([r.volunteers, r.hours]).toEqual([null, null]);
    for (const r of hours.rows.filter((row) => row.suppressed === false)) {
      expect(r.volunteers).toBeGreaterThanOrEqual(5);
    }
    const teams = await json<DatasetFile>('/api/public/streets/yushan/teams.json');
    for (const t of teams.rows) {
      if (t.suppressed) expect([t.people, t.hours_served]).toEqual([null, null]);
      else expect(t.people).toBeGreaterThanOrEqual(5);
    }
  });

  it('answers 404 for unknown cycles, streets and communities', async () => {
    const { datasets } = await index();
    for (const d of datasets) {
      const unknown = {
        cycleId: 'no-such-cycle',
        streetId: 'no-such-street',
        communityId: 'nowhere',
      };
      for (const url of [d.urls.csv, d.urls.json]) {
        expect((await get(fill(url, unknown))).status, url).toBe(404);
      }
    }
    expect((await get('/api/public/datasets/no-such/metadata.json')).status).toBe(404);
    expect((await get('/api/public/cycles/demo-cycle-implementing/nothing.csv')).status).toBe(404);
  });

  it('documents every public route in the OpenAPI document, and every path answers', async () => {
    const doc = await json<OpenApi>('/api/public/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    const app = createHttpApp(api.runtime);
    const served = new Set(
      app.routes.filter((r) => r.path.startsWith('/api/public')).map((r) => r.path),
    );
    const byHonoPath = new Map(publicRoutes.map((r) => [honoPathOf(r), r.path]));
    for (const path of served) {
      expect(byHonoPath.get(path), `${path} is a registry route`).toBeDefined();
      expect(doc.paths[byHonoPath.get(path)!], `${path} is documented`).toBeDefined();
    }
    const saved = await api.runtime.photos.save(
      { name: 'p.png', type: 'image/png', bytes: PNG },
      'demo-tester',
      new Date(),
    );
    if (!saved.ok) throw new Error(saved.reason);
    // The report routes answer once the street has published the example report.
    await api.signIn('yushan');
    const published = await api.call(
      'report.publish',
      { streetId: 'yushan', period: { type: 'cycle', cycleId: EXAMPLE.cycleId } },
      { as: 'yushan' },
    );
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    // Each path is called with its parameters' examples (demo ids); a photo has none fixed.
    const supplied: Record<string, string> = { photoId: saved.photo.fileId };
    for (const [path, item] of Object.entries(doc.paths)) {
      const ids = Object.fromEntries(
        item.get.parameters.map((p) => [p.name, p.example ?? supplied[p.name]!]),
      );
      for (const p of item.get.parameters) expect(ids[p.name], `${path} ${p.name}`).toBeDefined();
      const res = await get(fill(path, ids));
      expect(res.status, path).not.toBe(404);
      expect(res.status, path).toBeLessThan(500);
    }
  });
});

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
