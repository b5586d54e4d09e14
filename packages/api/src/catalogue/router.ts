// The admission catalogues (准入目录): published versions are public, with what changed from the
// version before and why; the city's administrators (or a street's officers, where the locality
// keeps catalogues by street) draft, change and publish versions and decide departments' requests;
// department staff and street officers file requests.
import { z } from 'zod';
import { hasGrant, type Scope } from '@gongzhi/auth';
import {
  catalogueEntrySchema,
  catalogueKindSchema,
  cataloguePlaceSchema,
  catalogueStreams,
  idSchema,
  paragraphText,
  parseCatalogueEvent,
  refuse,
  say,
  lineText,
  type CataloguePlace,
  type LocalizedText,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import {
  listCatalogueRequests,
  listCatalogueVersions,
  placeKey,
  readCatalogueVersion,
} from '@gongzhi/projections/catalogue';
import { STREET_ROLES } from '../access.ts';
import { writerFor } from '../commands.ts';
import type { Context } from '../context.ts';
import { firstEvent, streetScope } from '../organisation/places.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { ApiRefusal, procedure, router, type Access } from '../trpc.ts';
import * as commands from './commands.ts';
import { offCatalogueProcedures } from './off-catalogue.ts';

const placeScope = (ctx: Context, place: CataloguePlace): Promise<Scope> | Scope =>
  place.type === 'city' ? { type: 'city' } : streetScope(ctx, place.streetId);

/** The place of a catalogue version, from its first event. */
async function catalogueScope(ctx: Context, catalogueId: string): Promise<Scope> {
  const event = await firstEvent(ctx, catalogueStreams.catalogue(catalogueId), parseCatalogueEvent);
  if (event?.type !== 'CatalogueDrafted') {
    return refuse(
      'not_found',
      'catalogue_not_found',
      `找不到目录（编号 ${catalogueId}）。`,
      `There is no catalogue ${catalogueId}.`,
    );
  }
  return placeScope(ctx, event.data.place);
}

/** Who keeps the catalogues of the place the input names. */
const placeStaff = (action: LocalizedText): Access<{ place: CataloguePlace }> => ({
  roles: STREET_ROLES,
  scope: (input, ctx) => placeScope(ctx, input.place),
  action,
});

/** Who keeps the catalogue version the input names. */
const versionStaff = (action: LocalizedText): Access<{ catalogueId: string }> => ({
  roles: STREET_ROLES,
  scope: (input, ctx) => catalogueScope(ctx, input.catalogueId),
  action,
});

const reason = paragraphText({ max: 1000 });
const catalogueId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,100}$/);

const DEPARTMENTS_ONLY = say(
  '只有职能部门工作人员和街道、市级工作人员可以提出纳入目录的申请。',
  'Only department staff and street or city officers can ask to add an item to a catalogue.',
);

const NOT_PUBLISHED = say('这个目录版本尚未发布。', 'This catalogue version is not published.');

