// Organisation commands as the API and the demo seed run them: gather what the decider needs
// from other streams or the read model, then go through the command path.
import {
  accountDecider,
  cityDecider,
  communityDecider,
  describeOrganisationEvent,
  loginNameDecider,
  organisationEventSchemas,
  organisationStreams,
  parseOrganisationEvent,
  streetDecider,
} from '@gongzhi/domain';
import type {
  AccountCommand,
  AccountEvent,
  AccountState,
  CityEvent,
  CommunityCommand,
  CommunityEvent,
  CommunityKind,
  CommunityState,
  LocalizedText,
  LoginNameEvent,
  OrganisationEvent,
  OrganisationEventData,
  StreetCommand,
  StreetEvent,
  StreetState,
} from '@gongzhi/domain';
import { openCommunityNames, openStreetNames } from '@gongzhi/projections/organisation';
import {
  executeCommand,
  readState,
  type CommandResult,
  type EventCodec,
  type Writer,
} from '../commands.ts';
import { caughtUpToHead } from '../positions.ts';

export type { Writer } from '../commands.ts';

/** Each stream holds only its own record's event types, so reading narrows safely. */
function codec<Event extends OrganisationEvent>(): EventCodec<Event> {
  return {
    read: (recorded) => parseOrganisationEvent(recorded.type, recorded.data) as Event,
    versionOf: (type) => organisationEventSchemas[type].version,
    describe: (event) => describeOrganisationEvent(event),
  };
}

// The streets, communities and accounts as their own streams have them (not the read model),
// for readState: a cycle's street and communities, the community a tie names, an account's roles.
export const streetRecord = (streetId: string) => ({
  stream: organisationStreams.street(streetId),
  decider: streetDecider,
  codec: codec<StreetEvent>(),
});

export const communityRecord = (communityId: string) => ({
  stream: organisationStreams.community(communityId),
  decider: communityDecider,
  codec: codec<CommunityEvent>(),
});

export const accountRecord = (accountId: string) => ({
  stream: organisationStreams.account(accountId),
  decider: accountDecider,
  codec: codec<AccountEvent>(),
});

const quoted = (name: string): LocalizedText => ({ 'zh-CN': `「${name}」`, en: `“${name}”` });

function streetSubject(state: StreetState, streetId: string): LocalizedText {
  return state.status === 'none'
    ? { 'zh-CN': `街道 ${streetId}`, en: `The street ${streetId}` }
    : { 'zh-CN': `街道「${state.name}」`, en: `The street “${state.name}”` };
}

function communitySubject(state: CommunityState, communityId: string): LocalizedText {
  return state.status === 'none'
    ? { 'zh-CN': `社区 ${communityId}`, en: `The community ${communityId}` }
    : quoted(state.name);
}

export function registerCity(w: Writer, data: OrganisationEventData<'CityRegistered'>) {
  return executeCommand(w.store, {
    decider: cityDecider,
    codec: codec<CityEvent>(),
    stream: organisationStreams.city(data.cityId),
    command: () => ({ type: 'RegisterCity' as const, data }),
    subject: () => quoted(data.name),
    metadata: w.metadata,
  });
}

/** Runs one street command on `street-<streetId>`, built from the street's current state. */
function onStreet(
  w: Writer,
  streetId: string,
  command: (state: StreetState) => StreetCommand | Promise<StreetCommand>,
  expectedRevision?: bigint,
) {
  return executeCommand(w.store, {
    ...streetRecord(streetId),
    command,
    expectedRevision,
    subject: (state) => streetSubject(state, streetId),
    metadata: w.metadata,
  });
}

/** Runs one community command on `community-<communityId>`, built from its current state. */
function onCommunity(
  w: Writer,
  communityId: string,
  command: (state: CommunityState) => CommunityCommand | Promise<CommunityCommand>,
  expectedRevision?: bigint,
) {
  return executeCommand(w.store, {
    ...communityRecord(communityId),
    command,
    expectedRevision,
    subject: (state) => communitySubject(state, communityId),
    metadata: w.metadata,
  });
}

