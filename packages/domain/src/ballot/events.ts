// Ballot events (项目共决): one ballot per voter per cycle, and the tally of each community.
// Streams `ballot-<cycleId>-<voterId>` (the stream is the invariant: appended with no_stream
// for the first ballot, then at its revision for each change; the last one counts) and
// `tally-<cycleId>-<communityId>`. docs/events.md is the catalogue.
//
// Secrecy: a ballot event names its voter (the stream must) but not the choices in the clear.
// `sealed` is the receipt code and the choices, encrypted by the API with the ballot key (derived
// from the master key). Only the bulletin projection opens it, and the bulletin it builds lists
// receipt + choices without any voter. Whoever holds the event log without the key learns who
// voted, never how.
import { z } from 'zod';
import type { DomainEvent } from '../shared/decider.ts';
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
    }),
  },
} as const;

type Schemas = typeof ballotEventSchemas;
export type BallotEventType = keyof Schemas;
export type BallotEventData<T extends BallotEventType> = z.output<Schemas[T]['schema']>;

export type BallotEvent = {
  [T in BallotEventType]: DomainEvent<T, BallotEventData<T>>;
}[BallotEventType];

export type BallotEventOf<T extends BallotEventType> = Extract<BallotEvent, { type: T }>;

export const ballotEventTypes = Object.keys(ballotEventSchemas) as BallotEventType[];

export function isBallotEventType(type: string): type is BallotEventType {
  return Object.hasOwn(ballotEventSchemas, type);
}

/** Checks stored data against the current schema of its type; throws on a mismatch (a bug). */
export function parseBallotEvent(type: string, data: unknown): BallotEvent {
  if (!isBallotEventType(type)) throw new Error(`Not a ballot event: ${type}`);
  const parsed: unknown = ballotEventSchemas[type].schema.parse(data);
  return { type, data: parsed } as BallotEvent;
}

export const ballotStreams = {
  ballot: (cycleId: string, voterId: string) => `ballot-${cycleId}-${voterId}`,
  tally: (cycleId: string, communityId: string) => `tally-${cycleId}-${communityId}`,
};

export function describeBallotEvent(event: BallotEvent) {
  switch (event.type) {
    case 'BallotCast':
      return { 'zh-CN': '投出了选票', en: 'cast the ballot' };
    case 'BallotChanged':
      return { 'zh-CN': '修改了选票', en: 'changed the ballot' };
    case 'BallotsTallied':
      return { 'zh-CN': '完成了计票', en: 'tallied the ballots' };
  }
}
