// The registry of the public REST: every dataset as CSV and JSON with its metadata, the index of
// datasets, the OpenAPI document, and the other public files (bulletins, photos). A new public
// route — a dataset or not — is one entry here; http.ts mounts them all and openapi.ts documents
// them (docs/open-data.md, "Adding a public route").
import { datasetPath, metadataPath, scopes, type Dataset } from './dataset.ts';
import { datasets } from './datasets/index.ts';
import { serveBulletin, servePhoto, requestContext } from './files.ts';
import { openApiDocument, rowsSchema } from './openapi.ts';
import { reportRoutes } from './reports.ts';
import { metadataOf, toCsv, toJson } from './render.ts';
import { CSV, fileHeaders, JSON_TYPE, type PathParam, type PublicRoute } from './route.ts';

/** The parameters of the public paths, with an id of the demo data each. */
export const pathParams: Record<string, PathParam> = {
  cycleId: {
    description: 'A published cycle, as in its page /cycles/<cycleId>',
    example: 'demo-cycle-implementing',
  },
  streetId: { description: 'A street, as in /streets/<streetId>', example: 'yushan' },
  communityId: { description: 'A community, as in /communities/<communityId>', example: 'shuyuan' },
  photoId: { description: 'A stored photo, as the pages link it' },
  reportId: {
    description: "A street's outcome report, as in its page /reports/<reportId>",
    example: 'cycle-demo-cycle-implementing',
  },
  version: { description: 'A published version of the report: 1, 2, …', example: '1' },
};

const paramsOf = (path: string) =>
  Object.fromEntries(
    [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, pathParams[name!]!]),
  );

const notFound = { 404: 'No such place (cycle, street or community), or a malformed id' };

function datasetRoutes(dataset: Dataset): PublicRoute[] {
  const path = datasetPath(dataset);
  const param = scopes[dataset.scope].param;
  const tags = ['open data'];
  const serve =
    (format: 'csv' | 'json'): PublicRoute['handle'] =>
    async (c, runtime) => {
      const id = c.req.param(param) ?? '';
      const ctx = await requestContext(c, runtime);
      const rows = await dataset.rows({ ctx, runtime }, id);
      if (!rows) return c.json({ error: { message: `No such ${dataset.scope}: ${id}` } }, 404);
      const filename = `${dataset.name}-${id}.${format}`;
      return format === 'csv'
        ? c.body(
            toCsv(
              dataset.columns.map((col) => col.name),
              rows,
            ),
            200,
            fileHeaders(CSV, filename),
          )
        : c.body(
            JSON.stringify(toJson(dataset, id, rows), null, 2) + '\n',
            200,
            fileHeaders(JSON_TYPE, filename),
          );
    };
  return [
    {
      path: `${path}.csv`,
      operationId: `${dataset.name}Csv`,
      summary: `${dataset.title.en} (CSV, UTF-8 with BOM) · ${dataset.title.zh}`,
      tags,
      params: paramsOf(path),
      ok: {
        contentType: CSV,
        description: 'A header row naming the columns, then one line per row',
      },
      refusals: notFound,
      handle: serve('csv'),
    },
    {
      path: `${path}.json`,
      operationId: `${dataset.name}Json`,
      summary: `${dataset.title.en} (JSON) · ${dataset.title.zh}`,
      tags,
      params: paramsOf(path),
      ok: {
        contentType: JSON_TYPE,
        description: 'The rows with the licence and columns',
        schema: rowsSchema(dataset),
      },
      refusals: notFound,
      handle: serve('json'),
    },
    {
      path: metadataPath(dataset),
      operationId: `${dataset.name}Metadata`,
      summary: `What the columns of ${dataset.name} mean, its licence and version`,
      tags,
      params: {},
      ok: { contentType: JSON_TYPE, description: 'The dataset’s metadata' },
      refusals: {},
      handle: (c) => c.json(metadataOf(dataset), 200, { 'access-control-allow-origin': '*' }),
    },
  ];
}

