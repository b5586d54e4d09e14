// Resident commands as the API runs them: gather what the deciders need from other streams (the
// community a tie names, the phone's claim), then go through the command path.
import {
  describeResidentEvent,
  parseResidentEvent,
  phoneClaimDecider,
  residentDecider,
  residentEventSchemas,
  residentStreams,
  withTieDeclarer,
} from '@gongzhi/domain';
import type {
  ErasureCommand,
  LocalizedText,
  PhoneClaimEvent,
  RegistrationData,
  ResidentCommand,
  ResidentEventData,
  ResidentState,
  ResidentStreamEvent,
  TieConsent,
  TieKind,
} from '@gongzhi/domain';
import type { PersonalDataVault, SessionStore } from '@gongzhi/auth';
import type { EventStore, Position } from '@gongzhi/eventstore';
import { ReadModelLagError } from '@gongzhi/projections';
import {
  executeCommand,
  readState,
  type CommandResult,
  type EventCodec,
  type Writer,
} from '../commands.ts';
import type { ApiServices } from '../context.ts';
import { communityRecord } from '../organisation/commands.ts';
import type { PhoneCodes } from './codes.ts';

const residentCodec: EventCodec<ResidentStreamEvent> = {
  read: (recorded) =>
    withTieDeclarer(
      parseResidentEvent(recorded.type, recorded.data) as ResidentStreamEvent,
      recorded.metadata,
    ),
  versionOf: (type) => residentEventSchemas[type].version,
  describe: describeResidentEvent,
};

const phoneCodec: EventCodec<PhoneClaimEvent> = {
  read: (recorded) => parseResidentEvent(recorded.type, recorded.data) as PhoneClaimEvent,
  versionOf: (type) => residentEventSchemas[type].version,
  describe: describeResidentEvent,
};

const residentSubject = (): LocalizedText => ({ 'zh-CN': '居民档案', en: 'The resident record' });
const phoneSubject = (): LocalizedText => ({ 'zh-CN': '该手机号', en: 'This mobile number' });

/** The resident's stream, for readState and the command path. */
export const residentRecord = (residentId: string) => ({
  stream: residentStreams.resident(residentId),
  decider: residentDecider,
  codec: residentCodec,
});

/** The claim stream of a number: whom it is claimed by, if anyone. */
export const phoneClaimRecord = (phoneDigest: string) => ({
  stream: residentStreams.phone(phoneDigest),
  decider: phoneClaimDecider,
  codec: phoneCodec,
});

/** The resident who holds the number now, from its claim stream. */
export async function phoneHolder(
  store: EventStore,
  phoneDigest: string,
): Promise<string | undefined> {
  return (await readState(store, phoneClaimRecord(phoneDigest))).state.claimedBy;
}

/** The community a tie names, from its own stream: it must exist and be open. */
const communityOf = async (store: EventStore, communityId: string) =>
  (await readState(store, communityRecord(communityId))).state;

// A registration claims the number, then writes the resident. Should it stop between the two,
// the number stays claimed by a resident who never came to be; a claim that old with no
// resident behind it is released by the next registration of the number.
const ABANDONED_CLAIM_MS = 5 * 60_000;

async function claimPhone(w: Writer, phoneDigest: string, residentId: string): Promise<void> {
  const claims = await w.store.readStream(residentStreams.phone(phoneDigest), {
    direction: 'backwards',
    maxCount: 1,
  });
  const last = claims[0];
  if (
    last?.type === 'PhoneClaimed' &&
    (last.data as { residentId: string }).residentId !== residentId &&
    Date.parse(w.metadata.occurredAt) - Date.parse(last.recordedAt) > ABANDONED_CLAIM_MS
  ) {
    const holder = (last.data as { residentId: string }).residentId;
    const resident = await w.store.readStream(residentStreams.resident(holder), { maxCount: 1 });
    if (resident.length === 0) {
      await executeCommand(w.store, {
        ...phoneClaimRecord(phoneDigest),
        command: () => ({
          type: 'ReleasePhone' as const,
          data: { phoneDigest, residentId: holder },
        }),
        subject: phoneSubject,
        metadata: { ...w.metadata, actor: 'system', onBehalfOf: undefined, channel: 'system' },
      });
    }
  }
  await executeCommand(w.store, {
    ...phoneClaimRecord(phoneDigest),
    command: () => ({ type: 'ClaimPhone' as const, data: { phoneDigest, residentId } }),
    subject: phoneSubject,
    metadata: w.metadata,
  });
}

