import { describe, it } from 'vitest';
import {
  catalogueDecider,
  catalogueRequestDecider,
  type CatalogueEntry,
  type CatalogueEvent,
  type CatalogueState,
} from '../../src/catalogue/index.ts';
import { given, refused } from '../given.ts';

const entry = (code: string, title = `证明 ${code}`): CatalogueEntry => ({
  code,
  title,
  basis: '厅字〔2022〕28号',
  department: '市民政局',
  communityRole: '居民办理低保时使用',
  alternative: '书面承诺',
});

const drafted = (year: number, entries: CatalogueEntry[] = []): CatalogueEvent => ({
  type: 'CatalogueDrafted',
  data: {
    catalogueId: `city-certificates-${year}`,
    kind: 'certificates',
    place: { type: 'city' },
    year,
    entries,
    draftedBy: 'admin',
  },
});

const published2025: CatalogueState = {
  status: 'published',
  catalogueId: 'city-certificates-2025',
  kind: 'certificates',
  place: { type: 'city' },
  year: 2025,
  entries: [entry('Z-01')],
  requestIds: [],
};

const draftData = {
  catalogueId: 'city-certificates-2026',
  kind: 'certificates' as const,
  place: { type: 'city' as const },
  year: 2026,
  draftedBy: 'admin',
};

describe('catalogue version', () => {
  it('drafts the next version from the last published one', () => {
    given(catalogueDecider, [])
      .when({ type: 'DraftCatalogue', data: draftData, previous: published2025 })
      .then([
        {
          type: 'CatalogueDrafted',
          data: { ...draftData, previousId: 'city-certificates-2025', entries: [entry('Z-01')] },
        },
      ]);
  });

  it('refuses to draft while last year’s is still a draft', () => {
    given(catalogueDecider, [])
      .when({
        type: 'DraftCatalogue',
        data: draftData,
        previous: { ...published2025, status: 'draft' },
      })
      .then(refused('conflict', 'previous_not_published'));
  });

  it('adds and removes entries with their reasons until published, then refuses', () => {
    const added = {
      catalogueId: 'city-certificates-2026',
      entry: entry('Z-02'),
      reason: '部门申请，经审核纳入',
      requestId: 'r1',
    };
    given(catalogueDecider, [drafted(2026, [entry('Z-01')])])
      .when({ type: 'AddCatalogueEntry', data: added })
      .then([{ type: 'CatalogueEntryAdded', data: added }]);
    // The same request again is a retry.
    const addedEvent: CatalogueEvent = { type: 'CatalogueEntryAdded', data: added };
    given(catalogueDecider, [drafted(2026, [entry('Z-01')]), addedEvent])
      .when({ type: 'AddCatalogueEntry', data: added })
      .then([]);
    given(catalogueDecider, [drafted(2026, [entry('Z-01')])])
      .when({ type: 'AddCatalogueEntry', data: { ...added, entry: entry('Z-01') } })
      .then(refused('conflict', 'entry_code_taken'));
    const removed = {
      catalogueId: 'city-certificates-2026',
      code: 'Z-01',
      reason: '数据共享可替代',
    };
    given(catalogueDecider, [drafted(2026, [entry('Z-01')])])
      .when({ type: 'RemoveCatalogueEntry', data: removed })
      .then([{ type: 'CatalogueEntryRemoved', data: removed }]);
    const published: CatalogueEvent = {
      type: 'CataloguePublished',
      data: {
        catalogueId: 'city-certificates-2026',
        publishedOn: '2026-01-10',
        publishedBy: 'admin',
      },
    };
    given(catalogueDecider, [drafted(2026, [entry('Z-01')]), published])
      .when({ type: 'RemoveCatalogueEntry', data: removed })
      .then(refused('conflict', 'catalogue_published'));
    given(catalogueDecider, [drafted(2026), published])
      .when({ type: 'PublishCatalogue', data: published.data })
      .then(refused('conflict', 'catalogue_published'));
  });
});

describe('department request', () => {
  const filed: CatalogueEvent = {
    type: 'CatalogueRequestFiled',
    data: {
      requestId: 'r1',
      kind: 'certificates',
      place: { type: 'city' },
      department: '市民政局',
      entry: entry('Z-02'),
      reason: '低保审核需要',
      filedBy: 'dept',
    },
  };
  const decision = { requestId: 'r1', reason: '依据充分', decidedBy: 'admin' };

  it('is admitted or refused once, with a reason', () => {
    given(catalogueRequestDecider, [filed])
      .when({ type: 'AdmitCatalogueRequest', data: decision })
      .then([{ type: 'CatalogueRequestAdmitted', data: decision }]);
    given(catalogueRequestDecider, [filed, { type: 'CatalogueRequestRefused', data: decision }])
      .when({ type: 'AdmitCatalogueRequest', data: decision })
      .then(refused('conflict', 'request_decided'));
    given(catalogueRequestDecider, [])
      .when({ type: 'RefuseCatalogueRequest', data: decision })
      .then(refused('not_found', 'request_not_found'));
  });
});
