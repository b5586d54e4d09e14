// How the seed writes: through the same commands as the procedures, with metadata that says who
// did each act and when.
import type { proposalCommands } from '@gongzhi/api';
import { chinaDate } from '@gongzhi/domain';
import type { Channel, EventMetadata, EventStore } from '@gongzhi/eventstore';
import type { ReadModels } from '@gongzhi/projections';

/** What every seeding command writes to and reads from. */
export interface SeedTarget {
  store: EventStore;
  readModels: ReadModels;
}

/**
 * Every record has a fixed id and is written only when its stream does not exist yet, so a later
 * start leaves records that were changed since (renamed, closed, …) as they are.
 */
export const streamIsMissing = async (store: EventStore, stream: string) =>
  (await store.readStream(stream, { maxCount: 1 })).length === 0;

/** How far back the demo's places and staff accounts were set up: before any of its history. */
const SET_UP_DAYS_AGO = 730;

/**
 * A writer for setting up places and staff accounts: the system's act, dated two years back, so
 * that a page as of any day of the demo's history (docs/time-travel.md) finds its places.
 */
export const bySystem = ({ store, readModels }: SeedTarget) => ({
  store,
  readModels,
  metadata: {
    actor: 'system',
    channel: 'system',
    correlationId: 'demo-seed',
    occurredAt: new Date(Date.now() - SET_UP_DAYS_AGO * 86_400_000).toISOString(),
  } satisfies EventMetadata,
});

/** The date (YYYY-MM-DD, China time) `offset` days from today. */
export type Day = (offset: number) => string;

/** A writer for an act by `actor` on the day `offset` days from today. */
export type By = (
  actor: string,
  offset: number,
  act?: { onBehalfOf?: string; channel?: Channel },
) => Parameters<typeof proposalCommands.submitProposal>[0];

/** YYYY-MM-DD plus whole days. */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The micro-project history is dated back from today, so that each cycle's phases fall on their
 * scheduled days whenever the demo first starts.
 */
export function datedFromToday({ store, readModels }: SeedTarget): {
  today: string;
  day: Day;
  by: By;
} {
  const today = chinaDate(new Date().toISOString());
  const day = (offset: number) => addDays(today, offset);
  // At 09:00 China time, but never later than now: from 16:00 UTC China's today is already the
  // next day in UTC, and an act recorded as done hours from now would sort above everything
  // people do after the seed (an inbox, latest first, showed the seed's notice on top).
  const by: By = (actor, offset, act = {}) => {
    const nineInChina = `${day(offset)}T01:00:00.000Z`;
    const now = new Date().toISOString();
    return {
      store,
      readModels,
      metadata: {
        actor,
        onBehalfOf: act.onBehalfOf,
        channel: act.channel ?? 'online',
        correlationId: 'demo-seed',
        occurredAt: nineInChina < now ? nineInChina : now,
      } satisfies EventMetadata,
    };
  };
  return { today, day, by };
}