const datasetIndex = () => ({
  licence: 'CC-BY-4.0',
  documentation: 'docs/open-data.md',
  openapi: '/api/public/openapi.json',
  datasets: datasets.map((d) => {
    const { urls, ...meta } = metadataOf(d);
    return {
      dataset: meta.dataset,
      title: meta.title,
      version: meta.version,
      scope: meta.scope,
      urls,
    };
  }),
  files: [
    {
      name: 'bulletin',
      title: { en: "A community's counted ballots", zh: '社区选票公示' },
      scope: 'cycle and community',
      urls: {
        csv: '/api/public/cycles/{cycleId}/communities/{communityId}/bulletin.csv',
        pb: '/api/public/cycles/{cycleId}/communities/{communityId}/bulletin.pb',
      },
    },
    {
      name: 'report',
      title: {
        en: "A street's outcome report, one published version",
        zh: '街道成果报告（某一版）',
      },
      scope: 'report version',
      documentation: 'docs/outcome-reports.md',
      urls: {
        json: '/api/public/reports/{reportId}/v{version}.json',
        csv: '/api/public/reports/{reportId}/v{version}.csv',
        atom: '/api/public/streets/{streetId}/reports.atom',
      },
      columns: [
        { name: 'section', type: 'string', en: 'The report section', zh: '报告部分' },
        {
          name: 'figure',
          type: 'string',
          en: 'The figure; an item’s as `<item>.<figure>`',
          zh: '指标（分项指标写作 分项.指标）',
        },
        { name: 'value', type: 'string', en: 'Its value (empty: withheld or none)', zh: '数值' },
        {
          name: 'unit',
          type: 'string',
          en: 'count, fen, percent, hours, score, index, text, flag',
          zh: '单位',
        },
        {
          name: 'suppressed',
          type: 'boolean',
          en: 'Withheld: fewer than 5 people',
          zh: '人数少于 5 人不公开',
        },
      ],
    },
  ],
});

const bulletinPath = '/api/public/cycles/{cycleId}/communities/{communityId}/bulletin';
const bulletinRefusals = {
  403: 'Below the cycle’s minimum of ballots, the ballots are shown to the community’s officers only',
  404: 'No such cycle or community',
  409: 'Voting has not closed yet',
};

/** Every public route, in the order the OpenAPI document lists them. */
export const publicRoutes: readonly PublicRoute[] = [
  {
    path: '/api/public/datasets.json',
    operationId: 'datasetIndex',
    summary: 'Every dataset with its URL templates and metadata link',
    tags: ['open data'],
    params: {},
    ok: { contentType: JSON_TYPE, description: 'The index of datasets' },
    refusals: {},
    handle: (c) => c.json(datasetIndex(), 200, { 'access-control-allow-origin': '*' }),
  },
  {
    path: '/api/public/openapi.json',
    operationId: 'openApi',
    summary: 'This document',
    tags: ['open data'],
    params: {},
    ok: { contentType: JSON_TYPE, description: 'The OpenAPI 3.1 document of the public REST' },
    refusals: {},
    handle: (c) =>
      c.json(openApiDocument(publicRoutes), 200, { 'access-control-allow-origin': '*' }),
  },
  ...datasets.flatMap(datasetRoutes),
  {
    path: `${bulletinPath}.csv`,
    operationId: 'bulletinCsv',
    summary: "A community's counted ballots: receipt,choices (UTF-8 with BOM)",
    tags: ['ballots'],
    params: paramsOf(bulletinPath),
    ok: { contentType: CSV, description: 'One line per ballot, or the totals below the minimum' },
    refusals: bulletinRefusals,
    handle: serveBulletin('csv'),
  },
  {
    path: `${bulletinPath}.pb`,
    operationId: 'bulletinPb',
    summary: 'The same ballots in the pabulib format, byte for byte as counted',
    tags: ['ballots'],
    params: paramsOf(bulletinPath),
    ok: {
      contentType: 'text/plain; charset=utf-8',
      description: 'The .pb file (its SHA-256 is the tally’s input digest)',
    },
    refusals: bulletinRefusals,
    handle: serveBulletin('pb'),
  },
  ...reportRoutes(paramsOf),
  {
    path: '/api/photos/{photoId}',
    operationId: 'photo',
    summary: 'A photo the public pages show',
    tags: ['photos'],
    params: paramsOf('/api/photos/{photoId}'),
    ok: {
      contentType: 'image/jpeg',
      description: 'The photo (JPEG, PNG or WebP, as its bytes say)',
    },
    refusals: { 404: 'No such photo' },
    handle: servePhoto,
  },
];
