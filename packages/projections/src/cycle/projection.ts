// The cycle read model: micro-project cycles as the public cycle page and the street officer's
// set-up pages show them. A cycle row keeps its rules and schedule as JSON (they are read whole),
// its budgets one row per community (to find the cycles of a community), and its public history
// (publication, phase moves, amendments with their reasons) one row per event. A draft's own
// amendments are not history: a draft is not public.
import { defaultBulletinMinimum, defaultMinimumSupport, parseCycleEvent } from '@gongzhi/domain';
import type { CycleDefinition, CycleEvent, MinimumSupport } from '@gongzhi/domain';
import type { RecordedEvent } from '@gongzhi/eventstore';
import type { Projection, SqlExecutor, TableNames } from '../types.ts';

export const cycleTables = ['cyc_cycles', 'cyc_budgets', 'cyc_history'] as const;

export type CycleTable = (typeof cycleTables)[number];

const projectedTypes = [
  'CycleDrafted',
  'CycleDraftAmended',
  'CyclePublished',
  'CyclePhaseAdvanced',
  'CycleBudgetAmended',
  'CycleScheduleAmended',
] as const satisfies readonly CycleEvent['type'][];

/**
 * The rules of a cycle as stored in `cyc_cycles.rules`; the minimum support and the bulletin's
 * minimum of ballots with their defaults.
 */
export type CycleRules = Pick<
  CycleDefinition,
  'caps' | 'allowed' | 'excluded' | 'eligibility' | 'ballot' | 'aggregation' | 'publicityDays'
> & { minimumSupport: MinimumSupport; bulletinMinimum: number };

const rulesOf = (d: CycleDefinition): CycleRules => ({
  caps: d.caps,
  allowed: d.allowed,
  excluded: d.excluded,
  eligibility: d.eligibility,
  ballot: d.ballot,
  aggregation: d.aggregation,
  minimumSupport: d.minimumSupport ?? defaultMinimumSupport,
  bulletinMinimum: d.bulletinMinimum ?? defaultBulletinMinimum,
  publicityDays: d.publicityDays,
});

