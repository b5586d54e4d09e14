// The master key wraps every person's data key. It comes from the environment (where an
// operator keeps it in a secret store), or, for the one-machine start, from a file in the data
// folder that only the owner may read. See docs/decisions/0005-crypto-shredding.md.
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export const MASTER_KEY_ENV = 'GONGZHI_MASTER_KEY';
export const MASTER_KEY_FILE = 'master.key';
export const MASTER_KEY_BYTES = 32;

export interface MasterKey {
  key: Buffer;
  /** `new-file` means it was just generated: tell the operator to back the file up. */
  source: 'environment' | 'existing-file' | 'new-file';
  /** The file, unless the key came from the environment. */
  path?: string;
}

function decodeKey(base64: string, where: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== MASTER_KEY_BYTES) {
    throw new Error(
      `${where} must hold ${MASTER_KEY_BYTES} bytes in base64 (e.g. from \`openssl rand -base64 32\`); it holds ${key.length}`,
    );
  }
  return key;
}

function readKeyFile(path: string): Buffer {
  // Group or other access defeats the point of keeping the key apart from the data; refuse
  // rather than run with it. (Windows has no such mode bits.)
  const mode = statSync(path).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new Error(
      `${path} is readable by others (mode ${mode.toString(8).padStart(4, '0')}); run \`chmod 600 ${path}\``,
    );
  }
  return decodeKey(readFileSync(path, 'utf8'), path);
}

/**
 * The master key: from GONGZHI_MASTER_KEY (base64, 32 bytes) when set, else from
 * `<dataDir>/master.key`, generating that file (mode 0600) on first start.
 */
export function loadOrCreateMasterKey(
  dataDir: string,
  env: Record<string, string | undefined> = process.env,
): MasterKey {
  const fromEnv = env[MASTER_KEY_ENV];
  if (fromEnv) return { key: decodeKey(fromEnv, MASTER_KEY_ENV), source: 'environment' };

  const path = join(dataDir, MASTER_KEY_FILE);
  try {
    return { key: readKeyFile(path), source: 'existing-file', path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }

  // Write the whole key to a private temporary file, then link it into place: link fails if
  // another process won the race, and nobody ever reads a half-written key.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const temporary = join(
    dataDir,
    `${MASTER_KEY_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`,
  );
  writeFileSync(temporary, `${randomBytes(MASTER_KEY_BYTES).toString('base64')}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: readKeyFile(path), source: 'existing-file', path };
  } finally {
    rmSync(temporary, { force: true });
  }
  return { key: readKeyFile(path), source: 'new-file', path };
}

export const WRAPPING_KEY_ENV = 'GONGZHI_WRAPPING_KEY';
export const WRAPPING_KEY_FILE = 'wrapping.key';
/** The key a rotation in progress wraps with; it becomes `wrapping.key` when the rotation ends. */
export const NEXT_WRAPPING_KEY_FILE = 'wrapping.key.next';

/**
 * The wrapping key a rotation put in the master key's place for wrapping data keys (the master
 * key keeps deriving the ballot seal and phone digests, which are in the log): from
 * GONGZHI_WRAPPING_KEY when set, else `<dataDir>/wrapping.key`; none before the first rotation.
 * Refuses to go on while a rotation is unfinished.
 */
export function loadWrappingKey(
  dataDir: string,
  env: Record<string, string | undefined> = process.env,
): Buffer | undefined {
  if (existsSync(join(dataDir, NEXT_WRAPPING_KEY_FILE))) {
    throw new Error(
      `a key rotation did not finish (${join(dataDir, NEXT_WRAPPING_KEY_FILE)} is there): run \`npm run rotate-key\` again to finish it`,
    );
  }
  const fromEnv = env[WRAPPING_KEY_ENV];
  if (fromEnv) return decodeKey(fromEnv, WRAPPING_KEY_ENV);
  const path = join(dataDir, WRAPPING_KEY_FILE);
  return existsSync(path) ? readKeyFile(path) : undefined;
}

/** Reads a key file (only its owner may read it), or creates it with a new random key. */
export function readOrCreateKeyFile(path: string): Buffer {
  if (!existsSync(path)) {
    writeFileSync(path, `${randomBytes(MASTER_KEY_BYTES).toString('base64')}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
  }
  return readKeyFile(path);
}

/** Decodes a key given in the environment (base64, 32 bytes). */
export const keyFromEnvironment = (name: string, value: string) => decodeKey(value, name);
