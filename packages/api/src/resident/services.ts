// What the resident procedures need from the process that hosts them, beyond the event store
// and the read models: the personal-data vault, the phone digest, one-time codes and a sender.
import type { PersonalDataVault } from '@gongzhi/auth';
import type { OneTimeCodeSender, PhoneCodes } from './codes.ts';

export interface ResidentServices {
  /** The vault the event store's withPersonalData uses: forgetting deletes the key here. */
  vault: PersonalDataVault;
  /** HMAC digest of a mobile number (@gongzhi/auth createPhoneDigester). */
  digestPhone: (phone: string) => string;
  codes: PhoneCodes;
  codeSender: OneTimeCodeSender;
  /** How long after its confirmation a worker's erasure is carried out; default 24 hours. */
  erasureDelayMs?: number;
}
