// The burden-reduction ledger (基层减负台账): the register's figures and the locality's rules are
// public; a community's workers and its street's officers keep the register (items, acts,
// re-inspections), street officers schedule re-inspections and see relapses across the street,
// and a city administrator sets the rules and sees the city's figures.
import { z } from 'zod';
import { hasGrant } from '@gongzhi/auth';
import {
  idSchema,
  ledgerItemStatusSchema,
  ledgerKindSchema,
  ledgerSettingsSchema,
  isoDateSchema,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { listLedgerItems, readLedgerFigures, readLedgerItem } from '@gongzhi/projections/ledger';
import { communityStaff, ledgerItemScope, ledgerItemStaff, STREET_ROLES } from '../access.ts';
import { writerFor } from '../commands.ts';
import { communityScope, streetScope } from '../organisation/places.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { photosOf } from '../proposal/photos.ts';
import { ApiRefusal, procedure, router } from '../trpc.ts';
import * as commands from './commands.ts';
import { ledgerImportProcedures } from './import/procedures.ts';
import {
  actInput,
  cityAdmin,
  itemInput,
  LEDGER_STAFF,
  ledgerStreetStaff,
  MERGE_NEEDS_TARGET,
  reinspectionInput,
} from './procedure-helpers.ts';

const ITEM_NOT_YET = {
  'zh-CN': '台账事项还在保存，请稍后再看。',
  en: 'The item is still being saved; look again shortly.',
};

const KEEP = { 'zh-CN': '登记减负台账', en: 'keep the burden-reduction ledger' };

export const ledgerRouter = router({
  ...ledgerImportProcedures,

  /** The locality's rules: the boards that may stay, and who keeps the catalogues. */
  settings: procedure('public', z.object({}).optional()).query(async ({ ctx }) =>
    commands.ledgerSettings(ctx.services),
  ),

  /** A community's or a street's figures, for anyone. */
  figures: procedure(
    'public',
    z.union([
      z.object({ communityId: idSchema, minPosition }),
      z.object({ streetId: idSchema, minPosition }),
    ]),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const place =
      'communityId' in input
        ? {
            type: 'community' as const,
            communityId: (await communityScope(ctx, input.communityId)).communityId,
          }
        : { type: 'street' as const, streetId: (await streetScope(ctx, input.streetId)).streetId };
    return readLedgerFigures(ctx.services.readModels.db, place);
  }),

  /** The city's figures, street by street through `byCommunity`. */
  cityFigures: procedure(
    cityAdmin({ 'zh-CN': '查看全市减负数据', en: 'see the city’s burden-reduction figures' }),
    z.object({ minPosition }).optional(),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input?.minPosition);
    return readLedgerFigures(ctx.services.readModels.db, { type: 'city' });
  }),

  changeSettings: procedure(
    cityAdmin({ 'zh-CN': '修改减负规则', en: 'change the burden-reduction rules' }),
    ledgerSettingsSchema,
  ).mutation(async ({ ctx, input }) =>
    written(await commands.changeLedgerSettings(writerFor(ctx), input)),
  ),

  /** A community's register. */
  items: procedure(
    communityStaff(LEDGER_STAFF, {
      'zh-CN': '查看减负台账',
      en: 'see the burden-reduction ledger',
    }),
    z.object({
      communityId: idSchema,
      kind: ledgerKindSchema.optional(),
      status: ledgerItemStatusSchema.optional(),
      minPosition,
    }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const { communityId, kind, status } = input;
    return {
      items: await listLedgerItems(ctx.services.readModels.db, {
        place: { type: 'community', communityId },
        ...(kind ? { kind } : {}),
        ...(status ? { status } : {}),
      }),
    };
  }),

  /** A street's items of one status (relapsed: what waits to be removed again). */
  streetItems: procedure(
    ledgerStreetStaff({ 'zh-CN': '查看街道减负台账', en: 'see the street’s ledger' }),
    z.object({ streetId: idSchema, status: ledgerItemStatusSchema.optional(), minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return {
      items: await listLedgerItems(ctx.services.readModels.db, {
        place: { type: 'street', streetId: input.streetId },
        ...(input.status ? { status: input.status } : {}),
      }),
    };
  }),

  /** One item with its history. */
  item: procedure(
    ledgerItemStaff(LEDGER_STAFF, { 'zh-CN': '查看台账事项', en: 'see a ledger item' }),
    z.object({ itemId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const item = await readLedgerItem(ctx.services.readModels.db, input.itemId);
    // The access check found its stream: only a read model behind `minPosition` lacks it.
    if (!item) throw new ApiRefusal('NOT_FOUND', 'ledger_item_not_found', ITEM_NOT_YET, ctx.locale);
    return item;
  }),

  record: procedure(communityStaff(LEDGER_STAFF, KEEP), itemInput).mutation(
    async ({ ctx, input }) => {
      const itemId = uuidv7();
      const { photoIds, ...item } = input;
      const result = await commands.recordLedgerItem(writerFor(ctx), {
        ...item,
        itemId,
        photos: await photosOf(ctx, photoIds),
      });
      return { itemId, ...written(result) };
    },
  ),

  /** Removes, merges, retires or keeps an item; keeping outside the rule needs the street. */
  act: procedure(
    ledgerItemStaff(LEDGER_STAFF, { 'zh-CN': '处理台账事项', en: 'act on a ledger item' }),
    actInput,
  ).mutation(async ({ ctx, input }) => {
    const { act, intoItemId, beforePhotoIds, afterPhotoIds, ...fields } = input;
    const photos = {
      beforePhotos: await photosOf(ctx, beforePhotoIds, 'beforePhotoIds'),
      afterPhotos: await photosOf(ctx, afterPhotoIds, 'afterPhotoIds'),
    };
    const data = { ...fields, ...photos };
    const w = writerFor(ctx);
    if (act === 'merge') {
      if (!intoItemId) {
        throw new ApiRefusal(
          'BAD_REQUEST',
          'merge_target_missing',
          MERGE_NEEDS_TARGET,
          ctx.locale,
          [{ path: 'intoItemId', message: MERGE_NEEDS_TARGET[ctx.locale] }],
        );
      }
      return written(await commands.actOnLedgerItem(w, { ...data, act, intoItemId }));
    }
    if (act === 'keep') {
      const scope = await ledgerItemScope(ctx, input.itemId);
      const streetApproval = hasGrant(ctx.account?.grants ?? [], STREET_ROLES, {
        type: 'street',
        streetId: scope.streetId,
      });
      return written(await commands.actOnLedgerItem(w, { ...data, act, streetApproval }));
    }
    return written(await commands.actOnLedgerItem(w, { ...data, act }));
  }),

  scheduleReinspection: procedure(
    ledgerItemStaff(STREET_ROLES, { 'zh-CN': '安排复查', en: 'schedule a re-inspection' }),
    z.object({ itemId: idSchema, dueOn: isoDateSchema }),
  ).mutation(async ({ ctx, input }) =>
    written(await commands.scheduleReinspection(writerFor(ctx), input)),
  ),

  /** What an inspector finds; a gone item found back is a relapse naming the department. */
  recordReinspection: procedure(
    ledgerItemStaff(LEDGER_STAFF, { 'zh-CN': '登记复查结果', en: 'record a re-inspection' }),
    reinspectionInput,
  ).mutation(async ({ ctx, input }) => {
    const { photoIds, ...inspection } = input;
    return written(
      await commands.recordReinspection(writerFor(ctx), {
        ...inspection,
        photos: await photosOf(ctx, photoIds),
      }),
    );
  }),
});
