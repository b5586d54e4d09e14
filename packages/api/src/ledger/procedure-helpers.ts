// What the ledger's procedures share: who keeps the register, and the inputs.
import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  ledgerActInputSchema,
  ledgerItemInputSchema,
  lineText,
  paragraphText,
  say,
  type LocalizedText,
} from '@gongzhi/domain';
import type { Role } from '@gongzhi/auth';
import { STREET_ROLES } from '../access.ts';
import { photoIdsInput } from '../proposal/procedure-helpers.ts';
import type { Access } from '../trpc.ts';
import { streetScope } from '../organisation/places.ts';

/** Who keeps a community's register: its workers, and its street's officers (a city grant too). */
export const LEDGER_STAFF = [
  'community_worker',
  ...STREET_ROLES,
] as const satisfies readonly Role[];

/** Street officers of the street the input names, and city administrators. */
export const ledgerStreetStaff = (action: LocalizedText): Access<{ streetId: string }> => ({
  roles: STREET_ROLES,
  scope: (input, ctx) => streetScope(ctx, input.streetId),
  action,
});

export const cityAdmin = (action: LocalizedText): Access<unknown> => ({
  roles: ['city_admin'],
  scope: () => ({ type: 'city' }),
  action,
});

const { photos: _photos, ...itemFields } = ledgerItemInputSchema.shape;

/** An item as a worker records it; photos by the ids their upload answered. */
export const itemInput = z.object({
  communityId: idSchema,
  ...itemFields,
  photoIds: photoIdsInput.optional(),
});

const { beforePhotos: _before, afterPhotos: _after, ...actFields } = ledgerActInputSchema.shape;

export const actInput = z.object({
  itemId: idSchema,
  act: z.enum(['remove', 'merge', 'retire', 'keep']),
  /** The item it goes into, for `merge`. */
  intoItemId: idSchema.optional(),
  ...actFields,
  beforePhotoIds: photoIdsInput.optional(),
  afterPhotoIds: photoIdsInput.optional(),
});

export const reinspectionInput = z.object({
  itemId: idSchema,
  inspectedOn: isoDateSchema,
  present: z.boolean(),
  notes: paragraphText({ max: 1000 }).optional(),
  department: lineText({ max: 80 }).optional(),
  photoIds: photoIdsInput.optional(),
});

export const MERGE_NEEDS_TARGET = say(
  '整合时请选择并入的事项。',
  'Choose the item it is merged into.',
);
