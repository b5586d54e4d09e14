// A catalogue version's commands (draft from the last published version, add or remove an entry
// with the reason, publish) and a department's request (file, admit, refuse). A published version
// is immutable: every change to it is refused.
import { refuse } from '../shared/errors.ts';
import type { CatalogueEntry, CatalogueEventData, CatalogueEventOf } from './events.ts';
import type { CatalogueRequestState, CatalogueState } from './state.ts';

export interface DraftCatalogue {
  type: 'DraftCatalogue';
  data: Omit<CatalogueEventData<'CatalogueDrafted'>, 'entries' | 'previousId'>;
  /** Last year's version of the same place and kind, folded from its stream. */
  previous: CatalogueState;
}

export interface AddCatalogueEntry {
  type: 'AddCatalogueEntry';
  data: CatalogueEventData<'CatalogueEntryAdded'>;
}

export interface RemoveCatalogueEntry {
  type: 'RemoveCatalogueEntry';
  data: CatalogueEventData<'CatalogueEntryRemoved'>;
}

export interface ChangeCatalogueEntry {
  type: 'ChangeCatalogueEntry';
  data: CatalogueEventData<'CatalogueEntryChanged'>;
}

export interface PublishCatalogue {
  type: 'PublishCatalogue';
  data: CatalogueEventData<'CataloguePublished'>;
}

export type CatalogueCommand =
  | DraftCatalogue
  | AddCatalogueEntry
  | RemoveCatalogueEntry
  | ChangeCatalogueEntry
  | PublishCatalogue;

function requireDraft(state: CatalogueState, catalogueId: string) {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'catalogue_not_found',
      `找不到目录（编号 ${catalogueId}）。`,
      `There is no catalogue ${catalogueId}.`,
    );
  }
  if (state.status === 'published') {
    return refuse(
      'conflict',
      'catalogue_published',
      `${state.year} 年版目录已发布，不能再修改；请在下一年度版本中调整。`,
      `The ${state.year} version is published and cannot change; change the next version instead.`,
    );
  }
  return state;
}

export function draftCatalogue(
  command: DraftCatalogue,
  state: CatalogueState,
): CatalogueEventOf<'CatalogueDrafted'>[] {
  if (state.status !== 'none') {
    return refuse(
      'conflict',
      'catalogue_exists',
      `${state.year} 年版目录已经起草。`,
      `The ${state.year} version is drafted already.`,
      'year',
    );
  }
  const { previous } = command;
  if (previous.status === 'draft') {
    return refuse(
      'conflict',
      'previous_not_published',
      `上一年度（${previous.year} 年）的目录尚未发布，请先发布。`,
      `Last year’s version (${previous.year}) is not published yet; publish it first.`,
      'year',
    );
  }
  return [
    {
      type: 'CatalogueDrafted',
      data: {
        ...command.data,
        ...(previous.status === 'published' ? { previousId: previous.catalogueId } : {}),
        entries: previous.status === 'published' ? previous.entries : [],
      },
    },
  ];
}

export function addCatalogueEntry(
  command: AddCatalogueEntry,
  state: CatalogueState,
): CatalogueEventOf<'CatalogueEntryAdded'>[] {
  const { data } = command;
  const draft = requireDraft(state, data.catalogueId);
  // A request admitted into this version already: a retry.
  if (data.requestId && draft.requestIds.includes(data.requestId)) return [];
  if (draft.entries.some((e: CatalogueEntry) => e.code === data.entry.code)) {
    return refuse(
      'conflict',
      'entry_code_taken',
      `目录中已有编号 ${data.entry.code} 的条目。`,
      `The catalogue already has an entry numbered ${data.entry.code}.`,
      'code',
    );
  }
  return [{ type: 'CatalogueEntryAdded', data }];
}

export function removeCatalogueEntry(
  command: RemoveCatalogueEntry,
  state: CatalogueState,
): CatalogueEventOf<'CatalogueEntryRemoved'>[] {
  const draft = requireDraft(state, command.data.catalogueId);
  if (!draft.entries.some((e) => e.code === command.data.code)) {
    return refuse(
      'not_found',
      'entry_not_found',
      `目录中没有编号 ${command.data.code} 的条目。`,
      `The catalogue has no entry numbered ${command.data.code}.`,
      'code',
    );
  }
  return [{ type: 'CatalogueEntryRemoved', data: command.data }];
}

/** Rewrites an entry of a draft under its number; an entry that reads the same is a retry. */
export function changeCatalogueEntry(
  command: ChangeCatalogueEntry,
  state: CatalogueState,
): CatalogueEventOf<'CatalogueEntryChanged'>[] {
  const draft = requireDraft(state, command.data.catalogueId);
  const { entry } = command.data;
  const current = draft.entries.find((e) => e.code === entry.code);
  if (!current) {
    return refuse(
      'not_found',
      'entry_not_found',
      `目录中没有编号 ${entry.code} 的条目。`,
      `The catalogue has no entry numbered ${entry.code}.`,
      'code',
    );
  }
  if (JSON.stringify(current) === JSON.stringify(entry)) return [];
  return [{ type: 'CatalogueEntryChanged', data: command.data }];
}

export function publishCatalogue(
  command: PublishCatalogue,
  state: CatalogueState,
): CatalogueEventOf<'CataloguePublished'>[] {
  requireDraft(state, command.data.catalogueId);
  return [{ type: 'CataloguePublished', data: command.data }];
}

export interface FileCatalogueRequest {
  type: 'FileCatalogueRequest';
  data: CatalogueEventData<'CatalogueRequestFiled'>;
}

export interface DecideCatalogueRequest {
  type: 'AdmitCatalogueRequest' | 'RefuseCatalogueRequest';
  data: { requestId: string; reason: string; decidedBy: string };
}

export type CatalogueRequestCommand = FileCatalogueRequest | DecideCatalogueRequest;

export function decideCatalogueRequest(
  command: CatalogueRequestCommand,
  state: CatalogueRequestState,
): CatalogueEventOf<
  'CatalogueRequestFiled' | 'CatalogueRequestAdmitted' | 'CatalogueRequestRefused'
>[] {
  if (command.type === 'FileCatalogueRequest') {
    return state.status === 'none' ? [{ type: 'CatalogueRequestFiled', data: command.data }] : [];
  }
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'request_not_found',
      `找不到这项申请（编号 ${command.data.requestId}）。`,
      `There is no request ${command.data.requestId}.`,
    );
  }
  const wanted = command.type === 'AdmitCatalogueRequest' ? 'admitted' : 'refused';
  if (state.status === wanted) return [];
  if (state.status !== 'filed') {
    return refuse(
      'conflict',
      'request_decided',
      '这项申请已经作出决定。',
      'This request has been decided already.',
    );
  }
  return [
    command.type === 'AdmitCatalogueRequest'
      ? { type: 'CatalogueRequestAdmitted', data: command.data }
      : { type: 'CatalogueRequestRefused', data: command.data },
  ];
}
