// Photos of proposals and site surveys. The app keeps each upload as a file named by a random id
// under `<data>/photos/`, on SQLite and on PostgreSQL alike (several API instances then need a
// shared folder), and one row per photo (`photo_files`, beside the read models) with the type
// found in its first bytes and its size. Procedures take photo ids and turn them into the
// events' `{ fileId, type, size }` from that row, so a client cannot claim a type or size.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { photoRules, say, type LocalizedText, type Photo } from '@gongzhi/domain';
import type { SqlExecutor } from '@gongzhi/projections';
import type { Context } from '../context.ts';
import { ApiRefusal } from '../trpc.ts';

export type PhotoType = Photo['type'];

const PHOTO_TABLE = `CREATE TABLE IF NOT EXISTS photo_files (
  photo_id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  size BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
)`;

/** Creates the photo table, if missing. Safe on every start. */
export async function ensurePhotoTable(db: SqlExecutor): Promise<void> {
  await db.run(PHOTO_TABLE);
}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

// ISO-BMFF brands of HEIF images from phone cameras (HEIC, and the generic HEIF brands).
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

/** The image type the file's first bytes show, whatever its name or declared type says. */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(bytes, 8, 12))) return 'image/heic';
  return undefined;
}

export type PhotoCheck =
  | { ok: true; type: PhotoType }
  | {
      ok: false;
      reason: 'photo_empty' | 'photo_too_large' | 'photo_type_not_allowed';
      text: LocalizedText;
    };

const MAX_MB = photoRules.maxBytes / 1024 / 1024;
const megabytes = (size: number) => (size / 1024 / 1024).toFixed(1);

export const NO_PHOTO: LocalizedText = {
  'zh-CN': '请选择要上传的照片。',
  en: 'Choose a photo to upload.',
};

/** Too large: naming the file and its size when they are known. */
export const photoTooLarge = (file?: { name: string; size: number }): LocalizedText => ({
  'zh-CN': `每张照片不能超过 ${MAX_MB} MB${file ? `；「${file.name}」有 ${megabytes(file.size)} MB` : ''}。`,
  en: `Each photo must be at most ${MAX_MB} MB${file ? `; “${file.name}” is ${megabytes(file.size)} MB` : ''}.`,
});

/**
 * Checks an upload against photoRules: not empty, not too large, and an allowed image type by
 * its first bytes; a declared type (the part's Content-Type) must be an allowed one too.
 */
export function checkPhoto(file: { name: string; type: string; bytes: Uint8Array }): PhotoCheck {
  const { name, bytes } = file;
  if (bytes.length === 0) {
    return {
      ok: false,
      reason: 'photo_empty',
      text: { 'zh-CN': `「${name}」是空文件。`, en: `“${name}” is empty.` },
    };
  }
  if (bytes.length > photoRules.maxBytes) {
    return {
      ok: false,
      reason: 'photo_too_large',
      text: photoTooLarge({ name, size: bytes.length }),
    };
  }
  const declared = file.type.split(';')[0]!.trim().toLowerCase();
  const declaredAllowed =
    declared === '' ||
    declared === 'application/octet-stream' ||
    (photoRules.types as readonly string[]).includes(declared);
  const type = sniffPhotoType(bytes);
  if (!type || !declaredAllowed) {
    return {
      ok: false,
      reason: 'photo_type_not_allowed',
      text: {
        'zh-CN': `照片须为 JPEG、PNG、WebP 或 HEIC 格式；「${name}」不是这几种图片。`,
        en: `Photos must be JPEG, PNG, WebP or HEIC images; “${name}” is not one of them.`,
      },
    };
  }
  return { ok: true, type };
}

export interface StoredPhoto extends Photo {
  bytes: Uint8Array<ArrayBuffer>;
}

export interface PhotoFiles {
  /** Checks the upload and keeps it; answers the photo as events record it, or why not. */
  save(
    file: { name: string; type: string; bytes: Uint8Array },
    uploadedBy: string,
    at: Date,
  ): Promise<{ ok: true; photo: Photo } | Extract<PhotoCheck, { ok: false }>>;
  /** The photo with its bytes, if it exists. */
  open(photoId: string): Promise<StoredPhoto | undefined>;
}

const PHOTO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Photos as files in `dir`, described by rows of `photo_files` in `db`. */
export function createPhotoFiles(db: SqlExecutor, dir: string): PhotoFiles {
  return {
    async save(file, uploadedBy, at) {
      const checked = checkPhoto(file);
      if (!checked.ok) return checked;
      // A random (v4) id: photo addresses are not guessable from their time of upload.
      const photoId = randomUUID();
      await mkdir(dir, { recursive: true });
      const path = join(dir, photoId);
      // Written whole under a temporary name first: a crash never leaves half a photo.
      await writeFile(`${path}.part`, file.bytes);
      await rename(`${path}.part`, path);
      await db.run(
        `INSERT INTO photo_files (photo_id, type, size, uploaded_by, uploaded_at)
         VALUES (?, ?, ?, ?, ?)`,
        [photoId, checked.type, file.bytes.length, uploadedBy, at.toISOString()],
      );
      return { ok: true, photo: { fileId: photoId, type: checked.type, size: file.bytes.length } };
    },

    async open(photoId) {
      if (!PHOTO_ID.test(photoId)) return undefined;
      const row = await db.get('SELECT type, size FROM photo_files WHERE photo_id = ?', [photoId]);
      if (!row) return undefined;
      const bytes = await readFile(join(dir, photoId));
      return {
        fileId: photoId,
        type: String(row.type) as PhotoType,
        size: Number(row.size),
        bytes,
      };
    },
  };
}

/** The photos with these ids as events record them; ids of no stored photo are left out. */
export async function findPhotos(
  db: SqlExecutor,
  photoIds: readonly string[],
): Promise<Map<string, Photo>> {
  if (photoIds.length === 0) return new Map();
  const rows = await db.all(
    `SELECT photo_id, type, size FROM photo_files
     WHERE photo_id IN (${photoIds.map(() => '?').join(', ')})`,
    [...photoIds],
  );
  return new Map(
    rows.map((r) => [
      String(r.photo_id),
      { fileId: String(r.photo_id), type: String(r.type) as PhotoType, size: Number(r.size) },
    ]),
  );
}

/** The stored photos with these ids, in order; a 400 about the field for an unknown id. */
export async function photosOf(
  ctx: Context,
  photoIds: readonly string[] | undefined,
  field = 'photoIds',
): Promise<Photo[]> {
  if (!photoIds || photoIds.length === 0) return [];
  const found = await findPhotos(ctx.services.readModels.db, photoIds);
  const missing = photoIds.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    const text = say('找不到这张照片，请重新上传。', 'There is no such photo; upload it again.');
    throw new ApiRefusal('BAD_REQUEST', 'photo_not_found', text, ctx.locale, [
      { path: `${field}.${missing}`, message: text[ctx.locale] },
    ]);
  }
  return photoIds.map((id) => found.get(id)!);
}
