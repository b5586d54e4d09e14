// The OpenAPI 3.1 document of the public REST, generated from the registry (registry.ts): one
// path per route, its parameters with a demo id, its answer's type and schema, its refusals.
import { LICENCE, type ColumnType, type Dataset } from './dataset.ts';
import type { PublicRoute } from './route.ts';

const jsonType: Record<ColumnType, Record<string, unknown>> = {
  string: { type: ['string', 'null'] },
  integer: { type: ['integer', 'null'] },
  number: { type: ['number', 'null'] },
  boolean: { type: ['boolean', 'null'] },
  date: { type: ['string', 'null'], format: 'date' },
  datetime: { type: ['string', 'null'], format: 'date-time' },
};

/** The JSON Schema of a dataset's JSON file: the envelope and rows with exactly its columns. */
export function rowsSchema(dataset: Dataset): Record<string, unknown> {
  return {
    type: 'object',
    required: ['dataset', 'version', 'licence', 'documentation', 'columns', 'rows'],
    properties: {
      dataset: { const: dataset.name },
      version: { const: dataset.version },
      licence: { const: LICENCE },
      documentation: { type: 'string' },
      columns: { type: 'array', items: { type: 'string' } },
      rows: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: dataset.columns.map((c) => c.name),
          properties: Object.fromEntries(
            dataset.columns.map((c) => [
              c.name,
              { ...jsonType[c.type], description: c.unit ? `${c.en} (${c.unit})` : c.en },
            ]),
          ),
        },
      },
    },
  };
}

const errorBody = {
  type: 'object',
  properties: { error: { type: 'object', properties: { message: { type: 'string' } } } },
};

export function openApiDocument(routes: readonly PublicRoute[]) {
  const paths: Record<string, unknown> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {
      200: {
        description: route.ok.description,
        content: { [route.ok.contentType]: { schema: route.ok.schema ?? { type: 'string' } } },
      },
    };
    for (const [status, description] of Object.entries(route.refusals)) {
      responses[status] = {
        description,
        content: { 'application/json': { schema: errorBody } },
      };
    }
    paths[route.path] = {
      get: {
        operationId: route.operationId,
        summary: route.summary,
        tags: route.tags,
        parameters: Object.entries(route.params).map(([name, p]) => ({
          name,
          in: 'path',
          required: true,
          description: p.description,
          schema: { type: 'string' },
          ...(p.example === undefined ? {} : { example: p.example }),
        })),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gongzhi public REST · 公治公开接口',
      version: '1',
      summary: 'Open data of cycles, proposals, projects, meetings, teams and the ledger',
      description:
        'Every column is explained in docs/open-data.md of the repository, and in each ' +
        "dataset's metadata (/api/public/datasets/<dataset>/metadata.json).",
      license: { name: 'Creative Commons Attribution 4.0', identifier: LICENCE },
    },
    paths,
  };
}
