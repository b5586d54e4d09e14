// A task pushed to a community that no admission catalogue admits (清单外事项), one stream per
// task (`offcatalogue-<taskId>`, its id the API's). One command, so state, evolve and decision are
// kept here together.
import type { Decider } from '../shared/decider.ts';
import { requireNotFuture } from '../ledger/commands/rules.ts';
import type { CatalogueEvent, CatalogueEventData, CatalogueEventOf } from './events.ts';

export type OffCatalogueTaskState = { status: 'none' } | { status: 'recorded' };

export interface RecordOffCatalogueTask {
  type: 'RecordOffCatalogueTask';
  data: CatalogueEventData<'OffCatalogueTaskRecorded'>;
  /** Today, YYYY-MM-DD (China time). */
  today: string;
}

export function recordOffCatalogueTask(
  command: RecordOffCatalogueTask,
  state: OffCatalogueTaskState,
): CatalogueEventOf<'OffCatalogueTaskRecorded'>[] {
  // The id is the API's: a stream already written is this command's own earlier try.
  if (state.status !== 'none') return [];
  requireNotFuture(command.data.pushedOn, command.today, 'pushedOn');
  return [{ type: 'OffCatalogueTaskRecorded', data: command.data }];
}

export const offCatalogueTaskDecider: Decider<
  RecordOffCatalogueTask,
  CatalogueEvent,
  OffCatalogueTaskState
> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    event.type === 'OffCatalogueTaskRecorded' ? { status: 'recorded' } : state,
  decide: recordOffCatalogueTask,
};
