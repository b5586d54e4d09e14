// Projects (家园共建): the public implementation board and project page; the street's acts
// (立项, 概审, suspending, resuming, cancelling) and the implementer's (采购, 开工, milestones,
// payments, 完工, 验收, 结算) are merged from staff.ts. Money is integer fen in every input.
import { z } from 'zod';
import { idSchema } from '@gongzhi/domain';
import { cycleStaff } from '../access.ts';
import { writerFor } from '../commands.ts';
import { caughtUpTo, minPositionSchema as minPosition } from '../positions.ts';
import { procedure, router } from '../trpc.ts';
import { openProjects } from './commands.ts';
import { readBoard, readProjectPage } from './queries.ts';
import { staffProcedures } from './staff.ts';
import { supervisionProcedures } from './supervision-procedures.ts';
import { surveyProcedures } from './survey-procedures.ts';
import { workProcedures } from './work-procedures.ts';

export const projectRouter = router({
  /** The implementation board of a cycle: each project's stage and progress, of one community or all. */
  board: procedure(
    'public',
    z.object({ cycleId: idSchema, communityId: idSchema.optional(), minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return readBoard(ctx, input);
  }),

  /** One project: stages, money, milestones, payments, its timeline and its proposal's. */
  get: procedure('public', z.object({ projectId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return readProjectPage(ctx, input.projectId);
    },
  ),

  /**
   * Opens the projects of a confirmed cycle's winners that are not open yet: confirming opens them,
   * and this finishes the work should the process have stopped in between (it opens none twice).
   */
  openForCycle: procedure(
    cycleStaff({ 'zh-CN': '为入选项目建立实施项目', en: 'open the selected projects' }),
    z.object({ cycleId: idSchema }),
  ).mutation(async ({ ctx, input }) => {
    const opened = await openProjects(writerFor(ctx), input.cycleId);
    const position = opened.at(-1)?.position ?? (await ctx.services.store.headPosition()) ?? 0n;
    return { opened: opened.length, position: String(position) };
  }),

  ...staffProcedures,
  ...surveyProcedures,
  ...supervisionProcedures,
  ...workProcedures,
});
