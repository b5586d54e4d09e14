// One-time codes on a real SQLite database with a clock the test moves, and their senders.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPhoneDigester } from '@gongzhi/auth';
import type { ReadModelDatabase } from '@gongzhi/projections';
import { openSqliteReadModels } from '@gongzhi/projections/sqlite';
import {
  codeSenderFromEnv,
  consoleCodeSender,
  createPhoneCodes,
  ensurePhoneCodeTable,
  type PhoneCodes,
} from '../../src/resident/codes.ts';

const MINUTE = 60_000;
const masterKey = randomBytes(32);
const digest = createPhoneDigester(masterKey);
const PHONE = digest('13800138000');
const ADDRESS = '203.0.113.7';

describe('one-time phone codes', () => {
  let db: ReadModelDatabase;
  let codes: PhoneCodes;
  let clock: number;

  beforeEach(async () => {
    db = await openSqliteReadModels(':memory:');
    await ensurePhoneCodeTable(db);
    clock = Date.parse('2025-06-01T08:00:00Z');
    codes = createPhoneCodes(db, masterKey, { now: () => clock });
  });
  afterEach(() => db.close());

  async function issue(phone = PHONE, address: string | null = ADDRESS): Promise<string> {
    const issued = await codes.issue(phone, address);
    if (!issued.issued) throw new Error(`not issued: ${issued.reason}`);
    return issued.code;
  }
  const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('issues six digits, kept only as a keyed hash beside the number’s digest, used up once', async () => {
    const code = await issue();
    expect(code).toMatch(/^\d{6}$/);
    const rows = await db.all('SELECT * FROM resident_phone_codes');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(rows[0]!.phone_digest).toBe(PHONE);

    expect(await codes.consume(PHONE, code)).toEqual({ valid: true });
    expect(await codes.consume(PHONE, code)).toEqual({ valid: false, reason: 'no_code' });
  });

  it('allows five tries, counting down, then refuses even the right code', async () => {
    const code = await issue();
    for (const left of [4, 3, 2, 1, 0]) {
      expect(await codes.consume(PHONE, other(code))).toEqual({
        valid: false,
        reason: 'wrong_code',
        attemptsLeft: left,
      });
    }
    expect(await codes.consume(PHONE, code)).toEqual({ valid: false, reason: 'too_many_attempts' });
  });

  it('lets parallel guesses take one try each', async () => {
    const code = await issue();
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => codes.consume(PHONE, other(code))),
    );
    expect(guesses.filter((g) => g.valid === false && g.reason === 'wrong_code')).toHaveLength(5);
    expect(
      guesses.filter((g) => g.valid === false && g.reason === 'too_many_attempts'),
    ).toHaveLength(3);
  });

  it('expires a code after ten minutes', async () => {
    const code = await issue();
    clock += 10 * MINUTE;
    expect(await codes.consume(PHONE, code)).toEqual({ valid: false, reason: 'expired' });
  });

  it('sends at most one code a minute to a number; a new code replaces the old one', async () => {
    const first = await issue();
    clock += 30_000;
    expect(await codes.issue(PHONE, ADDRESS)).toEqual({
      issued: false,
      reason: 'resend_too_soon',
      retryAfterMs: 30_000,
    });
    clock += 30_000;
    const second = await issue();
    if (second !== first) {
      expect(await codes.consume(PHONE, first)).toMatchObject({ reason: 'wrong_code' });
    }
    expect(await codes.consume(PHONE, second)).toEqual({ valid: true });
  });

  it('sends at most twenty codes an hour from one address, to whatever numbers', async () => {
    for (let i = 0; i < 20; i++) {
      await issue(digest(`1380000${String(i).padStart(4, '0')}`));
      clock += MINUTE;
    }
    const refused = await codes.issue(digest('13900000000'), ADDRESS);
    expect(refused).toEqual({ issued: false, reason: 'address_limit', retryAfterMs: 40 * MINUTE });
    expect((await codes.issue(digest('13900000000'), '198.51.100.1')).issued).toBe(true);
    clock += 40 * MINUTE;
    expect((await codes.issue(digest('13900000001'), ADDRESS)).issued).toBe(true);
  });

  it('discards a number’s codes, and prunes codes older than an hour', async () => {
    const code = await issue();
    await codes.discard(PHONE);
    expect(await codes.consume(PHONE, code)).toEqual({ valid: false, reason: 'no_code' });
    await issue(digest('13900000002'));
    clock += 61 * MINUTE;
    expect(await codes.prune()).toBe(1);
  });
});

describe('code senders named by GONGZHI_CODE_SENDER', () => {
  it('prints to the console by default', () => {
    expect(codeSenderFromEnv(undefined)).toBe(consoleCodeSender);
    expect(codeSenderFromEnv('console')).toBe(consoleCodeSender);
  });

  it('appends JSON lines to an owner-only file for browser tests', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongzhi-codes-'));
    try {
      const path = join(dir, 'codes.jsonl');
      const sender = codeSenderFromEnv(`file:${path}`);
      const text = { 'zh-CN': '验证码', en: 'code' };
      await sender.send({ phone: '13800138000', code: '123456', text });
      await sender.send({ phone: '13900139000', code: '654321', text });
      const lines = readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toMatchObject([
        { phone: '13800138000', code: '123456' },
        { phone: '13900139000', code: '654321' },
      ]);
      expect(statSync(path).mode & 0o077).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses anything else', () => {
    expect(() => codeSenderFromEnv('sms')).toThrow(/console or file:<path>/);
  });
});