export const catalogueRouter = router({
  ...offCatalogueProcedures,

  /** Published versions, newest first. */
  list: procedure('public', z.object({ minPosition }).optional()).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input?.minPosition);
    return {
      versions: await listCatalogueVersions(ctx.services.readModels.db, { includeDrafts: false }),
    };
  }),

  /** A version with its entries and changes: published for anyone, a draft for its keepers. */
  get: procedure('public', z.object({ catalogueId, minPosition })).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const version = await readCatalogueVersion(ctx.services.readModels.db, input.catalogueId);
    const keeper =
      version &&
      ctx.account &&
      hasGrant(ctx.account.grants, STREET_ROLES, await catalogueScope(ctx, input.catalogueId));
    if (!version || (version.status !== 'published' && !keeper)) {
      throw new ApiRefusal('NOT_FOUND', 'catalogue_not_found', NOT_PUBLISHED, ctx.locale);
    }
    return version;
  }),

  draft: procedure(
    placeStaff(say('起草准入目录', 'draft an admission catalogue')),
    z.object({
      place: cataloguePlaceSchema,
      kind: catalogueKindSchema,
      year: z.number().int().min(2000).max(2100),
    }),
  ).mutation(async ({ ctx, input }) => {
    const { catalogueId: id, ...result } = await commands.draftCatalogue(writerFor(ctx), input);
    return { catalogueId: id, ...written(result) };
  }),

  addEntry: procedure(
    versionStaff(say('修改准入目录', 'change an admission catalogue')),
    z.object({ catalogueId, entry: catalogueEntrySchema, reason }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.addCatalogueEntry(writerFor(ctx), input)),
  ),

  /** Rewrites an entry of a draft under its number, with the reason. */
  changeEntry: procedure(
    versionStaff(say('修改准入目录', 'change an admission catalogue')),
    z.object({ catalogueId, entry: catalogueEntrySchema, reason }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.changeCatalogueEntry(writerFor(ctx), input)),
  ),

  /** A place's versions, drafts included, for those who keep them. */
  versions: procedure(
    placeStaff(say('管理准入目录', 'keep the admission catalogues')),
    z.object({ place: cataloguePlaceSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const key = placeKey(input.place);
    const versions = await listCatalogueVersions(ctx.services.readModels.db, {
      includeDrafts: true,
    });
    return { versions: versions.filter((v) => v.placeKey === key) };
  }),

  removeEntry: procedure(
    versionStaff(say('修改准入目录', 'change an admission catalogue')),
    z.object({ catalogueId, code: lineText({ max: 16 }), reason }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.removeCatalogueEntry(writerFor(ctx), input)),
  ),

  publish: procedure(
    versionStaff(say('发布准入目录', 'publish an admission catalogue')),
    z.object({ catalogueId }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.publishCatalogue(writerFor(ctx), input.catalogueId)),
  ),

  /** A department asks to add a work item or a certificate to a place's catalogue. */
  fileRequest: procedure(
    'signed_in',
    z.object({
      place: cataloguePlaceSchema,
      kind: catalogueKindSchema,
      department: lineText({ max: 80 }),
      entry: catalogueEntrySchema,
      reason,
    }),
  ).mutation(async ({ ctx, input }) => {
    const grants = ctx.account?.grants ?? [];
    if (
      !grants.some((g) => g.role === 'department_staff' || STREET_ROLES.includes(g.role as never))
    ) {
      throw new ApiRefusal('FORBIDDEN', 'departments_only', DEPARTMENTS_ONLY, ctx.locale);
    }
    const requestId = uuidv7();
    const result = await commands.fileCatalogueRequest(writerFor(ctx), { requestId, ...input });
    return { requestId, ...written(result) };
  }),

  /** The requests to a place's catalogues, with their decisions. */
  requests: procedure(
    placeStaff(say('查看纳入目录的申请', 'see requests to the catalogues')),
    z.object({ place: cataloguePlaceSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return {
      requests: await listCatalogueRequests(ctx.services.readModels.db, placeKey(input.place)),
    };
  }),

  /** Admits a request into a draft version, or refuses it; with the reason either way. */
  decideRequest: procedure(
    {
      roles: STREET_ROLES,
      scope: async (input: { requestId: string }, ctx: Context) => {
        const event = await firstEvent(
          ctx,
          catalogueStreams.request(input.requestId),
          parseCatalogueEvent,
        );
        if (event?.type !== 'CatalogueRequestFiled') {
          return refuse(
            'not_found',
            'request_not_found',
            `找不到这项申请（编号 ${input.requestId}）。`,
            `There is no request ${input.requestId}.`,
          );
        }
        return placeScope(ctx, event.data.place);
      },
      action: say('审核纳入目录的申请', 'decide a request to the catalogues'),
    },
    z.object({
      requestId: idSchema,
      admit: z.boolean(),
      reason,
      catalogueId: catalogueId.optional(),
    }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.decideCatalogueRequest(writerFor(ctx), input)),
  ),
});
