// Ledger events: the burden-reduction register (基层减负台账: 摘牌子、减APP、清工作群、减证明) of a
// community's signboards, work mechanisms, government apps, work chat groups, certificate items
// and task items, every act on each (removed, merged, retired, kept with approval) and the
// re-inspections that find a removed item back (反弹). Streams `ledgeritem-<itemId>` and
// `ledgersettings-city` (the locality's rules). docs/events.md is the catalogue; the schemas here
// describe the current version of each event.
//
// The register is public (the signboards are on the wall): nothing here names a resident. People
// named (an approver, a group's owner) are staff acting in office.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { inputText, storedText, type TextRules } from '../shared/text.ts';
import { idSchema } from '../organisation/events.ts';
import { isoDateSchema } from '../resident/events.ts';
import { photosSchema } from '../proposal/events.ts';

/** The six kinds of item the register keeps. */
export const ledgerKindSchema = z.enum([
  'signboard',
  'mechanism',
  'app',
  'chat_group',
  'certificate',
  'task',
]);
export type LedgerKind = z.infer<typeof ledgerKindSchema>;
export const ledgerKinds = ledgerKindSchema.options;

/**
 * Where an item is: `active` as found; `kept` with approval; `removed`, `merged` or `retired`
 * (gone); `relapsed` when a re-inspection found a gone item back, until it is removed again.
 */
export const ledgerItemStatusSchema = z.enum([
  'active',
  'kept',
  'removed',
  'merged',
  'retired',
  'relapsed',
]);
export type LedgerItemStatus = z.infer<typeof ledgerItemStatusSchema>;
export const ledgerItemStatuses = ledgerItemStatusSchema.options;

/** What a government app or mini-program forces on workers (国办函〔2026〕12号 bans them all). */
export const appForceSchema = z.enum([
  'check_in',
  'ranking',
  'online_time',
  'downloads',
  'install_count',
]);
export type AppForce = z.infer<typeof appForceSchema>;
export const appForces = appForceSchema.options;

export const mechanismTypeSchema = z.enum(['leading_group', 'station', 'home', 'other']);
export type MechanismType = z.infer<typeof mechanismTypeSchema>;
export const mechanismTypes = mechanismTypeSchema.options;

export const appTypeSchema = z.enum(['app', 'mini_program', 'account', 'other']);
export type AppType = z.infer<typeof appTypeSchema>;
export const appTypes = appTypeSchema.options;

export const placementSchema = z.enum(['outside', 'inside']);
export type Placement = z.infer<typeof placementSchema>;

/** A code of a board the locality's keep-rule allows, e.g. `party`. */
export const boardCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/);

const details = (text: TextRules) => {
  const line = text.line({ max: 200 });
  return z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('signboard'),
      /** The words on the board. */
      text: line,
      placement: placementSchema,
      /** e.g. 60×40 cm. */
      size: text.line({ max: 40 }).optional(),
      /** Which board of the keep-rule it is, if any. */
      ruleBoard: boardCodeSchema.optional(),
    }),
    z.object({ kind: z.literal('mechanism'), mechanismType: mechanismTypeSchema }),
    z.object({
      kind: z.literal('app'),
      appType: appTypeSchema,
      purpose: line,
      forces: z.array(appForceSchema).max(appForces.length),
    }),
    z.object({
      kind: z.literal('chat_group'),
      /** Who created it answers for it (谁建群谁负责). */
      owner: text.name({ max: 60 }),
      purpose: line,
      members: z.number().int().min(0).max(100_000),
    }),
    z.object({ kind: z.literal('certificate'), purpose: line }),
    z.object({ kind: z.literal('task'), purpose: line }),
  ]);
};

/** The fields of one kind of item, as a form sends them. */
export const ledgerDetailsSchema = details(inputText);
export type LedgerDetails = z.infer<typeof ledgerDetailsSchema>;

/** A week has 10,080 minutes; what an item costs the community's workers each week. */
export const weeklyMinutesSchema = z.number().int().min(0).max(10_080);

const itemFields = (text: TextRules) => ({
  title: text.line({ max: 120 }),
  /** The department that issued, owns or pushed it (挂牌单位, 主管部门, 建群单位). */
  department: text.line({ max: 80 }),
  details: details(text),
  weeklyMinutes: weeklyMinutesSchema,
  photos: photosSchema,
});

/** What a worker records of an item. */
export const ledgerItemInputSchema = z.object(itemFields(inputText));
export type LedgerItemInput = z.infer<typeof ledgerItemInputSchema>;

const actFields = (text: TextRules) => ({
  /** The document the act rests on, e.g. 常减负〔2025〕3号. */
  basis: text.line({ max: 80 }),
  reason: text.paragraph({ max: 1000 }),
  /** Who approved it, by name and office. */
  approver: text.name({ max: 60 }),
  /** The day of the act, YYYY-MM-DD. */
  actedOn: isoDateSchema,
  beforePhotos: photosSchema,
  afterPhotos: photosSchema,
});

