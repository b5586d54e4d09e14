// Outcome reports' public files (docs/outcome-reports.md): a version's canonical JSON exactly as
// hashed (its sha256sum is the published hash), its figures as CSV (UTF-8 with a byte-order mark),
// and a street's Atom feed of publications and corrections.
import { REPORT_CSV_COLUMNS, reportVersionFiles, streetReportFeed } from '@gongzhi/api';
import { requestContext } from './files.ts';
import { toCsv } from './render.ts';
import { CSV, fileHeaders, JSON_TYPE, type PublicContext, type PublicRoute } from './route.ts';
import type { Runtime } from '../runtime.ts';

type File = { filename: string; contentType: string; text: string } | undefined;

const isNotFound = (error: unknown) =>
  error instanceof Error &&
  error.name === 'DomainError' &&
  (error as Error & { kind?: string }).kind === 'not_found';

async function serve(
  c: PublicContext,
  runtime: Runtime,
  load: (ctx: Awaited<ReturnType<typeof requestContext>>) => Promise<File>,
) {
  try {
    const file = await load(await requestContext(c, runtime));
    if (!file) return c.json({ error: { message: 'No such report version' } }, 404);
    return c.body(file.text, 200, fileHeaders(file.contentType, file.filename));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    return c.json({ error: { message: (error as Error).message } }, 404);
  }
}

const versionFile =
  (format: 'json' | 'csv'): PublicRoute['handle'] =>
  (c, runtime) => {
    const version = Number(/^v([1-9][0-9]{0,4})\./.exec(c.req.param('file') ?? '')?.[1]);
    const reportId = c.req.param('reportId') ?? '';
    return serve(c, runtime, async (ctx) => {
      const files = await reportVersionFiles(ctx, reportId, version);
      if (!files) return undefined;
      return format === 'json'
        ? { filename: `${files.name}.json`, contentType: JSON_TYPE, text: files.json }
        : {
            filename: `${files.name}.csv`,
            contentType: CSV,
            text: toCsv(REPORT_CSV_COLUMNS, files.rows),
          };
    });
  };

const reportPath = '/api/public/reports/{reportId}/v{version}';
const refusals = { 404: 'No such report or version, or a malformed id' };

/** The report routes, with the path parameters' documentation from the registry. */
export const reportRoutes = (paramsOf: (path: string) => PublicRoute['params']): PublicRoute[] => [
  {
    path: `${reportPath}.json`,
    honoPath: '/api/public/reports/:reportId/:file{v[1-9][0-9]{0,4}\\.json}',
    operationId: 'reportVersionJson',
    summary: 'A published report version: its canonical JSON, exactly as hashed',
    tags: ['outcome reports'],
    params: paramsOf(reportPath),
    ok: { contentType: JSON_TYPE, description: 'The data; its SHA-256 is the published hash' },
    refusals,
    handle: versionFile('json'),
  },
  {
    path: `${reportPath}.csv`,
    honoPath: '/api/public/reports/:reportId/:file{v[1-9][0-9]{0,4}\\.csv}',
    operationId: 'reportVersionCsv',
    summary: "A published report version's figures: section,figure,value,unit,suppressed",
    tags: ['outcome reports'],
    params: paramsOf(reportPath),
    ok: { contentType: CSV, description: 'One row per figure (UTF-8 with BOM)' },
    refusals,
    handle: versionFile('csv'),
  },
  {
    path: '/api/public/streets/{streetId}/reports.atom',
    operationId: 'streetReportFeed',
    summary: "A street's report publications and corrections (Atom)",
    tags: ['outcome reports'],
    params: paramsOf('/api/public/streets/{streetId}/reports.atom'),
    ok: { contentType: 'application/atom+xml; charset=utf-8', description: 'The Atom feed' },
    refusals: { 404: 'No such street' },
    handle: (c, runtime, edge) =>
      serve(c, runtime, (ctx) => streetReportFeed(ctx, c.req.param('streetId') ?? '', edge.origin)),
  },
];
