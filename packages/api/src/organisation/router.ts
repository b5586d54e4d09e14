// Organisation: the city, its streets and communities (public to read; staff write within their
// scope), and staff accounts with their role grants (staff.ts).
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  communityKindSchema,
  englishNameSchema,
  idSchema,
  placeNameSchema,
  reasonSchema,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import {
  listCommunities,
  listStreets,
  readCity,
  readCommunity,
  readStreet,
} from '@gongzhi/projections/organisation';
import { communityStaff, STREET_ROLES } from '../access.ts';
import { writerFor } from '../commands.ts';
import type { Context } from '../context.ts';
import {
  caughtUpTo,
  expectedRevisionSchema as expectedRevision,
  minPositionSchema as minPosition,
  revisionOf,
  written,
} from '../positions.ts';
import { procedure, router, type Access } from '../trpc.ts';
import * as commands from './commands.ts';
import { staffProcedures } from './staff.ts';

const reason = reasonSchema.optional();

const notFound = (ctx: Context, zh: string, en: string) =>
  new TRPCError({ code: 'NOT_FOUND', message: ctx.locale === 'zh-CN' ? zh : en });

const cityAdmin = (action: { 'zh-CN': string; en: string }): Access<unknown> => ({
  roles: ['city_admin'],
  scope: () => ({ type: 'city' }),
  action,
});

const streetStaff = (action: { 'zh-CN': string; en: string }): Access<{ streetId: string }> => ({
  roles: ['city_admin', 'street_officer'],
  scope: (input) => ({ type: 'street', streetId: input.streetId }),
  action,
});

const placeNames = { name: placeNameSchema, nameEn: englishNameSchema.optional() };

export const organisationRouter = router({
  ...staffProcedures,

  /** The city, its streets and each street's communities (closed ones included, marked). */
  overview: procedure('public', z.object({ minPosition }).optional()).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input?.minPosition);
      const db = ctx.services.readModels.db;
      const [city, streets, communities] = await Promise.all([
        readCity(db),
        listStreets(db),
        listCommunities(db),
      ]);
      return {
        city: city ?? null,
        streets: streets.map((street) => ({
          ...street,
          communities: communities.filter((c) => c.streetId === street.streetId),
        })),
      };
    },
  ),

  /**
   * The city's streets without their communities: the first step of a place picker, which at a
   * city's size (hundreds of communities) should not carry every community to every page.
   */
  streets: procedure('public', z.object({ minPosition }).optional()).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input?.minPosition);
      return { streets: await listStreets(ctx.services.readModels.db) };
    },
  ),

  street: procedure('public', z.object({ streetId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      const db = ctx.services.readModels.db;
      const street = await readStreet(db, input.streetId);
      if (!street) {
        throw notFound(
          ctx,
          `找不到街道（编号 ${input.streetId}）。`,
          `There is no street ${input.streetId}.`,
        );
      }
      return { street, communities: await listCommunities(db, input.streetId) };
    },
  ),

  community: procedure('public', z.object({ communityId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      const db = ctx.services.readModels.db;
      const community = await readCommunity(db, input.communityId);
      const street = community && (await readStreet(db, community.streetId));
      if (!community || !street) {
        throw notFound(
          ctx,
          `找不到社区或村（编号 ${input.communityId}）。`,
          `There is no community ${input.communityId}.`,
        );
      }
      return { community, street };
    },
  ),

  registerStreet: procedure(
    cityAdmin({ 'zh-CN': '登记街道', en: 'register a street' }),
    z.object(placeNames),
  ).mutation(async ({ ctx, input }) => {
    const streetId = uuidv7();
    const result = await commands.registerStreet(writerFor(ctx), { streetId, ...input });
    return { ...written(result), streetId };
  }),

  renameStreet: procedure(
    cityAdmin({ 'zh-CN': '更改街道名称', en: 'rename a street' }),
    z.object({ streetId: idSchema, ...placeNames, expectedRevision }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    return written(await commands.renameStreet(writerFor(ctx), data, revisionOf(shown)));
  }),

  closeStreet: procedure(
    cityAdmin({ 'zh-CN': '撤销街道', en: 'close a street' }),
    z.object({ streetId: idSchema, reason, expectedRevision }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    return written(await commands.closeStreet(writerFor(ctx), data, revisionOf(shown)));
  }),

  registerCommunity: procedure(
    streetStaff({ 'zh-CN': '登记社区或村', en: 'register a community' }),
    z.object({ streetId: idSchema, kind: communityKindSchema, ...placeNames }),
  ).mutation(async ({ ctx, input }) => {
    const communityId = uuidv7();
    const result = await commands.registerCommunity(writerFor(ctx), { communityId, ...input });
    return { ...written(result), communityId };
  }),

  renameCommunity: procedure(
    communityStaff(STREET_ROLES, { 'zh-CN': '更改社区名称', en: 'rename a community' }),
    z.object({ communityId: idSchema, ...placeNames, expectedRevision }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    return written(await commands.renameCommunity(writerFor(ctx), data, revisionOf(shown)));
  }),

  closeCommunity: procedure(
    communityStaff(STREET_ROLES, { 'zh-CN': '撤销社区或村', en: 'close a community' }),
    z.object({ communityId: idSchema, reason, expectedRevision }),
  ).mutation(async ({ ctx, input }) => {
    const { expectedRevision: shown, ...data } = input;
    return written(await commands.closeCommunity(writerFor(ctx), data, revisionOf(shown)));
  }),
});
