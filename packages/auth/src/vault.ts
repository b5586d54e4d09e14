// Crypto-shredding: each person's personal data is encrypted (AES-256-GCM) with a key of their
// own; the key is stored wrapped by the master key in `pii_keys`. Forgetting a person deletes
// the key, after which every copy of their ciphertext (events, backups of events) is noise.
// After a rotation (key-rotation.ts) a wrapping key takes the master key's place for wrapping.
// See docs/decisions/0005-crypto-shredding.md.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { ReadModelDatabase } from '@gongzhi/projections';
import { MASTER_KEY_BYTES } from './master-key.ts';

export interface PersonalDataVault {
  /** Encrypts a JSON value for a person, creating their key on first use. */
  encryptFor(personId: string, value: unknown): Promise<string>;
  /**
   * The value an envelope holds, or undefined when the person's key is gone (forgotten).
   * Throws when the envelope was altered or belongs to someone else.
   */
  decryptFor<T = unknown>(personId: string, envelope: string): Promise<T | undefined>;
  /** Deletes the person's key, for good; true if there was one. */
  forget(personId: string): Promise<boolean>;
}

export interface VaultOptions {
  /** How many unwrapped keys to keep in memory. */
  cacheSize?: number;
  /**
   * How long a cached key may be used. Bounds how long another API instance, which cannot
   * know of a `forget` here, may still decrypt with a key it had cached.
   */
  cacheTtlMs?: number;
  now?: () => number;
  /**
   * The wrapping key a rotation put in the master key's place (docs/operations.md): new data
   * keys are wrapped with it, and keys wrapped with it are opened with it.
   */
  wrappingKey?: Uint8Array;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

// The person id is bound into every ciphertext as associated data: an envelope or a wrapped key
// copied onto another person fails authentication instead of decrypting.
const dataContext = (personId: string) => Buffer.from(`gongzhi/pii-data/${VERSION}/${personId}`);
const keyContext = (personId: string) => Buffer.from(`gongzhi/pii-key/${VERSION}/${personId}`);

/**
 * `<label>.<iv>.<ciphertext+tag>`, base64url without padding. The label is `v1` for data and
 * for keys wrapped by the master key, `w<key id>` for keys wrapped by a wrapping key.
 */
function seal(key: Uint8Array, plaintext: Uint8Array, context: Buffer, label = VERSION): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(context);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `${label}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
}

/** The label an envelope starts with. */
const labelOf = (envelope: string) => envelope.slice(0, envelope.indexOf('.'));

function open(key: Uint8Array, envelope: string, context: Buffer, label = VERSION): Buffer {
  const [version, ivText, sealedText, ...rest] = envelope.split('.');
  if (version !== label || ivText === undefined || sealedText === undefined || rest.length) {
    throw new Error('not a personal-data envelope');
  }
  const iv = Buffer.from(ivText, 'base64url');
  const sealed = Buffer.from(sealedText, 'base64url');
  if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) {
    throw new Error('not a personal-data envelope');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(context);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]);
}

/** A wrapping key's short public name, the label of the keys it wraps: `w` + 12 hex digits. */
export function wrappingKeyLabel(key: Uint8Array): string {
  return `w${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/** Wraps and unwraps persons' data keys with the master key and any wrapping keys given. */
export interface KeyWrapper {
  wrap(personId: string, dataKey: Uint8Array): string;
  unwrap(personId: string, wrapped: string): Buffer;
  /** The label `wrap` writes: rows that carry it need no rewrapping. */
  readonly label: string;
}

/**
 * New keys are wrapped by the last of `wrappingKeys` (the master key when there is none); a
 * stored key is opened by the key its label names, so that keys of a rotation in progress open.
 */
export function createKeyWrapper(
  masterKey: Uint8Array,
  wrappingKeys: readonly Uint8Array[] = [],
): KeyWrapper {
  for (const key of [masterKey, ...wrappingKeys]) {
    if (key.length !== MASTER_KEY_BYTES) {
      throw new Error(`the master key and wrapping keys must be ${MASTER_KEY_BYTES} bytes`);
    }
  }
  const byLabel = new Map<string, Uint8Array>([[VERSION, masterKey]]);
  for (const key of wrappingKeys) byLabel.set(wrappingKeyLabel(key), key);
  const current = wrappingKeys.at(-1);
  const label = current ? wrappingKeyLabel(current) : VERSION;
  return {
    label,
    wrap: (personId, dataKey) => seal(byLabel.get(label)!, dataKey, keyContext(personId), label),
    unwrap(personId, wrapped) {
      const wrappedLabel = labelOf(wrapped);
      const key = byLabel.get(wrappedLabel);
      if (!key) {
        throw new Error(
          `the data key of ${personId} is wrapped by key ${wrappedLabel}, which is not configured (GONGZHI_WRAPPING_KEY or wrapping.key; docs/operations.md)`,
        );
      }
      return open(key, wrapped, keyContext(personId), wrappedLabel);
    },
  };
}

export function createPersonalDataVault(
  db: ReadModelDatabase,
  masterKey: Uint8Array,
  { cacheSize = 10_000, cacheTtlMs = 5 * 60_000, now = Date.now, wrappingKey }: VaultOptions = {},
): PersonalDataVault {
  const wrapper = createKeyWrapper(masterKey, wrappingKey ? [wrappingKey] : []);
  // Map iteration order is insertion order: re-inserting on use makes the first entry the
  // least recently used one.
  const cache = new Map<string, { key: Buffer; loadedAt: number }>();

  function remember(personId: string, key: Buffer): Buffer {
    cache.delete(personId);
    cache.set(personId, { key, loadedAt: now() });
    while (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
    return key;
  }

  async function loadKey(personId: string): Promise<Buffer | undefined> {
    const cached = cache.get(personId);
    if (cached && now() - cached.loadedAt < cacheTtlMs) {
      cache.delete(personId);
      cache.set(personId, cached);
      return cached.key;
    }
    cache.delete(personId);
    const row = await db.get<{ wrapped_key: string }>(
      'SELECT wrapped_key FROM pii_keys WHERE person_id = ?',
      [personId],
    );
    if (!row) return undefined;
    return remember(personId, wrapper.unwrap(personId, row.wrapped_key));
  }

  async function loadOrCreateKey(personId: string): Promise<Buffer> {
    const existing = await loadKey(personId);
    if (existing) return existing;
    const key = randomBytes(KEY_BYTES);
    // Two instances may race to create the first key; the row that lands first wins for both.
    await db.run(
      `INSERT INTO pii_keys (person_id, wrapped_key, created_at) VALUES (?, ?, ?)
       ON CONFLICT (person_id) DO NOTHING`,
      [personId, wrapper.wrap(personId, key), now()],
    );
    const stored = await loadKey(personId);
    if (!stored) throw new Error(`the key of person ${personId} vanished while being created`);
    return stored;
  }

  return {
    async encryptFor(personId, value) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError('only JSON values can be encrypted');
      const key = await loadOrCreateKey(personId);
      return seal(key, Buffer.from(json, 'utf8'), dataContext(personId));
    },

    async decryptFor<T>(personId: string, envelope: string) {
      const key = await loadKey(personId);
      if (!key) return undefined;
      return JSON.parse(open(key, envelope, dataContext(personId)).toString('utf8')) as T;
    },

    async forget(personId) {
      cache.delete(personId);
      if (db.dialect === 'sqlite') {
        // SQLite otherwise leaves deleted rows readable in free pages and in the write-ahead log.
        await db.get('PRAGMA secure_delete = ON');
      }
      const { changes } = await db.run('DELETE FROM pii_keys WHERE person_id = ?', [personId]);
      if (db.dialect === 'sqlite') await db.get('PRAGMA wal_checkpoint(TRUNCATE)');
      return changes > 0;
    },
  };
}
