// The rotating sign-in code a volunteer-team leader shows at a shift's place (扫码签到): an HMAC
// of the shift and the current 30-second window under a key derived from the master key, so that
// a code cannot be made without the server, a photo of it is useless a minute later, and no code
// is stored. The current and the previous window are accepted, so a code scanned just before it
// turns still counts.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const SHIFT_CODE_WINDOW_MS = 30_000;

export interface ShiftCodes {
  /** The code for `shiftId` at `now`, and when it turns. */
  current(shiftId: string, now: Date): { code: string; validUntil: Date };
  /** Whether `code` is the code of `shiftId` in the window of `now` or the one before it. */
  verify(shiftId: string, code: string, now: Date): boolean;
}

export function createShiftCodes(masterKey: Uint8Array): ShiftCodes {
  const key = Buffer.from(hkdfSync('sha256', masterKey, '', 'gongzhi/shift-code/v1', 32));
  const windowOf = (now: Date) => Math.floor(now.getTime() / SHIFT_CODE_WINDOW_MS);
  // 10 hex characters (40 bits): typed by hand if the camera fails, never guessed in 60 s.
  const codeAt = (shiftId: string, window: number) =>
    createHmac('sha256', key).update(`${shiftId}\n${window}`).digest('hex').slice(0, 10);
  const same = (a: string, b: string) =>
    a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  return {
    current(shiftId, now) {
      const window = windowOf(now);
      return {
        code: codeAt(shiftId, window),
        validUntil: new Date((window + 1) * SHIFT_CODE_WINDOW_MS),
      };
    },
    verify(shiftId, code, now) {
      const window = windowOf(now);
      const typed = code.trim().toLowerCase();
      return same(typed, codeAt(shiftId, window)) || same(typed, codeAt(shiftId, window - 1));
    },
  };
}