export interface TieRequest {
  tieId: string;
  communityId: string;
  kind: TieKind;
  /** A worker declaring it for the resident, and how the resident agreed. */
  declaredFor?: { by: string; consent: TieConsent };
}

/** The number the resident registered with, from their registration; undefined once forgotten. */
export async function registeredPhone(
  store: EventStore,
  residentId: string,
): Promise<string | undefined> {
  const [registered] = await store.readStream(residentStreams.resident(residentId), {
    maxCount: 1,
  });
  if (registered?.type !== 'ResidentRegistered') return undefined;
  const event = parseResidentEvent(registered.type, registered.data);
  return event.type === 'ResidentRegistered' ? event.data.personal?.phone : undefined;
}

/** A registration with the communities its ties name, as their streams have them. */
export interface Registration {
  command: Extract<ResidentCommand, { type: 'RegisterResident' }>;
}

/**
 * Reads the communities and decides once on an empty record, writing nothing: a refusal (a
 * closed community, a birth year still to come) comes before a one-time code is used up or
 * the number is claimed.
 */
export async function prepareRegistration(
  store: EventStore,
  request: { data: RegistrationData; ties: TieRequest[]; today: string },
): Promise<Registration> {
  const ties = await Promise.all(
    request.ties.map(async (tie) => ({
      ...tie,
      community: await communityOf(store, tie.communityId),
    })),
  );
  const command = { type: 'RegisterResident' as const, ...request, ties };
  residentDecider.decide(command, residentDecider.initialState());
  return { command };
}

/** Claims the number, then registers the resident with their ties. */
export async function registerResident(
  w: Writer,
  { command }: Registration,
): Promise<CommandResult<ResidentStreamEvent>> {
  await claimPhone(w, command.data.phoneDigest, command.data.residentId);
  return executeCommand(w.store, {
    ...residentRecord(command.data.residentId),
    command: () => command,
    subject: residentSubject,
    metadata: w.metadata,
  });
}

function residentCommand(
  w: Writer,
  residentId: string,
  command: () => ResidentCommand | Promise<ResidentCommand>,
): Promise<CommandResult<ResidentStreamEvent>> {
  return executeCommand(w.store, {
    ...residentRecord(residentId),
    command,
    subject: residentSubject,
    metadata: w.metadata,
  });
}

export const confirmPhone = (w: Writer, residentId: string) =>
  residentCommand(w, residentId, () => ({ type: 'ConfirmPhone', data: { residentId } }));

export const changePassword = (w: Writer, data: ResidentEventData<'PasswordChanged'>) =>
  residentCommand(w, data.residentId, () => ({ type: 'ChangePassword', data }));

const declaration = async (
  store: EventStore,
  data: { residentId: string } & TieRequest,
): Promise<ResidentCommand> => ({
  type: 'DeclareTie',
  data,
  community: await communityOf(store, data.communityId),
});

export const declareTie = (w: Writer, data: { residentId: string } & TieRequest) =>
  residentCommand(w, data.residentId, () => declaration(w.store, data));

/**
 * Decides a declaration on the resident as they are, writing nothing: a refusal comes before a
 * one-time code is used up.
 */
export async function checkTieDeclaration(
  store: EventStore,
  data: { residentId: string } & TieRequest,
): Promise<void> {
  residentDecider.decide(
    await declaration(store, data),
    (await readState(store, residentRecord(data.residentId))).state,
  );
}

/** A registered resident with no ties, for deciding what a declaration by number refuses alike. */
const residentWithoutTies: ResidentState = {
  status: 'active',
  residentId: '',
  phoneDigest: '',
  birthYear: 1900,
  channel: 'offline',
  hasPassword: false,
  phoneConfirmed: false,
  ties: [],
  proxies: [],
  erasure: undefined,
};

