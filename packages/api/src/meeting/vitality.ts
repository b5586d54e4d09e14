// The deliberation vitality index (议事协商活力指数) of a community or a street, per month
// (docs/vitality-index.md): the domain's `vitalityOfMonth` over the meetings' public facts read
// off the meeting read model, with the meetings planned and, as each component's evidence, the
// meetings counted. Public: it names no person and ranks no one.
import { z } from 'zod';
import {
  chinaMonth,
  idSchema,
  quorumHolds,
  refuse,
  VITALITY_SMALL_SAMPLE,
  VITALITY_VERSION,
  VITALITY_WEIGHTS,
  vitalityOfMonth,
} from '@gongzhi/domain';
import {
  listBodySpells,
  listMeetingFacts,
  type BodySpellsRow,
  type MeetingFactsRow,
  type VitalityPlace,
} from '@gongzhi/projections/meeting';
import { now, type Context } from '../context.ts';
import { communityScope, streetScope } from '../organisation/places.ts';
import { caughtUpTo, minPositionSchema as minPosition } from '../positions.ts';
import { procedure } from '../trpc.ts';

/** At most this many months in one reading (three years). */
export const VITALITY_MAX_MONTHS = 36;

const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const vitalityInputSchema = z.object({
  place: z.discriminatedUnion('type', [
    z.object({ type: z.literal('community'), communityId: idSchema }),
    z.object({ type: z.literal('street'), streetId: idSchema }),
  ]),
  /** A calendar year (China's); or a range of months `from`–`to`; else the last 12 months. */
  year: z.number().int().min(2000).max(2100).optional(),
  from: monthSchema.optional(),
  to: monthSchema.optional(),
  minPosition,
});
type VitalityInput = z.infer<typeof vitalityInputSchema>;

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
const previousMonths = (month: string, count: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
/** The first instant of a China month, ISO-8601 UTC. */
const monthStart = (month: string): string =>
  new Date(Date.parse(`${month}-01T00:00:00+08:00`)).toISOString();

function monthsOf(ctx: Context, input: VitalityInput): string[] {
  let from: string;
  let to: string;
  if (input.year !== undefined) {
    from = `${input.year}-01`;
    to = `${input.year}-12`;
  } else {
    to = input.to ?? chinaMonth(now(ctx).toISOString());
    from = input.from ?? previousMonths(to, 11);
  }
  const months: string[] = [];
  for (let month = from; month <= to && months.length <= VITALITY_MAX_MONTHS;) {
    months.push(month);
    month = nextMonth(month);
  }
  if (months.length === 0 || months.length > VITALITY_MAX_MONTHS) {
    return refuse(
      'invalid',
      'vitality_range_invalid',
      `月份范围须从早到晚，且不超过 ${VITALITY_MAX_MONTHS} 个月。`,
      `The range of months must run forwards and span at most ${VITALITY_MAX_MONTHS} months.`,
      'from',
    );
  }
  return months;
}

/** Bodies planned to meet in the month (version 1): those with a voting member on the roster. */
const plannedIn = (bodies: readonly BodySpellsRow[], month: string): number => {
  const first = `${month}-01`;
  const after = `${nextMonth(month)}-01`;
  return bodies.filter((body) =>
    body.spells.some((s) => s.from < after && (s.until === null || s.until > first)),
  ).length;
};

const asFacts = (row: MeetingFactsRow) => ({
  meetingId: row.meetingId,
  startsAt: row.startsAt,
  status: row.status,
  lateNotice: row.lateNotice,
  entitled: row.entitled,
  membersPresent: row.membersPresent,
  quorumHeld: quorumHolds(row.quorumRule, row.membersPresent, row.entitled),
  motions: row.motions,
  voted: row.voted,
});

/** The figures of a place for each month of the input, with their evidence. */
export async function readVitality(ctx: Context, input: VitalityInput) {
  const place: VitalityPlace = input.place;
  if (place.type === 'community') await communityScope(ctx, place.communityId);
  else await streetScope(ctx, place.streetId);
  const months = monthsOf(ctx, input);
  const db = ctx.services.readModels.db;
  const [rows, bodies] = await Promise.all([
    listMeetingFacts(db, place, monthStart(months[0]!), monthStart(nextMonth(months.at(-1)!))),
    listBodySpells(db, place),
  ]);
  const byMonth = new Map<string, MeetingFactsRow[]>();
  for (const row of rows) {
    if (row.status !== 'closed') continue;
    const month = chinaMonth(row.startsAt);
    byMonth.set(month, [...(byMonth.get(month) ?? []), row]);
  }
  return {
    version: VITALITY_VERSION,
    weights: VITALITY_WEIGHTS,
    smallSampleBelow: VITALITY_SMALL_SAMPLE,
    months: months.map((month) => {
      const held = byMonth.get(month) ?? [];
      const planned = plannedIn(bodies, month);
      const { evidence: _ids, ...figure } = vitalityOfMonth(month, planned, held.map(asFacts));
      return {
        ...figure,
        planned,
        /** The meetings held, each with the facts its components were computed from. */
        evidence: held.map(({ quorumRule: _rule, ...facts }) => facts),
      };
    }),
  };
}

export const meetingVitalityProcedures = {
  /** The vitality index of a community or street per month, with its evidence (public). */
  vitality: procedure('public', vitalityInputSchema).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return readVitality(ctx, input);
  }),
};
