import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateMasterKey, MASTER_KEY_FILE } from '../src/index.ts';

describe('master key', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'gongzhi-key-')), 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('is taken from GONGZHI_MASTER_KEY when set, and must be 32 bytes', () => {
    const base64 = Buffer.alloc(32, 7).toString('base64');
    const loaded = loadOrCreateMasterKey(dataDir, { GONGZHI_MASTER_KEY: base64 });
    expect(loaded).toEqual({ key: Buffer.alloc(32, 7), source: 'environment' });
    expect(() =>
      loadOrCreateMasterKey(dataDir, { GONGZHI_MASTER_KEY: Buffer.alloc(16).toString('base64') }),
    ).toThrow(/32 bytes/);
  });

  it.skipIf(process.platform === 'win32')(
    'is generated on first start into an owner-only file, then reused',
    () => {
      const first = loadOrCreateMasterKey(dataDir, {});
      const path = join(dataDir, MASTER_KEY_FILE);
      expect(first.source).toBe('new-file');
      expect(first.path).toBe(path);
      expect(first.key).toHaveLength(32);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(Buffer.from(readFileSync(path, 'utf8'), 'base64')).toEqual(first.key);

      const second = loadOrCreateMasterKey(dataDir, {});
      expect(second).toEqual({ key: first.key, source: 'existing-file', path });
    },
  );

  it.skipIf(process.platform === 'win32')('refuses a key file others can read', () => {
    loadOrCreateMasterKey(dataDir, {});
    const path = join(dataDir, MASTER_KEY_FILE);
    chmodSync(path, 0o644);
    expect(() => loadOrCreateMasterKey(dataDir, {})).toThrow(/chmod 600/);
  });
});
