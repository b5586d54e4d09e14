// The staff's desk of projects, merged into the project router: every project of a community or
// a street with its stage, progress and the supervision reports still owed an answer (overdue
// first). Department staff and consultants find their work here; the street sees overdue answers
// across all its communities.
import { z } from 'zod';
import { idSchema, type Scope } from '@gongzhi/domain';
import { listCommunities } from '@gongzhi/projections/organisation';
import { listProjectsOfCommunities, listWaitingReports } from '@gongzhi/projections/project';
import { today, type Context } from '../context.ts';
import { communityScope, streetScope } from '../organisation/places.ts';
import { caughtUpTo, minPositionSchema as minPosition } from '../positions.ts';
import { procedure } from '../trpc.ts';
import { PROJECT_STAFF } from './procedure-helpers.ts';

const deskPlaceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('community'), communityId: idSchema }),
  z.object({ type: z.literal('street'), streetId: idSchema }),
]);
type DeskPlace = z.infer<typeof deskPlaceSchema>;

const deskScope = (ctx: Context, place: DeskPlace): Promise<Scope> =>
  place.type === 'community'
    ? communityScope(ctx, place.communityId)
    : streetScope(ctx, place.streetId);

async function communitiesOf(ctx: Context, place: DeskPlace): Promise<string[]> {
  if (place.type === 'community') return [place.communityId];
  const communities = await listCommunities(ctx.services.readModels.db, place.streetId);
  return communities.map((c) => c.communityId);
}

export const workProcedures = {
  /** The projects of a community or street, with the reports waiting for an answer. */
  desk: procedure(
    {
      roles: PROJECT_STAFF,
      scope: (input: { place: DeskPlace }, ctx) => deskScope(ctx, input.place),
      action: { 'zh-CN': '查看项目工作台', en: 'see the projects desk' },
    },
    z.object({ place: deskPlaceSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    const db = ctx.services.readModels.db;
    const communityIds = await communitiesOf(ctx, input.place);
    const [projects, reports] = await Promise.all([
      listProjectsOfCommunities(db, communityIds),
      listWaitingReports(db, communityIds, today(ctx)),
    ]);
    const waiting = new Map<string, { waiting: number; overdue: number }>();
    for (const report of reports) {
      const counts = waiting.get(report.projectId) ?? { waiting: 0, overdue: 0 };
      counts.waiting += 1;
      if (report.overdue) counts.overdue += 1;
      waiting.set(report.projectId, counts);
    }
    return {
      projects: projects.map((project) => ({
        ...project,
        reportsWaiting: waiting.get(project.projectId)?.waiting ?? 0,
        reportsOverdue: waiting.get(project.projectId)?.overdue ?? 0,
      })),
      reports,
    };
  }),
};
