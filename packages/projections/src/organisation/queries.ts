// Reads of the organisation read model, on the live tables (which carry the logical names).
// Revisions leave as decimal strings: they are bigints in the store, and JSON has no bigint.
import type { CommunityKind } from '@gongzhi/domain';
import type { SqlExecutor } from '../types.ts';

export type PlaceStatus = 'open' | 'closed';

export interface CityRow {
  cityId: string;
  name: string;
  nameEn: string;
}

/** What streets and communities both carry. */
export interface PlaceFields {
  name: string;
  nameEn: string | null;
  status: PlaceStatus;
  revision: string;
  registeredAt: string;
  updatedAt: string;
}

export interface StreetRow extends PlaceFields {
  streetId: string;
}

export interface CommunityRow extends PlaceFields {
  communityId: string;
  streetId: string;
  kind: CommunityKind;
}

type Row = Record<string, unknown>;
const text = (value: unknown): string => String(value);
const optionalText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

const toPlaceFields = (r: Row): PlaceFields => ({
  name: text(r.name),
  nameEn: optionalText(r.name_en),
  status: text(r.status) as PlaceStatus,
  revision: text(r.revision),
  registeredAt: text(r.registered_at),
  updatedAt: text(r.updated_at),
});

const toStreet = (r: Row): StreetRow => ({ streetId: text(r.street_id), ...toPlaceFields(r) });

const toCommunity = (r: Row): CommunityRow => ({
  communityId: text(r.community_id),
  streetId: text(r.street_id),
  kind: text(r.kind) as CommunityKind,
  ...toPlaceFields(r),
});

const PLACE_COLUMNS = 'name, name_en, status, revision, registered_at, updated_at';
const STREET_COLUMNS = `street_id, ${PLACE_COLUMNS}`;
const COMMUNITY_COLUMNS = `community_id, street_id, kind, ${PLACE_COLUMNS}`;

export async function readCity(db: SqlExecutor): Promise<CityRow | undefined> {
  const row = await db.get(
    'SELECT city_id, name, name_en FROM org_cities ORDER BY city_id LIMIT 1',
  );
  return row && { cityId: text(row.city_id), name: text(row.name), nameEn: text(row.name_en) };
}

/** All streets, open and closed, in the order they were registered. */
export async function listStreets(db: SqlExecutor): Promise<StreetRow[]> {
  const rows = await db.all(
    `SELECT ${STREET_COLUMNS} FROM org_streets ORDER BY registered_position`,
  );
  return rows.map(toStreet);
}

export async function readStreet(
  db: SqlExecutor,
  streetId: string,
): Promise<StreetRow | undefined> {
  const row = await db.get(`SELECT ${STREET_COLUMNS} FROM org_streets WHERE street_id = ?`, [
    streetId,
  ]);
  return row && toStreet(row);
}

/** Communities of one street, or of all streets, in the order they were registered. */
export async function listCommunities(db: SqlExecutor, streetId?: string): Promise<CommunityRow[]> {
  const rows =
    streetId === undefined
      ? await db.all(
          `SELECT ${COMMUNITY_COLUMNS} FROM org_communities ORDER BY registered_position`,
        )
      : await db.all(
          `SELECT ${COMMUNITY_COLUMNS} FROM org_communities WHERE street_id = ?
           ORDER BY registered_position`,
          [streetId],
        );
  return rows.map(toCommunity);
}

export async function readCommunity(
  db: SqlExecutor,
  communityId: string,
): Promise<CommunityRow | undefined> {
  const row = await db.get(
    `SELECT ${COMMUNITY_COLUMNS} FROM org_communities WHERE community_id = ?`,
    [communityId],
  );
  return row && toCommunity(row);
}

/** Names of open streets, except one (the street being renamed). */
export async function openStreetNames(db: SqlExecutor, exceptStreetId = ''): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    `SELECT name FROM org_streets WHERE status = 'open' AND street_id <> ?`,
    [exceptStreetId],
  );
  return rows.map((r) => r.name);
}

/** Names of a street's open communities, except one (the community being renamed). */
export async function openCommunityNames(
  db: SqlExecutor,
  streetId: string,
  exceptCommunityId = '',
): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    `SELECT name FROM org_communities
     WHERE street_id = ? AND status = 'open' AND community_id <> ?`,
    [streetId, exceptCommunityId],
  );
  return rows.map((r) => r.name);
}
