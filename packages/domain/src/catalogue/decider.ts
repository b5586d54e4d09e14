// The catalogue's deciders: `decide` only says which command function decides a command.
import type { Decider } from '../shared/decider.ts';
import {
  addCatalogueEntry,
  changeCatalogueEntry,
  decideCatalogueRequest,
  draftCatalogue,
  publishCatalogue,
  removeCatalogueEntry,
  type CatalogueCommand,
  type CatalogueRequestCommand,
} from './commands.ts';
import type { CatalogueEvent } from './events.ts';
import {
  evolveCatalogue,
  evolveCatalogueRequest,
  initialCatalogueRequestState,
  initialCatalogueState,
  type CatalogueRequestState,
  type CatalogueState,
} from './state.ts';

export function decideCatalogue(
  command: CatalogueCommand,
  state: CatalogueState,
): CatalogueEvent[] {
  switch (command.type) {
    case 'DraftCatalogue':
      return draftCatalogue(command, state);
    case 'AddCatalogueEntry':
      return addCatalogueEntry(command, state);
    case 'RemoveCatalogueEntry':
      return removeCatalogueEntry(command, state);
    case 'ChangeCatalogueEntry':
      return changeCatalogueEntry(command, state);
    case 'PublishCatalogue':
      return publishCatalogue(command, state);
  }
}

export const catalogueDecider: Decider<CatalogueCommand, CatalogueEvent, CatalogueState> = {
  initialState: initialCatalogueState,
  evolve: evolveCatalogue,
  decide: decideCatalogue,
};

export const catalogueRequestDecider: Decider<
  CatalogueRequestCommand,
  CatalogueEvent,
  CatalogueRequestState
> = {
  initialState: initialCatalogueRequestState,
  evolve: evolveCatalogueRequest,
  decide: decideCatalogueRequest,
};

export type { CatalogueCommand, CatalogueRequestCommand };
