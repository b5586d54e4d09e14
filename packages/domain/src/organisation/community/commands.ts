// Registering, renaming and closing a community or village.
//
// Two rules span streams, and the command handler supplies what they need:
// - a community is registered under a street that exists and is open: the handler folds the
//   street's own stream (`street`), so this is as fresh as the store at decision time. A street
//   closed in the instant between that read and the append is not caught; closing a street is a
//   rare act of the city, and its communities then show under a closed street, visibly.
// - names are unique among the street's open communities: checked against the read model
//   (`namesInStreet`), with the same freshness argument as street names (street/commands.ts).
import { refuse } from '../../shared/errors.ts';
import type { EventOf, OrganisationEventData } from '../events.ts';
import type { StreetState } from '../street/state.ts';
import type { CommunityState } from './state.ts';

export interface RegisterCommunity {
  type: 'RegisterCommunity';
  data: OrganisationEventData<'CommunityRegistered'>;
  /** The street folded from its stream. */
  street: StreetState;
  /** Names of the street's other open communities (read model). */
  namesInStreet: readonly string[];
}

export interface RenameCommunity {
  type: 'RenameCommunity';
  data: { communityId: string; name: string; nameEn?: string | undefined };
  namesInStreet: readonly string[];
}

export interface CloseCommunity {
  type: 'CloseCommunity';
  data: { communityId: string; reason?: string | undefined };
}

export function registerCommunity(
  command: RegisterCommunity,
  state: CommunityState,
): EventOf<'CommunityRegistered'>[] {
  if (state.status !== 'none') {
    return refuse(
      'conflict',
      'community_exists',
      `社区「${state.name}」已存在。`,
      `The community “${state.name}” already exists.`,
    );
  }
  const { street } = command;
  if (street.status === 'none') {
    return refuse(
      'not_found',
      'street_not_found',
      `找不到街道（编号 ${command.data.streetId}），无法在其下登记社区。`,
      `There is no street with id ${command.data.streetId} to register the community under.`,
    );
  }
  if (street.status === 'closed') {
    return refuse(
      'conflict',
      'street_closed',
      `街道「${street.name}」已撤销，不能在其下登记新的社区或村。`,
      `The street “${street.name}” has been closed; no community can be registered under it.`,
    );
  }
  refuseTakenName(command.data.name, street.name, command.namesInStreet);
  return [{ type: 'CommunityRegistered', data: command.data }];
}

export function renameCommunity(
  command: RenameCommunity,
  state: CommunityState,
): EventOf<'CommunityRenamed'>[] {
  const community = requireOpenCommunity(state, command.data.communityId, 'rename');
  const { name, nameEn } = command.data;
  if (name === community.name && nameEn === community.nameEn) return [];
  if (name !== community.name) refuseTakenName(name, undefined, command.namesInStreet);
  return [
    {
      type: 'CommunityRenamed',
      data: {
        communityId: community.communityId,
        streetId: community.streetId,
        name,
        nameEn,
        previousName: community.name,
      },
    },
  ];
}

export function closeCommunity(
  command: CloseCommunity,
  state: CommunityState,
): EventOf<'CommunityClosed'>[] {
  const community = requireOpenCommunity(state, command.data.communityId, 'close');
  return [
    {
      type: 'CommunityClosed',
      data: {
        communityId: community.communityId,
        streetId: community.streetId,
        reason: command.data.reason,
      },
    },
  ];
}

function requireOpenCommunity(state: CommunityState, communityId: string, act: 'rename' | 'close') {
  if (state.status === 'none') {
    return refuse(
      'not_found',
      'community_not_found',
      `找不到社区或村（编号 ${communityId}）。`,
      `There is no community or village with id ${communityId}.`,
    );
  }
  if (state.status === 'closed') {
    return act === 'rename'
      ? refuse(
          'conflict',
          'community_closed',
          `「${state.name}」已撤销，不能再更名。`,
          `“${state.name}” has been closed and can no longer be renamed.`,
        )
      : refuse(
          'conflict',
          'community_closed',
          `「${state.name}」已经撤销。`,
          `“${state.name}” is already closed.`,
        );
  }
  return state;
}

function refuseTakenName(
  name: string,
  streetName: string | undefined,
  namesInStreet: readonly string[],
): void {
  if (!namesInStreet.includes(name)) return;
  const where = streetName ? `「${streetName}」` : '本街道';
  const whereEn = streetName ? `“${streetName}”` : 'This street';
  refuse(
    'conflict',
    'community_name_taken',
    `${where}已有名为「${name}」的社区或村。`,
    `${whereEn} already has a community or village named “${name}”.`,
  );
}
