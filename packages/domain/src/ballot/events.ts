// Ballot events (项目共决): one ballot per voter per cycle, and the tally of each community.
// Streams `ballot-<cycleId>-<voterId>` (the stream is the invariant: appended with no_stream
// for the first ballot, then at its revision for each change; the last one counts) and
// `tally-<cycleId>-<communityId>`. Paper ballots are entered in batches on
// `paperbatch-<cycleId>-<batchId>`; each serial number is claimed once per cycle on
// `paperserial-<cycleId>-<serial>` and each receipt on `paperreceipt-<cycleId>-<receiptKey>`
// (no_stream; the key is a keyed digest, so the stream name never shows the receipt), and a
// counted paper ballot is the voter's ballot on the voter's stream. docs/events.md is the
// catalogue.
//
// Secrecy: a ballot event names its voter (the stream must) but not the choices in the clear.
// `sealed` is the receipt code and the choices, encrypted by the API with the ballot key (derived
// from the master key). Only the bulletin projection opens it, and the bulletin it builds lists
// receipt + choices without any voter. Whoever holds the event log without the key learns who
// voted, never how.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../shared/events.ts';
import { inputText, storedText, type TextRules } from '../shared/text.ts';
import { idSchema } from '../organisation/events.ts';
import { aggregationRuleSchema, fenSchema } from '../cycle/events.ts';

/** A receipt code as shown to the voter: 16 characters of Crockford base32 in groups of four. */
export const receiptSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

/** The ids of the pool projects a ballot approves (or puts in its basket, for knapsack). */
export const choicesSchema = z.array(idSchema).max(50);

const ballotData = z.object({
  cycleId: idSchema,
  communityId: idSchema,
  voterId: idSchema,
  /** `v1.<iv>.<ciphertext+tag>`: the SealedBallot, readable only with the ballot key. */
  sealed: z.string().min(1).max(8_000),
});

/** What `sealed` holds once opened. */
export const sealedBallotSchema = z.object({
  receipt: receiptSchema,
  choices: choicesSchema,
  /** The receipt of the ballot this one replaces: the bulletin drops that row. */
  replacesReceipt: receiptSchema.optional(),
});
export type SealedBallot = z.infer<typeof sealedBallotSchema>;

/** A paper ballot's serial number as printed on the sheet: letters, digits and dashes. */
export const paperSerialSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z][0-9A-Z-]{0,23}$/);

/** What an entry's sealed `choices` holds once opened: the choices, and the receipt if typed. */
export const paperEntryContentSchema = z.object({
  choices: choicesSchema,
  /** The receipt printed on the sheet (and on the stub the voter keeps); absent on old sheets. */
  receipt: receiptSchema.optional(),
});
export type PaperEntryContent = z.infer<typeof paperEntryContentSchema>;

/** A sheet as one entry read it: its choices and receipt sealed with the ballot key (seal.ts). */
const paperSheetSchema = z.object({
  serial: paperSerialSchema,
  voterId: idSchema,
  /** `v1.<iv>.<ciphertext+tag>`: the PaperEntryContent as this entry read it. */
  choices: z.string().min(1).max(8_000),
});
export type PaperSheet = z.infer<typeof paperSheetSchema>;

/** What the resolver decided for one sheet: the first or second reading, or rejecting it. */
const paperDecision = (text: TextRules) =>
  z.discriminatedUnion('outcome', [
    z.object({ serial: paperSerialSchema, outcome: z.enum(['first', 'second']) }),
    z.object({
      serial: paperSerialSchema,
      outcome: z.literal('rejected'),
      reason: text.line({ max: 200 }),
    }),
  ]);

/** A decision as the resolver gives it (text checked by shared/text.ts). */
export const paperDecisionSchema = paperDecision(inputText);
export type PaperDecision = z.infer<typeof paperDecisionSchema>;

const paperBatchRef = { cycleId: idSchema, batchId: idSchema };

const projectVotesSchema = z.object({
  proposalId: idSchema,
  cost: fenSchema,
  votes: z.number().int().min(0),
});

/** Why a project won or lost under the Method of Equal Shares, in both languages. */
const explanationSchema = z.object({
  proposalId: idSchema,
  status: z.string().min(1).max(40),
  text: z.object({ 'zh-CN': z.string(), en: z.string() }),
});

