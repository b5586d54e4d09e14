// Catalogue events: the two admission catalogues (准入目录) a city — or each street, where the
// locality says so (ledger settings, `catalogueLevel`) — keeps and publishes once a year: the
// certificates a community may stamp (村(居)民证明类盖章项目) and the department work allowed into
// communities (部门工作进村社区事项). A version is drafted from the last published one, changed
// entry by entry with the reason, and frozen when published. Departments ask to add an item; the
// city (or street) admits or refuses it with a reason, and an admitted item joins the next
// version. A community worker records tasks pushed to it that no catalogue admits (清单外事项).
// Streams `catalogue-<catalogueId>` (one per version), `cataloguerequest-<requestId>` and
// `offcatalogue-<taskId>`.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { inputText, storedText, type TextRules } from '../shared/text.ts';
import { idSchema } from '../organisation/events.ts';
import { isoDateSchema } from '../resident/events.ts';

export const catalogueKindSchema = z.enum(['certificates', 'work_items']);
export type CatalogueKind = z.infer<typeof catalogueKindSchema>;

/** Whose catalogue: the city's, or a street's. */
export const cataloguePlaceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('city') }),
  z.object({ type: z.literal('street'), streetId: idSchema }),
]);
export type CataloguePlace = z.infer<typeof cataloguePlaceSchema>;

/** A work item's category: the community's own duty, assisting a department, or not allowed. */
export const workCategorySchema = z.enum(['own_duty', 'assisting', 'negative']);

const entryFields = (text: TextRules) => ({
  /** The entry's number within the catalogue, e.g. Z-03. */
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/),
  title: text.line({ max: 120 }),
  /** Legal or policy basis. */
  basis: text.line({ max: 200 }),
  department: text.line({ max: 80 }),
  /** What the community does (work items), or who uses it and for what (certificates). */
  communityRole: text.paragraph({ max: 500 }),
  /** Funding and conditions that follow the task (费随事转); work items. */
  funding: text.line({ max: 200 }).optional(),
  category: workCategorySchema.optional(),
  /** The alternative to a certificate: a written pledge, data sharing, the department checking. */
  alternative: text.paragraph({ max: 500 }).optional(),
});

export const catalogueEntrySchema = z.object(entryFields(inputText));
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
const storedEntry = z.object(entryFields(storedText));

const reason = storedText.paragraph({ max: 1000 });

/** How an off-catalogue task reached the community. */
export const offCatalogueChannelSchema = z.enum([
  'chat_group',
  'phone',
  'document',
  'meeting',
  'app',
  'other',
]);
export type OffCatalogueChannel = z.infer<typeof offCatalogueChannelSchema>;
export const offCatalogueChannels = offCatalogueChannelSchema.options;

/** What a worker records of an off-catalogue task, as a form sends it. */
export const offCatalogueTaskInputSchema = z.object({
  title: inputText.line({ max: 120 }),
  pushedBy: inputText.line({ max: 80 }),
  pushedOn: isoDateSchema,
  channel: offCatalogueChannelSchema,
  notes: inputText.paragraph({ max: 1000 }).optional(),
});
export type OffCatalogueTaskInput = z.infer<typeof offCatalogueTaskInputSchema>;

export const catalogueEventSchemas = {
  CatalogueDrafted: {
    version: 1,
    schema: z.object({
      catalogueId: idSchema,
      kind: catalogueKindSchema,
      place: cataloguePlaceSchema,
      year: z.number().int().min(2000).max(2100),
      /** The published version it starts from, whose entries it carries. */
      previousId: idSchema.optional(),
      entries: z.array(storedEntry).max(500),
      draftedBy: idSchema,
    }),
  },
  CatalogueEntryAdded: {
    version: 1,
    schema: z.object({
      catalogueId: idSchema,
      entry: storedEntry,
      reason,
      /** The department's request it admits, if any. */
      requestId: idSchema.optional(),
    }),
  },
  CatalogueEntryRemoved: {
    version: 1,
    schema: z.object({ catalogueId: idSchema, code: z.string(), reason }),
  },
  /** An entry of a draft rewritten (same number): its columns as they now read, and why. */
  CatalogueEntryChanged: {
    version: 1,
    schema: z.object({ catalogueId: idSchema, entry: storedEntry, reason }),
  },
  CataloguePublished: {
    version: 1,
    schema: z.object({ catalogueId: idSchema, publishedOn: isoDateSchema, publishedBy: idSchema }),
  },
  CatalogueRequestFiled: {
    version: 1,
    schema: z.object({
      requestId: idSchema,
      kind: catalogueKindSchema,
      place: cataloguePlaceSchema,
      /** The department asking. */
      department: storedText.line({ max: 80 }),
      entry: storedEntry,
      reason,
      filedBy: idSchema,
    }),
  },
  CatalogueRequestAdmitted: {
    version: 1,
    schema: z.object({ requestId: idSchema, reason, decidedBy: idSchema }),
  },
  CatalogueRequestRefused: {
    version: 1,
    schema: z.object({ requestId: idSchema, reason, decidedBy: idSchema }),
  },
  /**
   * A task pushed to a community that no catalogue admits (清单外事项), as a community worker
   * records it: who pushed it, when and how. The street sees these.
   */
  OffCatalogueTaskRecorded: {
    version: 1,
    schema: z.object({
      taskId: idSchema,
      communityId: idSchema,
      streetId: idSchema,
      title: storedText.line({ max: 120 }),
      /** The department or office that pushed it. */
      pushedBy: storedText.line({ max: 80 }),
      /** The day it arrived, YYYY-MM-DD. */
      pushedOn: isoDateSchema,
      channel: offCatalogueChannelSchema,
      notes: storedText.paragraph({ max: 1000 }).optional(),
      recordedBy: idSchema,
    }),
  },
} as const;

type Schemas = typeof catalogueEventSchemas;
export type CatalogueEventType = keyof Schemas;
export type CatalogueEventData<T extends CatalogueEventType> = z.output<Schemas[T]['schema']>;
export type CatalogueEvent = EventUnion<Schemas>;
export type CatalogueEventOf<T extends CatalogueEventType> = Extract<CatalogueEvent, { type: T }>;

export const {
  types: catalogueEventTypes,
  isType: isCatalogueEventType,
  parse: parseCatalogueEvent,
} = eventParsing(catalogueEventSchemas, 'a catalogue event');

/** A version's id: its place, kind and year, e.g. `city-certificates-2026`. */
export const catalogueIdOf = (place: CataloguePlace, kind: CatalogueKind, year: number) =>
  `${place.type === 'city' ? 'city' : place.streetId}-${kind.replace('_', '-')}-${year}`;

export const catalogueStreams = {
  catalogue: (catalogueId: string) => `catalogue-${catalogueId}`,
  request: (requestId: string) => `cataloguerequest-${requestId}`,
  offCatalogueTask: (taskId: string) => `offcatalogue-${taskId}`,
};
