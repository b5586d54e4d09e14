import { describe, it } from 'vitest';
import {
  catalogueDecider,
  catalogueRequestDecider,
  offCatalogueTaskDecider,
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

describe('catalogue entry changes', () => {
  const changed = (title: string) => ({
    type: 'ChangeCatalogueEntry' as const,
    data: {
      catalogueId: 'city-certificates-2026',
      entry: entry('Z-01', title),
      reason: '改为数据共享核验',
    },
  });
  const published: CatalogueEvent = {
    type: 'CataloguePublished',
    data: { catalogueId: 'city-certificates-2026', publishedOn: '2026-03-01', publishedBy: 'a' },
  };

  it('rewrites an entry of a draft under its number, with the reason', () => {
    given(catalogueDecider, [drafted(2026, [entry('Z-01')])])
      .when(changed('低保证明（新）'))
      .then([{ type: 'CatalogueEntryChanged', data: changed('低保证明（新）').data }]);
  });

  it('finds an entry that already reads so changed (a retry), and refuses an unknown number', () => {
    given(catalogueDecider, [drafted(2026, [entry('Z-01')])])
      .when(changed('证明 Z-01'))
      .then([]);
    given(catalogueDecider, [drafted(2026, [entry('Z-02')])])
      .when(changed('x'))
      .then(refused('not_found', 'entry_not_found'));
  });

  it('refuses to change a published version', () => {
    given(catalogueDecider, [drafted(2026, [entry('Z-01')]), published])
      .when(changed('x'))
      .then(refused('conflict', 'catalogue_published'));
  });
});

describe('off-catalogue task (清单外事项)', () => {
  const data = {
    taskId: 't1',
    communityId: 'shuyuan',
    streetId: 'yushan',
    title: '上报创卫照片',
    pushedBy: '区创卫办',
    pushedOn: '2026-03-02',
    channel: 'chat_group' as const,
    recordedBy: 'w1',
  };

  it('records who pushed a task, when and how; a retry records nothing', () => {
    given(offCatalogueTaskDecider, [])
      .when({ type: 'RecordOffCatalogueTask', data, today: '2026-03-05' })
      .then([{ type: 'OffCatalogueTaskRecorded', data }]);
    given(offCatalogueTaskDecider, [{ type: 'OffCatalogueTaskRecorded', data }])
      .when({ type: 'RecordOffCatalogueTask', data, today: '2026-03-05' })
      .then([]);
  });

  it('refuses a day after today', () => {
    given(offCatalogueTaskDecider, [])
      .when({ type: 'RecordOffCatalogueTask', data, today: '2026-03-01' })
      .then(refused('invalid', 'date_in_future'));
  });
});