export const ballotEventSchemas = {
  BallotCast: { version: 1, schema: ballotData },
  BallotChanged: { version: 1, schema: ballotData },
  BallotsTallied: {
    version: 1,
    schema: z.object({
      cycleId: idSchema,
      communityId: idSchema,
      rule: aggregationRuleSchema,
      /** The rule as packages/pb names it (e.g. mes-add1-completed for 'mes'). */
      pbRule: z.string().min(1).max(40),
      budget: fenSchema,
      /** SHA-256 (hex) of the bulletin's .pb file: the exact input of the count. */
      inputDigest: z.string().regex(/^[0-9a-f]{64}$/),
      ballotCount: z.number().int().min(0),
      /** Every pool project with its cost and its votes, in tie-break order. */
      projects: z.array(projectVotesSchema),
      /** Selected proposal ids, in tie-break order. */
      winners: z.array(idSchema),
      budgetUsed: z.number().int().min(0),
      /** How ties are broken: by project id compared by code point, the smaller first. */
      tieBreak: z.literal('project-id-code-point'),
      explanations: z.array(explanationSchema).optional(),
      /**
       * The votes a project needed to be selected (the cycle's minimum support, at least one);
       * absent in tallies recorded before it existed, which needed none.
       */
      minimumSupport: z.number().int().min(1).optional(),
    }),
  },
  /** A worker opens a batch of paper ballots (e.g. one ballot box) of a community. */
  PaperBatchOpened: {
    version: 1,
    schema: z.object({
      ...paperBatchRef,
      communityId: idSchema,
      /** What the batch is called on paper, e.g. 「第 3 号票箱」. */
      label: z.string().trim().min(1).max(60),
      openedBy: idSchema,
    }),
  },
  /** One worker's entry of the whole batch; the first and the second come from different workers. */
  PaperBatchEntered: {
    version: 1,
    schema: z.object({
      ...paperBatchRef,
      entry: z.union([z.literal(1), z.literal(2)]),
      enteredBy: idSchema,
      sheets: z.array(paperSheetSchema).min(1).max(500),
    }),
  },
  /**
   * The batch counts: every sheet both entries read alike and without problems, plus the
   * resolver's picks. Each accepted sheet carries the ballot its voter's stream will hold (a
   * receipt and the choices, sealed), so counting again after a crash writes the same ballots.
   */
  PaperBatchResolved: {
    version: 1,
    schema: z.object({
      ...paperBatchRef,
      /** The third worker; absent when the two entries agreed and nothing needed a decision. */
      resolvedBy: idSchema.optional(),
      decisions: z.array(paperDecision(storedText)).max(1_000),
      accepted: z
        .array(
          z.object({
            serial: paperSerialSchema,
            voterId: idSchema,
            sealed: ballotData.shape.sealed,
          }),
        )
        .max(500),
    }),
  },
  /** Every accepted sheet is on its voter's stream, or set aside (a race lost since resolving). */
  PaperBatchCounted: {
    version: 1,
    schema: z.object({
      ...paperBatchRef,
      counted: z.number().int().min(0),
      setAside: z
        .array(
          z.object({
            serial: paperSerialSchema,
            reason: z.enum(['serial_taken', 'receipt_taken', 'already_voted']),
          }),
        )
        .max(500),
    }),
  },
  /** A serial number is used once per cycle: its stream is appended with no_stream. */
  PaperSerialClaimed: {
    version: 1,
    schema: z.object({ ...paperBatchRef, serial: paperSerialSchema }),
  },
  /**
   * A receipt is used once per cycle: `paperreceipt-<cycleId>-<receiptKey>`, appended with
   * no_stream. The receipt itself is not in the event nor in the stream name (only its keyed
   * digest), so the claim does not tie a receipt to a serial number for anyone without the key.
   */
  PaperReceiptClaimed: {
    version: 1,
    schema: z.object({ ...paperBatchRef, serial: paperSerialSchema }),
  },
  /** A paper ballot counted as the voter's ballot (no online ballot may follow it). */
  PaperBallotCounted: {
    version: 1,
    schema: ballotData.extend({ batchId: idSchema, serial: paperSerialSchema }),
  },
} as const;

type Schemas = typeof ballotEventSchemas;
export type BallotEventType = keyof Schemas;
export type BallotEventData<T extends BallotEventType> = z.output<Schemas[T]['schema']>;

/** The union of all ballot events as deciders see them. */
export type BallotEvent = EventUnion<Schemas>;

export type BallotEventOf<T extends BallotEventType> = Extract<BallotEvent, { type: T }>;

export const {
  types: ballotEventTypes,
  isType: isBallotEventType,
  parse: parseBallotEvent,
} = eventParsing(ballotEventSchemas, 'a ballot event');

export const ballotStreams = {
  ballot: (cycleId: string, voterId: string) => `ballot-${cycleId}-${voterId}`,
  tally: (cycleId: string, communityId: string) => `tally-${cycleId}-${communityId}`,
  paperBatch: (cycleId: string, batchId: string) => `paperbatch-${cycleId}-${batchId}`,
  paperSerial: (cycleId: string, serial: string) => `paperserial-${cycleId}-${serial}`,
  /** `receiptKey`: the keyed digest of the receipt (BallotSeal.receiptKey), never the receipt. */
  paperReceipt: (cycleId: string, receiptKey: string) => `paperreceipt-${cycleId}-${receiptKey}`,
};

export function describeBallotEvent(event: BallotEvent) {
  switch (event.type) {
    case 'BallotCast':
      return { 'zh-CN': '投出了选票', en: 'cast the ballot' };
    case 'BallotChanged':
      return { 'zh-CN': '修改了选票', en: 'changed the ballot' };
    case 'BallotsTallied':
      return { 'zh-CN': '完成了计票', en: 'tallied the ballots' };
    case 'PaperBatchOpened':
      return { 'zh-CN': '新建了纸质选票批次', en: 'opened a batch of paper ballots' };
    case 'PaperBatchEntered':
      return event.data.entry === 1
        ? { 'zh-CN': '第一次录入了纸质选票批次', en: 'entered the paper ballot batch a first time' }
        : {
            'zh-CN': '第二次录入了纸质选票批次',
            en: 'entered the paper ballot batch a second time',
          };
    case 'PaperBatchResolved':
      return { 'zh-CN': '核定了纸质选票批次', en: 'resolved the paper ballot batch' };
    case 'PaperBatchCounted':
      return { 'zh-CN': '计入了纸质选票批次', en: 'counted the paper ballot batch' };
    case 'PaperSerialClaimed':
      return { 'zh-CN': '登记了纸质选票编号', en: 'claimed a paper ballot serial number' };
    case 'PaperReceiptClaimed':
      return { 'zh-CN': '登记了纸质选票回执码', en: 'claimed a paper ballot receipt code' };
    case 'PaperBallotCounted':
      return { 'zh-CN': '计入了纸质选票', en: 'counted the paper ballot' };
  }
}
