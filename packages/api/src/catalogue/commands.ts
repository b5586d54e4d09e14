// Catalogue commands as the API runs them. Drafting reads last year's version of the same place
// and kind; admitting a request writes the request's decision, then adds its entry to the draft
// it joins (each step finds its own work done on a retry).
import {
  catalogueDecider,
  catalogueEventSchemas,
  catalogueIdOf,
  catalogueRequestDecider,
  catalogueStreams,
  chinaDate,
  offCatalogueTaskDecider,
  describeCatalogueEvent,
  parseCatalogueEvent,
  refuse,
  say,
} from '@gongzhi/domain';
import type {
  CatalogueCommand,
  CatalogueEntry,
  CatalogueEvent,
  CatalogueEventData,
  CatalogueKind,
  CataloguePlace,
  OffCatalogueTaskInput,
} from '@gongzhi/domain';
import { executeCommand, readState, type EventCodec, type Writer } from '../commands.ts';
import { ledgerSettings } from '../ledger/commands.ts';
import { communityRecord } from '../organisation/commands.ts';

export const catalogueCodec: EventCodec<CatalogueEvent> = {
  read: (recorded) => parseCatalogueEvent(recorded.type, recorded.data),
  versionOf: (type) => catalogueEventSchemas[type].version,
  describe: describeCatalogueEvent,
};

export const catalogueRecord = (catalogueId: string) => ({
  stream: catalogueStreams.catalogue(catalogueId),
  decider: catalogueDecider,
  codec: catalogueCodec,
});

export const catalogueRequestRecord = (requestId: string) => ({
  stream: catalogueStreams.request(requestId),
  decider: catalogueRequestDecider,
  codec: catalogueCodec,
});

const subject = () => say('目录', 'The catalogue');
const requestSubject = () => say('纳入目录的申请', 'The request');

const onCatalogue = (
  w: Writer,
  catalogueId: string,
  command: () => CatalogueCommand | Promise<CatalogueCommand>,
) =>
  executeCommand(w.store, {
    ...catalogueRecord(catalogueId),
    command,
    subject,
    metadata: w.metadata,
  });

/** Drafts a year's version from last year's published one, where the locality keeps them. */
export async function draftCatalogue(
  w: Writer,
  data: { place: CataloguePlace; kind: CatalogueKind; year: number },
) {
  const { catalogueLevel } = await ledgerSettings(w);
  if (catalogueLevel !== data.place.type) {
    refuse(
      'invalid',
      'catalogue_level',
      catalogueLevel === 'city' ? '本地的准入目录由市级统一制定。' : '本地的准入目录由各街道制定。',
      catalogueLevel === 'city'
        ? 'This locality’s catalogues are kept by the city.'
        : 'This locality’s catalogues are kept by each street.',
      'place',
    );
  }
  const catalogueId = catalogueIdOf(data.place, data.kind, data.year);
  const result = await onCatalogue(w, catalogueId, async () => ({
    type: 'DraftCatalogue',
    data: { catalogueId, ...data, draftedBy: w.metadata.actor },
    previous: (
      await readState(w.store, catalogueRecord(catalogueIdOf(data.place, data.kind, data.year - 1)))
    ).state,
  }));
  return { catalogueId, ...result };
}

export const addCatalogueEntry = (
  w: Writer,
  data: { catalogueId: string; entry: CatalogueEntry; reason: string },
) => onCatalogue(w, data.catalogueId, () => ({ type: 'AddCatalogueEntry', data }));

export const removeCatalogueEntry = (
  w: Writer,
  data: { catalogueId: string; code: string; reason: string },
) => onCatalogue(w, data.catalogueId, () => ({ type: 'RemoveCatalogueEntry', data }));

export const changeCatalogueEntry = (
  w: Writer,
  data: { catalogueId: string; entry: CatalogueEntry; reason: string },
) => onCatalogue(w, data.catalogueId, () => ({ type: 'ChangeCatalogueEntry', data }));

export const publishCatalogue = (w: Writer, catalogueId: string) =>
  onCatalogue(w, catalogueId, () => ({
    type: 'PublishCatalogue',
    data: {
      catalogueId,
      publishedOn: chinaDate(w.metadata.occurredAt),
      publishedBy: w.metadata.actor,
    },
  }));

export const fileCatalogueRequest = (
  w: Writer,
  data: Omit<CatalogueEventData<'CatalogueRequestFiled'>, 'filedBy'>,
) =>
  executeCommand(w.store, {
    ...catalogueRequestRecord(data.requestId),
    command: () => ({
      type: 'FileCatalogueRequest' as const,
      data: { ...data, filedBy: w.metadata.actor },
    }),
    subject: requestSubject,
    metadata: w.metadata,
  });

/** Admits a request into a draft version (same place and kind), or refuses it; with a reason. */
export async function decideCatalogueRequest(
  w: Writer,
  data: { requestId: string; admit: boolean; reason: string; catalogueId?: string },
) {
  const request = (await readState(w.store, catalogueRequestRecord(data.requestId))).state;
  if (data.admit) {
    const catalogue = (await readState(w.store, catalogueRecord(data.catalogueId ?? ''))).state;
    if (
      catalogue.status !== 'draft' ||
      request.status === 'none' ||
      catalogue.kind !== request.kind ||
      JSON.stringify(catalogue.place) !== JSON.stringify(request.place) ||
      (catalogue.entries.some((e) => e.code === request.entry.code) &&
        !catalogue.requestIds.includes(data.requestId))
    ) {
      refuse(
        'invalid',
        'catalogue_not_joinable',
        '准予纳入的事项须加入同一目录下一年度的草稿版本，且编号未被占用。',
        'An admitted item joins a draft version of the same catalogue, under a number not in use.',
        'catalogueId',
      );
    }
  }
  const decided = await executeCommand(w.store, {
    ...catalogueRequestRecord(data.requestId),
    command: () => ({
      type: data.admit ? ('AdmitCatalogueRequest' as const) : ('RefuseCatalogueRequest' as const),
      data: { requestId: data.requestId, reason: data.reason, decidedBy: w.metadata.actor },
    }),
    subject: requestSubject,
    metadata: w.metadata,
  });
  if (!data.admit || request.status === 'none') return decided;
  return onCatalogue(w, data.catalogueId!, () => ({
    type: 'AddCatalogueEntry',
    data: {
      catalogueId: data.catalogueId!,
      entry: request.entry,
      reason: data.reason,
      requestId: data.requestId,
    },
  }));
}

export const offCatalogueTaskRecord = (taskId: string) => ({
  stream: catalogueStreams.offCatalogueTask(taskId),
  decider: offCatalogueTaskDecider,
  codec: catalogueCodec,
});

/** Records a task pushed to an open community; the street is the community's own. */
export const recordOffCatalogueTask = (
  w: Writer,
  data: OffCatalogueTaskInput & { taskId: string; communityId: string },
) =>
  executeCommand(w.store, {
    ...offCatalogueTaskRecord(data.taskId),
    command: async () => {
      const community = (await readState(w.store, communityRecord(data.communityId))).state;
      if (community.status !== 'open') {
        return refuse(
          'conflict',
          'community_not_open',
          '这个社区或村不在册，不能登记。',
          'This community or village is not open; nothing can be recorded for it.',
          'communityId',
        );
      }
      return {
        type: 'RecordOffCatalogueTask' as const,
        data: { ...data, streetId: community.streetId, recordedBy: w.metadata.actor },
        today: chinaDate(w.metadata.occurredAt),
      };
    },
    subject: () => say('清单外事项', 'The off-catalogue task'),
    metadata: w.metadata,
  });
