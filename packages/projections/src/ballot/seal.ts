// Sealing ballots: the receipt and choices of a ballot are encrypted (AES-256-GCM) with the
// ballot key, derived from the master key, before they enter the voter's stream. The cycle and
// community are bound in as associated data, so a sealed ballot moved elsewhere fails to open.
// The API seals; the bulletin projection opens. The choices and receipt of a paper ballot as each
// worker entered them are sealed the same way under another context, so an entry never opens as a
// ballot. A paper receipt is claimed under its keyed digest (receiptKey), never in the clear. docs/events.md ("Ballot") says what this protects and what it does not.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomFillSync,
} from 'node:crypto';
import {
  paperEntryContentSchema,
  sealedBallotSchema,
  type PaperEntryContent,
  type SealedBallot,
} from '@gongzhi/domain';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface BallotPlace {
  cycleId: string;
  communityId: string;
}

export interface BallotSeal {
  seal(place: BallotPlace, content: SealedBallot): string;
  /** Throws when the envelope was not sealed with this key for this place. */
  open(place: BallotPlace, sealed: string): SealedBallot;
  /** The choices (and receipt, if typed) of a paper ballot as one entry read them. */
  sealEntry(place: BallotPlace, content: PaperEntryContent): string;
  openEntry(place: BallotPlace, sealed: string): PaperEntryContent;
  /** The receipt's keyed digest (32 hex digits): names its claim stream without showing it. */
  receiptKey(cycleId: string, receipt: string): string;
}

// Random bytes are drawn from a pool filled 4 KB at a time: a call of the system's generator per
// ballot for a dozen bytes costs more than sealing the ballot. Each caller uses its bytes at once.
const pool = Buffer.alloc(4096);
let poolUsed = pool.length;
function randomChunk(bytes: number): Buffer {
  if (poolUsed + bytes > pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  poolUsed += bytes;
  return pool.subarray(poolUsed - bytes, poolUsed);
}

const context = ({ cycleId, communityId }: BallotPlace) =>
  Buffer.from(`gongzhi/ballot/${VERSION}/${cycleId}/${communityId}`);
const entryContext = ({ cycleId, communityId }: BallotPlace) =>
  Buffer.from(`gongzhi/paper-entry/${VERSION}/${cycleId}/${communityId}`);

export function createBallotSeal(masterKey: Uint8Array): BallotSeal {
  const key = Buffer.from(hkdfSync('sha256', masterKey, '', 'gongzhi/ballot-seal/v1', 32));
  const digestKey = Buffer.from(
    hkdfSync('sha256', masterKey, '', 'gongzhi/paper-receipt-key/v1', 32),
  );
  const encrypt = (aad: Buffer, content: unknown) => {
    const iv = randomChunk(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
    const plaintext = Buffer.from(JSON.stringify(content));
    const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
  };
  const decrypt = (aad: Buffer, envelope: string): unknown => {
    const [version, ivText, sealedText, ...rest] = envelope.split('.');
    if (version !== VERSION || !ivText || !sealedText || rest.length > 0) {
      throw new Error('not a sealed ballot');
    }
    const iv = Buffer.from(ivText, 'base64url');
    const sealed = Buffer.from(sealedText, 'base64url');
    if (iv.length !== IV_BYTES || sealed.length < TAG_BYTES) throw new Error('not a sealed ballot');
    const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plaintext = Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(plaintext.toString('utf8'));
  };
  return {
    seal: (place, content) => encrypt(context(place), content),
    open: (place, envelope) => sealedBallotSchema.parse(decrypt(context(place), envelope)),
    sealEntry: (place, content) => encrypt(entryContext(place), content),
    openEntry: (place, envelope) =>
      paperEntryContentSchema.parse(decrypt(entryContext(place), envelope)),
    receiptKey: (cycleId, receipt) =>
      createHmac('sha256', digestKey).update(`${cycleId}/${receipt}`).digest('hex').slice(0, 32),
  };
}

// Crockford base32 without I, L, O, U: nothing to misread when copied from a phone by hand.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new receipt code: 80 random bits as XXXX-XXXX-XXXX-XXXX. */
export function newReceipt(): string {
  const bytes = randomChunk(16);
  let code = '';
  for (let i = 0; i < 16; i++) {
    code += ALPHABET[bytes[i]! & 31];
    if (i % 4 === 3 && i < 15) code += '-';
  }
  return code;
}
