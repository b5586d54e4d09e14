// The public files that are not datasets: a community's ballot bulletin (as counted) and a
// stored photo. Routes of the registry (registry.ts).
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { appRouter, createContext, resolveLocale } from '@gongzhi/api';
import type { LocalizedText } from '@gongzhi/domain';
import type { Runtime } from '../runtime.ts';
import type { PublicContext } from './route.ts';

/** The request's anonymous (or cookie-signed-in) context, as the pages' own calls build it. */
export const requestContext = (c: PublicContext, runtime: Runtime) =>
  createContext(runtime.services, { req: c.req.raw, resHeaders: new Headers() });

/**
 * A community's ballot bulletin as a file (ballot.bulletinFile): `bulletin.csv` (receipt,choices;
 * UTF-8 with a byte-order mark) or `bulletin.pb` (pabulib; its SHA-256 is the input digest the
 * tally records, so the file is served exactly as counted, without a BOM). Refused before voting
 * has closed (409), and for a community below the cycle's minimum of ballots to all but its
 * officers (403; signed in by cookie).
 */
export const serveBulletin =
  (format: 'csv' | 'pb') => async (c: PublicContext, runtime: Runtime) => {
    const ctx = await requestContext(c, runtime);
    try {
      const file = await appRouter.createCaller(ctx).ballot.bulletinFile({
        cycleId: c.req.param('cycleId') ?? '',
        communityId: c.req.param('communityId') ?? '',
        format,
      });
      const body = format === 'csv' ? `\uFEFF${file.text}` : file.text;
      return c.body(body, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      });
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      const status = getHTTPStatusCodeFromError(error) as 400 | 403 | 404 | 409;
      return c.json({ error: { message: error.message, data: { code: error.code } } }, status);
    }
  };

const PHOTO_NOT_FOUND: LocalizedText = {
  'zh-CN': '找不到这张照片。',
  en: 'There is no such photo.',
};

/** A stored photo, with the type found in its bytes; public, as the proposals that show it. */
export async function servePhoto(c: PublicContext, runtime: Runtime) {
  const photo = await runtime.photos.open(c.req.param('photoId') ?? '');
  if (!photo) {
    const message = PHOTO_NOT_FOUND[resolveLocale(c.req.raw.headers)];
    return c.json(
      {
        error: {
          message,
          data: { reason: 'photo_not_found', fieldErrors: [{ path: 'file', message }] },
        },
      },
      404,
    );
  }
  return c.body(photo.bytes, 200, {
    'content-type': photo.type,
    'content-length': String(photo.size),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'",
    // A photo never changes under its id.
    'cache-control': 'public, max-age=31536000, immutable',
  });
}
