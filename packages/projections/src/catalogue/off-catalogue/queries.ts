// Queries on the off-catalogue tasks read model (projection.ts).
import type { OffCatalogueChannel } from '@gongzhi/domain';
import type { SqlExecutor } from '../../types.ts';

export interface OffCatalogueTaskView {
  taskId: string;
  communityId: string;
  streetId: string;
  title: string;
  pushedBy: string;
  pushedOn: string;
  channel: OffCatalogueChannel;
  notes: string | null;
}

/** A community's or a street's off-catalogue tasks, newest first, with the count by department. */
export async function listOffCatalogueTasks(
  db: SqlExecutor,
  place: { communityId: string } | { streetId: string },
): Promise<{ tasks: OffCatalogueTaskView[]; byDepartment: { pushedBy: string; tasks: number }[] }> {
  const [column, id] =
    'communityId' in place ? ['community_id', place.communityId] : ['street_id', place.streetId];
  const rows = await db.all(
    `SELECT * FROM cat_off_tasks WHERE ${column} = ? ORDER BY pushed_on DESC, task_id DESC
     LIMIT 500`,
    [id],
  );
  const counts = await db.all(
    `SELECT pushed_by, COUNT(*) AS tasks FROM cat_off_tasks WHERE ${column} = ?
     GROUP BY pushed_by ORDER BY tasks DESC, pushed_by`,
    [id],
  );
  return {
    tasks: rows.map((r) => ({
      taskId: String(r.task_id),
      communityId: String(r.community_id),
      streetId: String(r.street_id),
      title: String(r.title),
      pushedBy: String(r.pushed_by),
      pushedOn: String(r.pushed_on),
      channel: String(r.channel) as OffCatalogueChannel,
      notes: r.notes === null ? null : String(r.notes),
    })),
    byDepartment: counts.map((c) => ({ pushedBy: String(c.pushed_by), tasks: Number(c.tasks) })),
  };
}
