// Acts done on a resident's behalf, across every module: a proposal a relative submitted as
// proxy, a co-sign, a ballot cast by proxy, a worker's offline entry, and what others did on the
// resident's own record (a worker verifying a tie, registering them on the spot). One row per
// event, pointing at it (stream, revision, position) with who acted and how; pages describe the
// event at query time from the event itself, so a row holds no personal data and no ballot
// choices. Rows stay when a resident is forgotten: nobody can sign in as them to read them.
import {
  ballotEventTypes,
  cycleEventTypes,
  organisationEventTypes,
  proposalEventTypes,
  residentEventTypes,
  residentStreams,
} from '@gongzhi/domain';
import type { Channel, RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const actsOnBehalfTables = ['res_acts_on_behalf'] as const;
export type ActsOnBehalfTable = (typeof actsOnBehalfTables)[number];

const residentStreamPrefix = residentStreams.resident('');
// The phone-number reservation is bookkeeping of a registration, whose own event is listed.
const phoneStreamPrefix = residentStreams.phone('');

/**
 * The resident an event was done for by someone else, if any: its `onBehalfOf` when another
 * account acted, else the owner of the resident stream it is on when someone else wrote it.
 */
export function actedForResident(event: RecordedEvent): string | undefined {
  const { actor, onBehalfOf } = event.metadata;
  if (event.streamName.startsWith(phoneStreamPrefix)) return undefined;
  if (onBehalfOf !== undefined && onBehalfOf !== actor) return onBehalfOf;
  if (!event.streamName.startsWith(residentStreamPrefix)) return undefined;
  const owner = event.streamName.slice(residentStreamPrefix.length);
  return owner !== actor ? owner : undefined;
}

export const actsOnBehalfProjection: Projection<ActsOnBehalfTable> = {
  name: 'acts_on_behalf',
  version: 1,
  tables: actsOnBehalfTables,
  // Every event of every module: any of them may be done for a resident.
  eventTypes: [
    ...organisationEventTypes,
    ...residentEventTypes,
    ...cycleEventTypes,
    ...proposalEventTypes,
    ...ballotEventTypes,
  ],

  schema: (t) => [
    `CREATE TABLE ${t.res_acts_on_behalf} (
       position BIGINT PRIMARY KEY,
       resident_id TEXT NOT NULL,
       event_type TEXT NOT NULL,
       stream TEXT NOT NULL,
       revision BIGINT NOT NULL,
       actor TEXT NOT NULL,
       channel TEXT NOT NULL,
       occurred_at TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.res_acts_on_behalf}_by_resident ON ${t.res_acts_on_behalf} (resident_id, position)`,
  ],

  async apply(tx: SqlExecutor, event: RecordedEvent, t: TableNames<ActsOnBehalfTable>) {
    const residentId = actedForResident(event);
    if (residentId === undefined) return;
    const { actor, channel, occurredAt } = event.metadata;
    await tx.run(
      `INSERT INTO ${t.res_acts_on_behalf}
         (position, resident_id, event_type, stream, revision, actor, channel, occurred_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (position) DO NOTHING`,
      [
        event.position,
        residentId,
        event.type,
        event.streamName,
        event.revision,
        actor,
        channel,
        occurredAt,
      ],
    );
  },
};

export interface ActOnBehalfRow {
  residentId: string;
  type: string;
  stream: string;
  revision: bigint;
  position: bigint;
  actor: string;
  channel: Channel;
  occurredAt: string;
}

/** The acts done for a resident, newest first, at most `limit`. */
export async function listActsOnBehalf(
  db: SqlExecutor,
  residentId: string,
  { limit = 100 } = {},
): Promise<ActOnBehalfRow[]> {
  const rows = await db.all(
    `SELECT * FROM res_acts_on_behalf WHERE resident_id = ? ORDER BY position DESC LIMIT ?`,
    [residentId, limit],
  );
  return rows.map((r) => ({
    residentId: String(r.resident_id),
    type: String(r.event_type),
    stream: String(r.stream),
    revision: BigInt(String(r.revision)),
    position: BigInt(String(r.position)),
    actor: String(r.actor),
    channel: String(r.channel) as Channel,
    occurredAt: String(r.occurred_at),
  }));
}
