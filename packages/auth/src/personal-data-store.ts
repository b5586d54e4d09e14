// Personal data in the event log (crypto-shredding, docs/decisions/0005-crypto-shredding.md).
//
// Events keep a person's personal data only in a `personal` object beside their `residentId`
// (see @gongzhi/domain's resident events). `withPersonalData` wraps any EventStore so that this
// object is encrypted with the person's own key before it reaches the store, and decrypted on
// every read path. Once the person is forgotten (vault.forget), their key is gone and readers
// get `personal: null, personalForgotten: true`: the events still count, the identity does not.
//
// Mobile numbers must stay unique without appearing in stream names or plaintext fields, so they
// are also turned into a keyed digest here (`createPhoneDigester`).
import { createHmac, hkdfSync } from 'node:crypto';
import { InvalidEventError } from '@gongzhi/eventstore';
import type { EventData, EventStore, RecordedEvent, Subscription } from '@gongzhi/eventstore';
import { normalizeMainlandMobile } from './phone.ts';
import { MASTER_KEY_BYTES } from './master-key.ts';
import type { PersonalDataVault } from './vault.ts';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `data` with the key `from` replaced, in the same place, by `to` = `value`. */
function replaceKey(data: JsonObject, from: string, to: string, value: unknown): JsonObject {
  const out: JsonObject = {};
  for (const [key, existing] of Object.entries(data)) {
    if (key === from) out[to] = value;
    else out[key] = existing;
  }
  return out;
}

async function seal<E extends EventData>(event: E, vault: PersonalDataVault): Promise<E> {
  const { data } = event;
  if (!isObject(data) || data.personal === undefined) return event;
  const { residentId, personal } = data;
  // Refuse rather than write personal data that no key could ever shred.
  if (typeof residentId !== 'string' || !isObject(personal)) {
    throw new InvalidEventError(
      `Event ${event.type} (${event.id}): personal data must be an object beside a residentId`,
    );
  }
  const sealed = await vault.encryptFor(residentId, personal);
  return { ...event, data: replaceKey(data, 'personal', 'personalSealed', sealed) };
}

async function open(event: RecordedEvent, vault: PersonalDataVault): Promise<RecordedEvent> {
  const { data } = event;
  if (!isObject(data) || typeof data.personalSealed !== 'string') return event;
  const { residentId } = data;
  if (typeof residentId !== 'string') {
    throw new Error(`Event ${event.id} holds sealed personal data without a residentId`);
  }
  const personal = await vault.decryptFor(residentId, data.personalSealed);
  const opened = replaceKey(data, 'personalSealed', 'personal', personal ?? null);
  if (personal === undefined) opened.personalForgotten = true;
  return { ...event, data: opened };
}

/**
 * Wraps an adapter so that `personal` objects are encrypted on append and decrypted (or marked
 * forgotten) on readStream, readAll and subscribeToAll. Wrap the adapter itself, inside
 * withUpcasters, so that upcasters see plaintext. An idempotent retry re-encrypts with a new
 * IV; the store recognises the retry by event id, not by content.
 */
export function withPersonalData(store: EventStore, vault: PersonalDataVault): EventStore {
  const openAll = (events: RecordedEvent[]) => Promise.all(events.map((e) => open(e, vault)));
  return {
    append: async (stream, events, options) =>
      store.append(stream, await Promise.all(events.map((e) => seal(e, vault))), options),
    readStream: async (stream, options) => openAll(await store.readStream(stream, options)),
    readAll: async (options) => openAll(await store.readAll(options)),
    subscribeToAll(options): Subscription {
      const inner = store.subscribeToAll(options);
      return {
        stop: () => inner.stop(),
        async *[Symbol.asyncIterator]() {
          for await (const event of inner) yield await open(event, vault);
        },
      };
    },
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}

/**
 * A read-only view of an adapter in which every sealed `personal` object reads as null, without
 * touching a key: nobody's personal data, whether or not they were forgotten. For read models
 * that must hold none (the views of the past, decision 0013): they cannot show a name, so a
 * resident forgotten today cannot reappear in them. Appends are refused.
 */
export function withoutPersonalData(store: EventStore): EventStore {
  const strip = (event: RecordedEvent): RecordedEvent => {
    const { data } = event;
    if (!isObject(data) || typeof data.personalSealed !== 'string') return event;
    return { ...event, data: replaceKey(data, 'personalSealed', 'personal', null) };
  };
  return {
    append: () => Promise.reject(new Error('A store without personal data is read-only')),
    readStream: async (stream, options) => (await store.readStream(stream, options)).map(strip),
    readAll: async (options) => (await store.readAll(options)).map(strip),
    subscribeToAll(options): Subscription {
      const inner = store.subscribeToAll(options);
      return {
        stop: () => inner.stop(),
        async *[Symbol.asyncIterator]() {
          for await (const event of inner) yield strip(event);
        },
      };
    },
    headPosition: () => store.headPosition(),
    close: () => store.close(),
  };
}

/**
 * Turns a mobile number, as typed, into the 64-hex-digit digest that names its `phone-<digest>`
 * stream and finds its resident at login: HMAC-SHA256 of the canonical 11 digits, under a key
 * derived from the master key. Without that key, the digest cannot be tried against the few
 * billion possible numbers. (A new master key means new digests: rotating it needs a migration.)
 * Throws a TypeError for a number that is not a mainland mobile number: validate first.
 */
export function createPhoneDigester(masterKey: Uint8Array): (phone: string) => string {
  if (masterKey.length !== MASTER_KEY_BYTES) {
    throw new Error(`the master key must be ${MASTER_KEY_BYTES} bytes`);
  }
  const key = Buffer.from(hkdfSync('sha256', masterKey, '', 'gongzhi/phone-digest/v1', 32));
  return (phone) => {
    const canonical = normalizeMainlandMobile(phone);
    if (canonical === undefined) throw new TypeError('not a mainland mobile number');
    return createHmac('sha256', key).update(canonical).digest('hex');
  };
}