export const cycleProjection: Projection<CycleTable> = {
  name: 'cycle',
  // 2: the rules carry the minimum support a project needs; 3: and the bulletin's minimum.
  version: 3,
  tables: cycleTables,
  eventTypes: projectedTypes,

  schema: (t) => [
    `CREATE TABLE ${t.cyc_cycles} (
       cycle_id TEXT PRIMARY KEY,
       street_id TEXT NOT NULL,
       title TEXT NOT NULL,
       title_en TEXT,
       year INTEGER NOT NULL,
       status TEXT NOT NULL,
       phase TEXT,
       rules TEXT NOT NULL,
       schedule TEXT NOT NULL,
       revision BIGINT NOT NULL,
       drafted_position BIGINT NOT NULL,
       drafted_at TEXT NOT NULL,
       published_at TEXT,
       updated_at TEXT NOT NULL
     )`,
    `CREATE INDEX ${t.cyc_cycles}_by_street ON ${t.cyc_cycles} (street_id, year)`,
    `CREATE TABLE ${t.cyc_budgets} (
       cycle_id TEXT NOT NULL,
       community_id TEXT NOT NULL,
       ordinal INTEGER NOT NULL,
       budget BIGINT NOT NULL,
       PRIMARY KEY (cycle_id, community_id)
     )`,
    `CREATE INDEX ${t.cyc_budgets}_by_community ON ${t.cyc_budgets} (community_id)`,
    `CREATE TABLE ${t.cyc_history} (
       cycle_id TEXT NOT NULL,
       position BIGINT NOT NULL,
       type TEXT NOT NULL,
       at TEXT NOT NULL,
       data TEXT NOT NULL,
       PRIMARY KEY (cycle_id, position)
     )`,
  ],

  async apply(tx: SqlExecutor, recorded: RecordedEvent, t: TableNames<CycleTable>) {
    const event = parseCycleEvent(recorded.type, recorded.data);
    const at = recorded.metadata.occurredAt;
    const { cycleId } = event.data;
    switch (event.type) {
      case 'CycleDrafted': {
        const d = event.data;
        await tx.run(
          `INSERT INTO ${t.cyc_cycles}
             (cycle_id, street_id, title, title_en, year, status, phase, rules, schedule, revision,
              drafted_position, drafted_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 'draft', NULL, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (cycle_id) DO NOTHING`,
          [
            cycleId,
            d.streetId,
            d.title,
            d.titleEn ?? null,
            d.year,
            JSON.stringify(rulesOf(d)),
            JSON.stringify(d.schedule),
            recorded.revision,
            recorded.position,
            at,
            at,
          ],
        );
        await replaceBudgets(tx, t, cycleId, d.communities);
        return;
      }
      case 'CycleDraftAmended': {
        const d = event.data;
        await tx.run(
          `UPDATE ${t.cyc_cycles} SET title = ?, title_en = ?, year = ?, rules = ?, schedule = ?
           WHERE cycle_id = ?`,
          [
            d.title,
            d.titleEn ?? null,
            d.year,
            JSON.stringify(rulesOf(d)),
            JSON.stringify(d.schedule),
            cycleId,
          ],
        );
        await replaceBudgets(tx, t, cycleId, d.communities);
        break;
      }
      case 'CyclePublished':
        await tx.run(
          `UPDATE ${t.cyc_cycles} SET status = 'published', phase = 'announced', published_at = ?
           WHERE cycle_id = ?`,
          [at, cycleId],
        );
        await recordHistory(tx, t, recorded, event);
        break;
      case 'CyclePhaseAdvanced':
        await tx.run(`UPDATE ${t.cyc_cycles} SET phase = ? WHERE cycle_id = ?`, [
          event.data.to,
          cycleId,
        ]);
        await recordHistory(tx, t, recorded, event);
        break;
      case 'CycleBudgetAmended':
        for (const { communityId, budget } of event.data.budgets) {
          await tx.run(
            `UPDATE ${t.cyc_budgets} SET budget = ? WHERE cycle_id = ? AND community_id = ?`,
            [budget, cycleId, communityId],
          );
        }
        await recordHistory(tx, t, recorded, event);
        break;
      case 'CycleScheduleAmended':
        await tx.run(`UPDATE ${t.cyc_cycles} SET schedule = ? WHERE cycle_id = ?`, [
          JSON.stringify(event.data.schedule),
          cycleId,
        ]);
        await recordHistory(tx, t, recorded, event);
        break;
    }
    await tx.run(`UPDATE ${t.cyc_cycles} SET revision = ?, updated_at = ? WHERE cycle_id = ?`, [
      recorded.revision,
      at,
      cycleId,
    ]);
  },
};

async function replaceBudgets(
  tx: SqlExecutor,
  t: TableNames<CycleTable>,
  cycleId: string,
  communities: CycleDefinition['communities'],
) {
  await tx.run(`DELETE FROM ${t.cyc_budgets} WHERE cycle_id = ?`, [cycleId]);
  for (const [ordinal, { communityId, budget }] of communities.entries()) {
    await tx.run(
      `INSERT INTO ${t.cyc_budgets} (cycle_id, community_id, ordinal, budget) VALUES (?, ?, ?, ?)`,
      [cycleId, communityId, ordinal, budget],
    );
  }
}

async function recordHistory(
  tx: SqlExecutor,
  t: TableNames<CycleTable>,
  recorded: RecordedEvent,
  event: CycleEvent,
) {
  await tx.run(
    `INSERT INTO ${t.cyc_history} (cycle_id, position, type, at, data) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (cycle_id, position) DO NOTHING`,
    [
      event.data.cycleId,
      recorded.position,
      event.type,
      recorded.metadata.occurredAt,
      JSON.stringify(event.data),
    ],
  );
}
