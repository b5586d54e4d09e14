// The rotating sign-in code of a meeting (签到码): an HMAC of the meeting's id and the current
// 30-second window under a key derived from the master key, so every API instance sharing the
// master key shows and accepts the same code, and a photo of the code is useless a minute later.
// The code of the current window and of the one before are accepted (a member who scanned just
// before the change is not refused). Server-side only: the key never reaches a browser.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const SIGN_IN_WINDOW_MS = 30_000;

/** Crockford base32 without I L O U: easy to read aloud and type from a projector. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 6;

export interface SignInCodes {
  /** The code shown now, and until when it is the current one (ISO-8601 UTC). */
  current(meetingId: string, now: Date): { code: string; validUntil: string };
  /** Whether `code` is the meeting's code of the current or of the previous window. */
  accepts(meetingId: string, code: string, now: Date): boolean;
}

export function createSignInCodes(masterKey: Uint8Array): SignInCodes {
  const key = Buffer.from(hkdfSync('sha256', masterKey, '', 'gongzhi/meeting-sign-in/v1', 32));
  const codeOf = (meetingId: string, window: number): string => {
    const digest = createHmac('sha256', key).update(`${meetingId}/${window}`).digest();
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[digest[i]! % ALPHABET.length];
    return code;
  };
  const windowOf = (now: Date) => Math.floor(now.getTime() / SIGN_IN_WINDOW_MS);
  return {
    current(meetingId, now) {
      const window = windowOf(now);
      return {
        code: codeOf(meetingId, window),
        validUntil: new Date((window + 1) * SIGN_IN_WINDOW_MS).toISOString(),
      };
    },
    accepts(meetingId, code, now) {
      const given = Buffer.from(code.trim().toUpperCase());
      const window = windowOf(now);
      return [window, window - 1].some((w) => {
        const expected = Buffer.from(codeOf(meetingId, w));
        return expected.length === given.length && timingSafeEqual(expected, given);
      });
    },
  };
}
