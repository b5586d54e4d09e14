// The HTTP face of the API: tRPC at /trpc, GET /healthz, photo upload and download at
// /api/photos, the public ballot bulletin as files at /api/public, server-sent events for live
// pages at /live (live.ts), and a cross-site check in front of every state-changing request.
import type { HttpBindings } from '@hono/node-server';
import { trpcServer } from '@hono/trpc-server';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  appRouter,
  createContext,
  NO_PHOTO,
  photoTooLarge,
  reportFile,
  resolveLocale,
  streetReportFeed,
  type Locale,
} from '@gongzhi/api';
import { DomainError, photoRules, type LocalizedText } from '@gongzhi/domain';
import {
  clientAddressOf,
  crossSiteRefusal,
  errorAnswer,
  requestScheme,
  type HttpOptions,
} from './answers.ts';
import { batchPaths, batchRefusal, isJsonContentType, MAX_BODY_BYTES, notJson } from './limits.ts';
import { serveLive } from './live.ts';
import { requestLogLine } from './request-log.ts';
import type { Runtime } from './runtime.ts';

type Env = { Bindings: Partial<HttpBindings> };

export function createHttpApp(runtime: Runtime, options: HttpOptions = {}) {
  const app = new Hono<Env>();
  const trustProxy = options.trustProxy ?? false;
  const { log } = options;
  if (log) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      log(requestLogLine(c.req.method, c.req.path, c.res.status, started));
    });
  }

  app.get('/healthz', async (c) =>
    c.json({
      ok: true,
      store: runtime.kind,
      headPosition: await runtime.headPosition(),
      projectedPosition: runtime.runner.position()?.toString() ?? null,
    }),
  );

  const sameOriginOnly: MiddlewareHandler<Env> = async (c, next) => {
    const headers = c.req.raw.headers;
    const refusal = crossSiteRefusal(c.req.method, headers, {
      scheme: requestScheme(c.req.url, headers, trustProxy),
      allowedOrigins: options.allowedOrigins ?? [],
    });
    return refusal ? c.json(refusal.body, refusal.status) : next();
  };
  /** A refusal of a /trpc request before tRPC reads it, worded and shaped as tRPC's own. */
  const trpcRefusal = (c: HonoContext<Env>, error: TRPCError, locale: Locale) => {
    const path = c.req.path.slice('/trpc/'.length);
    const answer = errorAnswer(error, { path, ctx: { locale } });
    return c.json(answer.body, answer.status as ContentfulStatusCode);
  };
  app.use('/trpc/*', sameOriginOnly);
  // A batch is counted and costed before any of its calls runs.
  app.use('/trpc/*', async (c, next) => {
    const paths = batchPaths(new URL(c.req.url));
    if (!paths) return next();
    const locale = resolveLocale(c.req.raw.headers);
    const refusal = batchRefusal(paths, locale);
    return refusal ? trpcRefusal(c, refusal, locale) : next();
  });
  // Only JSON bodies: tRPC's own 415 would be worded in English only, and its form-data and
  // octet-stream inputs are not used by any procedure.
  app.use('/trpc/*', async (c, next) => {
    const { method } = c.req;
    if (method === 'GET' || method === 'HEAD' || isJsonContentType(c.req.header('content-type'))) {
      return next();
    }
    const locale = resolveLocale(c.req.raw.headers);
    return trpcRefusal(c, notJson(locale), locale);
  });
  app.use(
    '/trpc/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        trpcRefusal(
          c,
          new TRPCError({ code: 'PAYLOAD_TOO_LARGE' }),
          resolveLocale(c.req.raw.headers),
        ),
    }),
  );
  app.use('/api/photos', sameOriginOnly);

  /** A refusal of the photo routes, shaped like the API's other errors. */
  const photoRefusal = (
    c: HonoContext<Env>,
    status: 400 | 401 | 404,
    reason: string,
    text: LocalizedText,
  ) => {
    const message = text[resolveLocale(c.req.raw.headers)];
    return c.json(
      { error: { message, data: { reason, fieldErrors: [{ path: 'file', message }] } } },
      status,
    );
  };

  /**
   * Uploads one photo (multipart/form-data, field `file`) for a proposal or a site survey:
   * signed in only; type judged by the file's first bytes, size by photoRules. Answers 201
   * `{ photoId, type, size, url }`, or 400 saying in the caller's language why the file was
   * refused. The body is cut off just above the largest photo a form can carry.
   */
  app.post(
    '/api/photos',
    bodyLimit({
      maxSize: photoRules.maxBytes + 64 * 1024,
      onError: (c) => photoRefusal(c, 400, 'photo_too_large', photoTooLarge()),
    }),
    async (c) => {
      const ctx = await createContext(runtime.services, {
        req: c.req.raw,
        resHeaders: new Headers(),
      });
      if (!ctx.account) return photoRefusal(c, 401, 'sign_in_required', SIGN_IN_FIRST);
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = body.file;
      if (!(file instanceof File)) {
        return photoRefusal(c, 400, 'photo_missing', NO_PHOTO);
      }
      const saved = await runtime.photos.save(
        { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) },
        ctx.account.accountId,
        runtime.services.now?.() ?? new Date(),
      );
      if (!saved.ok) return photoRefusal(c, 400, saved.reason, saved.text);
      const { fileId, type, size } = saved.photo;
      return c.json({ photoId: fileId, type, size, url: `/api/photos/${fileId}` }, 201);
    },
  );

  /** A stored photo, with the type found in its bytes; public, as the proposals that show it. */
  app.get('/api/photos/:photoId', async (c) => {
    const photo = await runtime.photos.open(c.req.param('photoId'));
    if (!photo) return photoRefusal(c, 404, 'photo_not_found', PHOTO_NOT_FOUND);
    return c.body(photo.bytes, 200, {
      'content-type': photo.type,
      'content-length': String(photo.size),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
      // A photo never changes under its id.
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  /**
   * A community's ballot bulletin as a file to download (ballot.bulletinFile): `bulletin.csv`
   * (receipt,choices; UTF-8 with a byte-order mark, so that Excel reads it as UTF-8) or
   * `bulletin.pb` (pabulib; its SHA-256 is the input digest the tally records, so the file is
   * served exactly as counted, without a BOM). Refused before voting has closed (409), and for a
   * community below the cycle's minimum of ballots to all but its officers (403; signed in by cookie).
   */
  app.get('/api/public/cycles/:cycleId/communities/:communityId/:file', async (c) => {
    const format = { 'bulletin.csv': 'csv', 'bulletin.pb': 'pb' }[c.req.param('file')] as
      'csv' | 'pb' | undefined;
    if (!format) return c.notFound();
    const ctx = await createContext(runtime.services, {
      req: c.req.raw,
      resHeaders: new Headers(),
    });
    try {
      const file = await appRouter.createCaller(ctx).ballot.bulletinFile({
        cycleId: c.req.param('cycleId'),
        communityId: c.req.param('communityId'),
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
  });

  /**
   * Open data of a cycle's projects (project.openData; docs/open-data.md): `<set>.csv` (UTF-8 with
   * a byte-order mark) or `<set>.json`, the sets being projects, contracts, payments, milestones
   * and surveys. Public, like the project pages.
   */
  app.get('/api/public/cycles/:cycleId/projects/:file', async (c) => {
    const match = /^(projects|contracts|payments|milestones|surveys)\.(csv|json)$/.exec(
      c.req.param('file'),
    );
    if (!match) return c.notFound();
    const ctx = await createContext(runtime.services, {
      req: c.req.raw,
      resHeaders: new Headers(),
    });
    try {
      const file = await appRouter.createCaller(ctx).project.openData({
        cycleId: c.req.param('cycleId'),
        set: match[1] as 'projects',
        format: match[2] as 'csv' | 'json',
      });
      return c.body(
        file.contentType.startsWith('text/csv') ? `\uFEFF${file.text}` : file.text,
        200,
        {
          'content-type': file.contentType,
          'content-disposition': `inline; filename="${file.filename}"`,
          'x-content-type-options': 'nosniff',
          'access-control-allow-origin': '*',
          'cache-control': 'no-cache',
        },
      );
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      const status = getHTTPStatusCodeFromError(error) as 400 | 404;
      return c.json({ error: { message: error.message, data: { code: error.code } } }, status);
    }
  });

  /**
   * Outcome reports (docs/outcome-reports.md): `/api/public/reports/<reportId>/v<n>.json` is the
   * version's canonical JSON exactly as hashed (its sha256sum is the published hash), `v<n>.csv`
   * one row per figure (UTF-8 with a byte-order mark); `/api/public/streets/<streetId>/reports.atom`
   * the street's publications and corrections. Public, like the report pages.
   */
  const publicReportFile = async (
    c: HonoContext<Env>,
    load: (
      ctx: Awaited<ReturnType<typeof createContext>>,
    ) => Promise<{ filename: string; contentType: string; text: string } | undefined>,
  ) => {
    const ctx = await createContext(runtime.services, {
      req: c.req.raw,
      resHeaders: new Headers(),
    });
    try {
      const file = await load(ctx);
      if (!file) return c.notFound();
      return c.body(
        file.contentType.startsWith('text/csv') ? `\uFEFF${file.text}` : file.text,
        200,
        {
          'content-type': file.contentType,
          'content-disposition': `inline; filename="${file.filename}"`,
          'x-content-type-options': 'nosniff',
          'access-control-allow-origin': '*',
          'cache-control': 'no-cache',
        },
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'not_found') throw error;
      return c.json({ error: { message: error.message, data: { code: error.code } } }, 404);
    }
  };
  app.get('/api/public/reports/:reportId/:file', (c) => {
    const match = /^v([1-9][0-9]{0,4})\.(json|csv)$/.exec(c.req.param('file'));
    const reportId = c.req.param('reportId');
    if (!match || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(reportId)) return c.notFound();
    return publicReportFile(c, (ctx) =>
      reportFile(ctx, { reportId, version: Number(match[1]), format: match[2] as 'json' | 'csv' }),
    );
  });
  app.get('/api/public/streets/:streetId/reports.atom', (c) => {
    const streetId = c.req.param('streetId');
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(streetId)) return c.notFound();
    const url = new URL(c.req.url);
    const origin = `${requestScheme(c.req.url, c.req.raw.headers, trustProxy)}://${c.req.header('host') ?? url.host}`;
    return publicReportFile(c, (ctx) => streetReportFeed(ctx, streetId, origin));
  });

  // Live pages: server-sent events when a topic's streams change (live.ts).
  serveLive(app, runtime.runner);

  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: (opts, c) =>
        createContext(runtime.services, {
          req: opts.req,
          resHeaders: opts.resHeaders,
          clientAddress: clientAddressOf(
            opts.req.headers,
            (c as HonoContext<Env>).env?.incoming?.socket.remoteAddress,
            trustProxy,
          ),
        }),
      onError: ({ error, path }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? ''}:`, error);
      },
    }),
  );

  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;

const SIGN_IN_FIRST: LocalizedText = {
  'zh-CN': '请先登录再上传照片。',
  en: 'Please sign in before uploading photos.',
};

const PHOTO_NOT_FOUND: LocalizedText = {
  'zh-CN': '找不到这张照片。',
  en: 'There is no such photo.',
};
