// The ledger read model: every item of the burden-reduction register with its current status,
// and its history (acts, re-inspections, relapses), as the community's register, the item page,
// the street's relapse list and the dashboards need them.
import { ledgerEventTypes, parseLedgerEvent } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const ledgerTables = ['ledger_items', 'ledger_history'] as const;
export type LedgerTable = (typeof ledgerTables)[number];

export const ledgerProjection: Projection<LedgerTable> = {
  name: 'ledger',
  version: 1,
  tables: ledgerTables,
  eventTypes: ledgerEventTypes.filter((type) => type !== 'LedgerSettingsChanged'),

  schema: (t) => [
    `CREATE TABLE ${t.ledger_items} (
       item_id TEXT PRIMARY KEY,
       community_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       kind TEXT NOT NULL,
       title TEXT NOT NULL,
       department TEXT NOT NULL,
       details TEXT NOT NULL,
       weekly_minutes INTEGER NOT NULL,
       photos TEXT NOT NULL,
       status TEXT NOT NULL,
       relapses INTEGER NOT NULL,
       relapse_department TEXT,
       reinspection_due TEXT,
       recorded_on TEXT NOT NULL,
       source TEXT NOT NULL,
       status_on TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.ledger_items}_by_community ON ${t.ledger_items} (community_id, kind)`,
    `CREATE INDEX ${t.ledger_items}_by_street ON ${t.ledger_items} (street_id, status)`,
    `CREATE TABLE ${t.ledger_history} (
       position BIGINT PRIMARY KEY,
       item_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       street_id TEXT NOT NULL,
       kind TEXT NOT NULL,
       entry TEXT NOT NULL,
       day TEXT NOT NULL,
       actor TEXT NOT NULL,
       data TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.ledger_history}_by_item ON ${t.ledger_history} (item_id)`,
    `CREATE INDEX ${t.ledger_history}_by_street ON ${t.ledger_history} (street_id, entry, day)`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<LedgerTable>) {
    const event = parseLedgerEvent(recorded.type, recorded.data);
    if (event.type === 'LedgerSettingsChanged') return;
    if (event.type === 'LedgerItemRecorded') {
      const d = event.data;
      await tx.run(
        `INSERT INTO ${t.ledger_items}
           (item_id, community_id, street_id, kind, title, department, details, weekly_minutes,
            photos, status, relapses, recorded_on, source, status_on)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', 0, ?, ?, ?)
         ON CONFLICT (item_id) DO NOTHING`,
        [
          d.itemId,
          d.communityId,
          d.streetId,
          d.kind,
          d.title,
          d.department,
          JSON.stringify(d.details),
          d.weeklyMinutes,
          JSON.stringify(d.photos),
          d.recordedOn,
          d.source,
          d.recordedOn,
        ],
      );
      return;
    }
    const item = await tx.get(
      `SELECT community_id, street_id, kind FROM ${t.ledger_items} WHERE item_id = ?`,
      [event.data.itemId],
    );
    if (!item) return;
    const history = async (entry: string, day: string, data: object) =>
      tx.run(
        `INSERT INTO ${t.ledger_history}
           (position, item_id, community_id, street_id, kind, entry, day, actor, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (position) DO NOTHING`,
        [
          recorded.position,
          event.data.itemId,
          String(item.community_id),
          String(item.street_id),
          String(item.kind),
          entry,
          day,
          recorded.metadata.actor,
          JSON.stringify(data),
        ],
      );
    const setStatus = (status: string, day: string) =>
      tx.run(`UPDATE ${t.ledger_items} SET status = ?, status_on = ? WHERE item_id = ?`, [
        status,
        day,
        event.data.itemId,
      ]);
    switch (event.type) {
      case 'LedgerItemRemoved':
      case 'LedgerItemMerged':
      case 'LedgerItemRetired':
      case 'LedgerItemKept': {
        const status = {
          LedgerItemRemoved: 'removed',
          LedgerItemMerged: 'merged',
          LedgerItemRetired: 'retired',
          LedgerItemKept: 'kept',
        }[event.type];
        const { itemId: _id, actedBy: _by, ...data } = event.data;
        await setStatus(status, event.data.actedOn);
        await history(status, event.data.actedOn, data);
        return;
      }
      case 'LedgerReinspectionScheduled':
        await tx.run(`UPDATE ${t.ledger_items} SET reinspection_due = ? WHERE item_id = ?`, [
          event.data.dueOn,
          event.data.itemId,
        ]);
        await history('scheduled', event.data.dueOn, { dueOn: event.data.dueOn });
        return;
      case 'LedgerItemReinspected': {
        const { itemId: _id, inspectedBy: _by, inspectedOn, ...data } = event.data;
        await tx.run(`UPDATE ${t.ledger_items} SET reinspection_due = NULL WHERE item_id = ?`, [
          event.data.itemId,
        ]);
        await history('reinspected', inspectedOn, data);
        return;
      }
      case 'LedgerItemRelapsed':
        await tx.run(
          `UPDATE ${t.ledger_items}
           SET status = 'relapsed', status_on = ?, relapses = relapses + 1, relapse_department = ?
           WHERE item_id = ?`,
          [event.data.inspectedOn, event.data.department, event.data.itemId],
        );
        await history('relapsed', event.data.inspectedOn, { department: event.data.department });
        return;
    }
  },
};
