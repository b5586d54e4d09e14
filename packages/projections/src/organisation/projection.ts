// The organisation read model: the city, its streets and communities, as pages and access
// checks need them. Staff accounts and role grants are a read model of their own (staff/). Stream revisions are kept so that forms can send the
// revision they showed (a rename then conflicts instead of overwriting a newer name); positions
// of registration order the lists the same way on SQLite and PostgreSQL (collations differ).
import { parseOrganisationEvent } from '@gongzhi/domain';
import type { OrganisationEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const organisationTables = ['org_cities', 'org_streets', 'org_communities'] as const;

export type OrganisationTable = (typeof organisationTables)[number];

const projectedTypes = [
  'CityRegistered',
  'StreetRegistered',
  'StreetRenamed',
  'StreetClosed',
  'CommunityRegistered',
  'CommunityRenamed',
  'CommunityClosed',
] as const satisfies readonly OrganisationEvent['type'][];

export const organisationProjection: Projection<OrganisationTable> = {
  name: 'organisation',
  // 3: staff accounts and role grants went to a read model of their own (staff/).
  version: 3,
  tables: organisationTables,
  eventTypes: projectedTypes,

  schema: (t) => [
    `CREATE TABLE ${t.org_cities} (
       city_id TEXT PRIMARY KEY,
       name TEXT NOT NULL,
       name_en TEXT NOT NULL
     )`,
    `CREATE TABLE ${t.org_streets} (
       street_id TEXT PRIMARY KEY,
       name TEXT NOT NULL,
       name_en TEXT,
       status TEXT NOT NULL,
       revision BIGINT NOT NULL,
       registered_position BIGINT NOT NULL,
       registered_at TEXT NOT NULL,
       updated_at TEXT NOT NULL
     )`,
    `CREATE TABLE ${t.org_communities} (
       community_id TEXT PRIMARY KEY,
       street_id TEXT NOT NULL,
       kind TEXT NOT NULL,
       name TEXT NOT NULL,
       name_en TEXT,
       status TEXT NOT NULL,
       revision BIGINT NOT NULL,
       registered_position BIGINT NOT NULL,
       registered_at TEXT NOT NULL,
       updated_at TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.org_communities}_by_street ON ${t.org_communities} (street_id, registered_position)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<OrganisationTable>) {
    const event = parseOrganisationEvent(recorded.type, recorded.data);
    const at = recorded.metadata.occurredAt;
    const revision = recorded.revision;
    switch (event.type) {
      case 'CityRegistered':
        await tx.run(
          `INSERT INTO ${t.org_cities} (city_id, name, name_en) VALUES (?, ?, ?)
           ON CONFLICT (city_id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en`,
          [event.data.cityId, event.data.name, event.data.nameEn],
        );
        return;
      case 'StreetRegistered':
        await tx.run(
          `INSERT INTO ${t.org_streets}
             (street_id, name, name_en, status, revision, registered_position, registered_at, updated_at)
           VALUES (?, ?, ?, 'open', ?, ?, ?, ?)
           ON CONFLICT (street_id) DO NOTHING`,
          [
            event.data.streetId,
            event.data.name,
            event.data.nameEn ?? null,
            revision,
            recorded.position,
            at,
            at,
          ],
        );
        return;
      case 'StreetRenamed':
        await rename(tx, street(t, event.data.streetId), event.data, revision, at);
        return;
      case 'StreetClosed':
        await close(tx, street(t, event.data.streetId), revision, at);
        return;
      case 'CommunityRegistered':
        await tx.run(
          `INSERT INTO ${t.org_communities}
             (community_id, street_id, kind, name, name_en, status, revision, registered_position,
              registered_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)
           ON CONFLICT (community_id) DO NOTHING`,
          [
            event.data.communityId,
            event.data.streetId,
            event.data.kind,
            event.data.name,
            event.data.nameEn ?? null,
            revision,
            recorded.position,
            at,
            at,
          ],
        );
        return;
      case 'CommunityRenamed':
        await rename(tx, community(t, event.data.communityId), event.data, revision, at);
        return;
      case 'CommunityClosed':
        await close(tx, community(t, event.data.communityId), revision, at);
        return;
    }
  },
};

/** A street's or a community's row: streets and communities are renamed and closed alike. */
interface PlaceRow {
  table: string;
  key: 'street_id' | 'community_id';
  id: string;
}

const street = (t: TableNames<OrganisationTable>, id: string): PlaceRow => ({
  table: t.org_streets,
  key: 'street_id',
  id,
});

const community = (t: TableNames<OrganisationTable>, id: string): PlaceRow => ({
  table: t.org_communities,
  key: 'community_id',
  id,
});

function rename(
  tx: SqlExecutor,
  row: PlaceRow,
  names: { name: string; nameEn?: string | undefined },
  revision: bigint,
  at: string,
) {
  return tx.run(
    `UPDATE ${row.table} SET name = ?, name_en = ?, revision = ?, updated_at = ?
     WHERE ${row.key} = ?`,
    [names.name, names.nameEn ?? null, revision, at, row.id],
  );
}

function close(tx: SqlExecutor, row: PlaceRow, revision: bigint, at: string) {
  return tx.run(
    `UPDATE ${row.table} SET status = 'closed', revision = ?, updated_at = ? WHERE ${row.key} = ?`,
    [revision, at, row.id],
  );
}