/**
 * Decides a declaration as for a resident without ties, writing nothing: it refuses only what the
 * community refuses (closed). A worker declaring a tie by number for a number nobody holds gets
 * this answer, the same as for a number a resident holds.
 */
export async function checkTieForAnyone(store: EventStore, data: TieRequest): Promise<void> {
  residentDecider.decide(
    await declaration(store, { residentId: '', ...data }),
    residentWithoutTies,
  );
}

/** The resident confirms or declines a tie a worker declared for them. */
export const answerTie = (
  w: Writer,
  type: 'ConfirmTie' | 'DeclineTie',
  data: { residentId: string; tieId: string },
) => residentCommand(w, data.residentId, () => ({ type, data }));

/** A step of a worker's erasure before it is carried out: request, confirm, stop. */
export const erasureStep = (
  w: Writer,
  command: Exclude<ErasureCommand, { type: 'ExecuteErasure' }>,
) => residentCommand(w, command.data.residentId, () => command);

export const verifyTie = (
  w: Writer,
  data: { residentId: string; tieId: string; note: string; verifiedBy: string },
) => residentCommand(w, data.residentId, () => ({ type: 'VerifyTie', data }));

export const rejectTie = (
  w: Writer,
  data: { residentId: string; tieId: string; reason: string; rejectedBy: string },
) => residentCommand(w, data.residentId, () => ({ type: 'RejectTie', data }));

export const grantProxy = (w: Writer, data: ResidentEventData<'ProxyGranted'>, today: string) =>
  residentCommand(w, data.residentId, () => ({ type: 'GrantProxy', data, today }));

export const revokeProxy = (w: Writer, data: { residentId: string; proxyId: string }) =>
  residentCommand(w, data.residentId, () => ({ type: 'RevokeProxy', data }));

export interface Erasure {
  vault: PersonalDataVault;
  codes: PhoneCodes;
  sessions: SessionStore;
}

export const erasureServices = (services: ApiServices): Erasure => ({
  vault: services.residents.vault,
  codes: services.residents.codes,
  sessions: services.sessions,
});

// How long forgetting waits for the read models to purge their copies before deleting the key.
const PURGE_WAIT_MS = 30_000;

/**
 * Forgetting: "forget me", or a worker's confirmed erasure once due. Records ResidentForgotten,
 * releases the number, lets the read models purge their copies, then deletes the resident's key,
 * after which every `personal` of theirs in the log reads as null; ends their sessions and codes.
 * Each step can be run again: a forgotten resident is forgotten again without a new event, so an
 * erasure cut short is finished by a retry.
 */
export async function forgetResident(
  w: Writer,
  erasure: Erasure,
  command: Extract<ResidentCommand, { type: 'ForgetResident' | 'ExecuteErasure' }>,
): Promise<{ position: Position | undefined }> {
  const { residentId } = command.data;
  const forgotten = await residentCommand(w, residentId, () => command);
  const { state } = await readState(w.store, residentRecord(residentId));
  if (state.status === 'none') throw new Error('a forgotten resident has a stream');
  const released = await executeCommand(w.store, {
    ...phoneClaimRecord(state.phoneDigest),
    command: () => ({
      type: 'ReleasePhone' as const,
      data: { phoneDigest: state.phoneDigest, residentId },
    }),
    subject: phoneSubject,
    metadata: w.metadata,
  });
  const position = [forgotten.position, released.position].reduce<Position | undefined>(
    (a, b) => (a === undefined || (b !== undefined && b > a) ? b : a),
    undefined,
  );
  if (position !== undefined) {
    try {
      await w.readModels.waitForPosition(position, PURGE_WAIT_MS);
    } catch (error) {
      // The key goes regardless: without it the copies a slow read model still holds are
      // purged when it reaches ResidentForgotten, and nothing can decrypt the log meanwhile.
      if (!(error instanceof ReadModelLagError)) throw error;
    }
  }
  // The vault deletes the key and, on SQLite, truncates the write-ahead log the purge went through.
  await erasure.vault.forget(residentId);
  await erasure.sessions.revokeAll(residentId);
  await erasure.codes.discard(state.phoneDigest);
  return { position };
}
