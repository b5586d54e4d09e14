// Queries on the resolutions read model (projection.ts).
import type { ResolutionLink } from '@gongzhi/domain';
import type { SqlExecutor, SqlRow } from '../../types.ts';

export interface ResolutionView {
  resolutionId: string;
  meetingId: string;
  motionId: string;
  communityId: string | null;
  text: string;
  owner: string;
  dueOn: string;
  topicId: string | null;
  link: ResolutionLink | null;
  status: 'open' | 'closed';
  report: string | null;
  closedOn: string | null;
  late: boolean;
  progress: { on: string; text: string }[];
}

async function withProgress(db: SqlExecutor, rows: SqlRow[]): Promise<ResolutionView[]> {
  return Promise.all(
    rows.map(async (row) => {
      const progress = await db.all(
        `SELECT on_day, text FROM mtg_resolution_progress WHERE resolution_id = ? ORDER BY position`,
        [String(row.resolution_id)],
      );
      return {
        resolutionId: String(row.resolution_id),
        meetingId: String(row.meeting_id),
        motionId: String(row.motion_id),
        communityId: row.community_id === null ? null : String(row.community_id),
        text: String(row.text),
        owner: String(row.owner),
        dueOn: String(row.due_on),
        topicId: row.topic_id === null ? null : String(row.topic_id),
        link: row.link === null ? null : (JSON.parse(String(row.link)) as ResolutionLink),
        status: String(row.status) as ResolutionView['status'],
        report: row.report === null ? null : String(row.report),
        closedOn: row.closed_on === null ? null : String(row.closed_on),
        late: Number(row.late) === 1,
        progress: progress.map((p) => ({ on: String(p.on_day), text: String(p.text) })),
      };
    }),
  );
}

export async function listResolutionsOfMeeting(db: SqlExecutor, meetingId: string) {
  return withProgress(
    db,
    await db.all(`SELECT * FROM mtg_resolutions WHERE meeting_id = ? ORDER BY position`, [
      meetingId,
    ]),
  );
}

export async function listResolutionsOfTopic(db: SqlExecutor, topicId: string) {
  return withProgress(
    db,
    await db.all(`SELECT * FROM mtg_resolutions WHERE topic_id = ? ORDER BY position`, [topicId]),
  );
}

/** Open resolutions past their due day, of a community or of a street, most overdue first. */
export async function listOverdueResolutions(
  db: SqlExecutor,
  place: { communityId: string } | { streetId: string },
  today: string,
) {
  const [column, id] =
    'communityId' in place ? ['community_id', place.communityId] : ['street_id', place.streetId];
  return withProgress(
    db,
    await db.all(
      `SELECT * FROM mtg_resolutions WHERE ${column} = ? AND status = 'open' AND due_on < ?
       ORDER BY due_on, position`,
      [id, today],
    ),
  );
}