/** What an act on an item says, as a form sends it. */
export const ledgerActInputSchema = z.object(actFields(inputText));
export type LedgerActInput = z.infer<typeof ledgerActInputSchema>;

const storedAct = { itemId: idSchema, ...actFields(storedText), actedBy: idSchema };

/** A board the locality allows to stay, e.g. { code: 'party', name: '党组织' }. */
export const keepBoardSchema = z.object({
  code: boardCodeSchema,
  name: inputText.name({ max: 60 }),
  nameEn: inputText.name({ max: 120 }).optional(),
});
export type KeepBoard = z.infer<typeof keepBoardSchema>;

/** Who keeps the admission catalogues: the city, or each street. */
export const catalogueLevelSchema = z.enum(['city', 'street']);
export type CatalogueLevel = z.infer<typeof catalogueLevelSchema>;

export const ledgerSettingsSchema = z.object({
  keepBoards: z.array(keepBoardSchema).min(1).max(20),
  catalogueLevel: catalogueLevelSchema,
});
export type LedgerSettings = z.infer<typeof ledgerSettingsSchema>;

export const ledgerEventSchemas = {
  LedgerItemRecorded: {
    version: 1,
    schema: z.object({
      itemId: idSchema,
      communityId: idSchema,
      streetId: idSchema,
      kind: ledgerKindSchema,
      ...itemFields(storedText),
      /** The day it was found, YYYY-MM-DD (China time). */
      recordedOn: isoDateSchema,
      recordedBy: idSchema,
      /** `import` when it came from a spreadsheet. */
      source: z.enum(['form', 'import']),
    }),
  },
  LedgerItemRemoved: { version: 1, schema: z.object(storedAct) },
  LedgerItemMerged: { version: 1, schema: z.object({ ...storedAct, intoItemId: idSchema }) },
  LedgerItemRetired: { version: 1, schema: z.object(storedAct) },
  LedgerItemKept: {
    version: 1,
    schema: z.object({
      ...storedAct,
      /** The board of the keep-rule it is; absent when kept outside the rule. */
      ruleBoard: boardCodeSchema.optional(),
      /** Kept outside the rule: a street officer approved it. */
      streetApproval: z.boolean(),
    }),
  },
  LedgerReinspectionScheduled: {
    version: 1,
    schema: z.object({ itemId: idSchema, dueOn: isoDateSchema, scheduledBy: idSchema }),
  },
  LedgerItemReinspected: {
    version: 1,
    schema: z.object({
      itemId: idSchema,
      inspectedOn: isoDateSchema,
      /** Whether the item is there (a board on the wall, an app in use, a group active). */
      present: z.boolean(),
      notes: storedText.paragraph({ max: 1000 }).optional(),
      photos: photosSchema,
      inspectedBy: idSchema,
    }),
  },
  LedgerItemRelapsed: {
    version: 1,
    schema: z.object({
      itemId: idSchema,
      inspectedOn: isoDateSchema,
      /** The department that put it back. */
      department: storedText.line({ max: 80 }),
    }),
  },
  LedgerSettingsChanged: {
    version: 1,
    schema: z.object({
      keepBoards: z
        .array(
          z.object({
            code: boardCodeSchema,
            name: storedText.name({ max: 60 }),
            nameEn: storedText.name({ max: 120 }).optional(),
          }),
        )
        .min(1)
        .max(20),
      catalogueLevel: catalogueLevelSchema,
      changedBy: idSchema,
    }),
  },
} as const;

type Schemas = typeof ledgerEventSchemas;
export type LedgerEventType = keyof Schemas;
export type LedgerEventData<T extends LedgerEventType> = z.output<Schemas[T]['schema']>;
export type LedgerEvent = EventUnion<Schemas>;
export type LedgerEventOf<T extends LedgerEventType> = Extract<LedgerEvent, { type: T }>;

export const {
  types: ledgerEventTypes,
  isType: isLedgerEventType,
  parse: parseLedgerEvent,
} = eventParsing(ledgerEventSchemas, 'a ledger event');

export const ledgerStreams = {
  item: (itemId: string) => `ledgeritem-${itemId}`,
  settings: () => 'ledgersettings-city',
};

/** The rule where the locality has not set one: the four organisational boards (厅字〔2022〕28号). */
export const defaultLedgerSettings: LedgerSettings = {
  keepBoards: [
    { code: 'party', name: '党组织', nameEn: 'Party organisation' },
    { code: 'committee', name: '村（居）民委员会', nameEn: 'Villagers’ or residents’ committee' },
    { code: 'oversight', name: '村（居）务监督委员会', nameEn: 'Oversight committee' },
    { code: 'cooperative', name: '集体经济组织', nameEn: 'Collective economic organisation' },
  ],
  catalogueLevel: 'city',
};
