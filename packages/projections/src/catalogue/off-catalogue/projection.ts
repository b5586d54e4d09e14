// The off-catalogue tasks read model (清单外事项): each task a community worker recorded as pushed
// to it outside the admission catalogues, for the community's and the street's lists.
import { parseCatalogueEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../../types.ts';

export const offCatalogueTables = ['cat_off_tasks'] as const;
export type OffCatalogueTable = (typeof offCatalogueTables)[number];

export const offCatalogueProjection: Projection<OffCatalogueTable> = {
  name: 'off_catalogue_tasks',
  version: 1,
  tables: offCatalogueTables,
  eventTypes: ['OffCatalogueTaskRecorded'],

  schema: (t) => [
    `CREATE TABLE ${t.cat_off_tasks} (
       task_id TEXT PRIMARY KEY,
       community_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       title TEXT NOT NULL,
       pushed_by TEXT NOT NULL,
       pushed_on TEXT NOT NULL,
       channel TEXT NOT NULL,
       notes TEXT,
       recorded_at TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.cat_off_tasks}_by_street ON ${t.cat_off_tasks} (street_id, pushed_on)`,
    `CREATE INDEX ${t.cat_off_tasks}_by_community ON ${t.cat_off_tasks} (community_id, pushed_on)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<OffCatalogueTable>) {
    const event = parseCatalogueEvent(recorded.type, recorded.data);
    if (event.type !== 'OffCatalogueTaskRecorded') return;
    const d = event.data;
    await tx.run(
      `INSERT INTO ${t.cat_off_tasks}
         (task_id, community_id, street_id, title, pushed_by, pushed_on, channel, notes,
          recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (task_id) DO NOTHING`,
      [
        d.taskId,
        d.communityId,
        d.streetId,
        d.title,
        d.pushedBy,
        d.pushedOn,
        d.channel,
        d.notes ?? null,
        recorded.metadata.occurredAt,
      ],
    );
  },
};