// Name uniqueness is checked on the read model (see organisation/ in the domain), once it holds
// every event already written: the window left is writes racing this one.
export async function registerStreet(
  w: Writer,
  data: { streetId: string; name: string; nameEn?: string | undefined },
) {
  await caughtUpToHead(w);
  return onStreet(w, data.streetId, async () => ({
    type: 'RegisterStreet',
    data,
    namesInUse: await openStreetNames(w.readModels.db),
  }));
}

export async function renameStreet(
  w: Writer,
  data: { streetId: string; name: string; nameEn?: string | undefined },
  expectedRevision?: bigint,
) {
  await caughtUpToHead(w);
  return onStreet(
    w,
    data.streetId,
    async () => ({
      type: 'RenameStreet',
      data,
      namesInUse: await openStreetNames(w.readModels.db, data.streetId),
    }),
    expectedRevision,
  );
}

export function closeStreet(
  w: Writer,
  data: { streetId: string; reason?: string | undefined },
  expectedRevision?: bigint,
) {
  return onStreet(w, data.streetId, () => ({ type: 'CloseStreet', data }), expectedRevision);
}

export async function registerCommunity(
  w: Writer,
  data: {
    communityId: string;
    streetId: string;
    kind: CommunityKind;
    name: string;
    nameEn?: string | undefined;
  },
) {
  await caughtUpToHead(w);
  return onCommunity(w, data.communityId, async () => ({
    type: 'RegisterCommunity',
    data,
    street: (await readState(w.store, streetRecord(data.streetId))).state,
    namesInStreet: await openCommunityNames(w.readModels.db, data.streetId),
  }));
}

export async function renameCommunity(
  w: Writer,
  data: { communityId: string; name: string; nameEn?: string | undefined },
  expectedRevision?: bigint,
) {
  await caughtUpToHead(w);
  return onCommunity(
    w,
    data.communityId,
    async (state) => ({
      type: 'RenameCommunity',
      data,
      namesInStreet:
        state.status === 'none'
          ? []
          : await openCommunityNames(w.readModels.db, state.streetId, data.communityId),
    }),
    expectedRevision,
  );
}

export function closeCommunity(
  w: Writer,
  data: { communityId: string; reason?: string | undefined },
  expectedRevision?: bigint,
) {
  return onCommunity(
    w,
    data.communityId,
    () => ({ type: 'CloseCommunity', data }),
    expectedRevision,
  );
}

const accountSubject = (accountId: string) => (state: AccountState) =>
  quoted(state.status === 'none' ? accountId : state.displayName);

/** Runs one account command on `account-<accountId>`. */
function onAccount(w: Writer, accountId: string, command: AccountCommand) {
  return executeCommand(w.store, {
    ...accountRecord(accountId),
    command: () => command,
    subject: accountSubject(accountId),
    metadata: w.metadata,
  });
}

/**
 * Claims the login name in its own stream (`no_stream` makes the claim unique), then creates
 * the account. A retry after a failure between the two finds its own claim and goes on.
 */
export async function createStaffAccount(
  w: Writer,
  data: OrganisationEventData<'StaffAccountCreated'>,
): Promise<CommandResult<OrganisationEvent>> {
  await executeCommand(w.store, {
    decider: loginNameDecider,
    codec: codec<LoginNameEvent>(),
    stream: organisationStreams.loginName(data.loginName),
    command: () => ({
      type: 'ClaimLoginName' as const,
      data: { loginName: data.loginName, accountId: data.accountId },
    }),
    subject: () => quoted(data.loginName),
    metadata: w.metadata,
  });
  return onAccount(w, data.accountId, { type: 'CreateStaffAccount', data });
}

export const grantRole = (w: Writer, data: OrganisationEventData<'RoleGranted'>) =>
  onAccount(w, data.accountId, { type: 'GrantRole', data });

export const revokeRole = (w: Writer, data: OrganisationEventData<'RoleRevoked'>) =>
  onAccount(w, data.accountId, { type: 'RevokeRole', data });

export const changeStaffPassword = (
  w: Writer,
  data: OrganisationEventData<'StaffPasswordChanged'>,
) => onAccount(w, data.accountId, { type: 'ChangeStaffPassword', data });

export const deactivateStaffAccount = (
  w: Writer,
  data: OrganisationEventData<'StaffAccountDeactivated'>,
) => onAccount(w, data.accountId, { type: 'DeactivateStaffAccount', data });
