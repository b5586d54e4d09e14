// Registering, renaming and closing a street.
//
// Street names are unique among the city's open streets. That spans streets, so it is checked
// against the read model: the command handler passes the names in use (`namesInUse`). The
// check is as fresh as the read model (the API waits for its own last write first); streets are
// registered by city administrators a few times a year, so the remaining window is accepted.
import { refuse } from '../../shared/errors.ts';
import type { EventOf, OrganisationEventData } from '../events.ts';
import type { StreetState } from './state.ts';

export interface RegisterStreet {
  type: 'RegisterStreet';
  data: OrganisationEventData<'StreetRegistered'>;
  /** Names of the city's other open streets (read model). */
  namesInUse: readonly string[];
}

export interface RenameStreet {
  type: 'RenameStreet';
  data: { streetId: string; name: string; nameEn?: string | undefined };
  namesInUse: readonly string[];
}

export interface CloseStreet {
  type: 'CloseStreet';
  data: OrganisationEventData<'StreetClosed'>;
}

export function registerStreet(
  command: RegisterStreet,
  state: StreetState,
): EventOf<'StreetRegistered'>[] {
  if (state.status !== 'none') {
    return refuse(
      'conflict',
      'street_exists',
      `街道「${state.name}」已存在。`,
      `The street “${state.name}” already exists.`,
    );
  }
  refuseTakenName(command.data.name, command.namesInUse);
  return [{ type: 'StreetRegistered', data: command.data }];
}

export function renameStreet(
  command: RenameStreet,
  state: StreetState,
): EventOf<'StreetRenamed'>[] {
  const street = requireOpenStreet(state, command.data.streetId, 'rename');
  const { name, nameEn } = command.data;
  if (name === street.name && nameEn === street.nameEn) return [];
  if (name !== street.name) refuseTakenName(name, command.namesInUse);
  return [
    {
      type: 'StreetRenamed',
      data: { streetId: street.streetId, name, nameEn, previousName: street.name },
    },
  ];
}

export function closeStreet(command: CloseStreet, state: StreetState): EventOf<'StreetClosed'>[] {
  requireOpenStreet(state, command.data.streetId, 'close');
  return [{ type: 'StreetClosed', data: command.data }];
}

function requireOpenStreet(state: StreetState, streetId: string, act: 'rename' | 'close') {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'street_not_found',
      `找不到街道（编号 ${streetId}）。`,
      `There is no street with id ${streetId}.`,
    );
  }
  if (state.status === 'closed') {
    return act === 'rename'
      ? refuse(
          'conflict',
          'street_closed',
          `街道「${state.name}」已撤销，不能再更名。`,
          `The street “${state.name}” has been closed and can no longer be renamed.`,
        )
      : refuse(
          'conflict',
          'street_closed',
          `街道「${state.name}」已经撤销。`,
          `The street “${state.name}” is already closed.`,
        );
  }
  return state;
}

function refuseTakenName(name: string, namesInUse: readonly string[]): void {
  if (namesInUse.includes(name)) {
    refuse(
      'conflict',
      'street_name_taken',
      `本市已有名为「${name}」的街道。`,
      `The city already has a street named “${name}”.`,
    );
  }
}
