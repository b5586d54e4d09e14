// A catalogue version folded from its stream, and a department's request folded from its own.
import type { CatalogueEntry, CatalogueEvent, CatalogueKind, CataloguePlace } from './events.ts';

export type CatalogueState =
  | { status: 'none' }
  | {
      status: 'draft' | 'published';
      catalogueId: string;
      kind: CatalogueKind;
      place: CataloguePlace;
      year: number;
      entries: CatalogueEntry[];
      /** Requests already admitted into this version. */
      requestIds: string[];
    };

export const initialCatalogueState = (): CatalogueState => ({ status: 'none' });

export function evolveCatalogue(state: CatalogueState, event: CatalogueEvent): CatalogueState {
  if (event.type === 'CatalogueDrafted') {
    const { catalogueId, kind, place, year, entries } = event.data;
    return { status: 'draft', catalogueId, kind, place, year, entries, requestIds: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CatalogueEntryAdded':
      return {
        ...state,
        entries: [...state.entries, event.data.entry],
        requestIds: event.data.requestId
          ? [...state.requestIds, event.data.requestId]
          : state.requestIds,
      };
    case 'CatalogueEntryRemoved':
      return { ...state, entries: state.entries.filter((e) => e.code !== event.data.code) };
    case 'CatalogueEntryChanged':
      return {
        ...state,
        entries: state.entries.map((e) =>
          e.code === event.data.entry.code ? event.data.entry : e,
        ),
      };
    case 'CataloguePublished':
      return { ...state, status: 'published' };
    default:
      return state;
  }
}

export type CatalogueRequestState =
  | { status: 'none' }
  | {
      status: 'filed' | 'admitted' | 'refused';
      requestId: string;
      kind: CatalogueKind;
      place: CataloguePlace;
      entry: CatalogueEntry;
    };

export const initialCatalogueRequestState = (): CatalogueRequestState => ({ status: 'none' });

export function evolveCatalogueRequest(
  state: CatalogueRequestState,
  event: CatalogueEvent,
): CatalogueRequestState {
  switch (event.type) {
    case 'CatalogueRequestFiled': {
      const { requestId, kind, place, entry } = event.data;
      return { status: 'filed', requestId, kind, place, entry };
    }
    case 'CatalogueRequestAdmitted':
      return state.status === 'none' ? state : { ...state, status: 'admitted' };
    case 'CatalogueRequestRefused':
      return state.status === 'none' ? state : { ...state, status: 'refused' };
    default:
      return state;
  }
}
