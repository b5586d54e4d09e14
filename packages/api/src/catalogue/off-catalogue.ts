// Off-catalogue tasks (清单外事项): a community worker (or its street's officer) records a task
// pushed to the community that no admission catalogue admits — who pushed it, when and how; the
// community's staff and the street's officers see the lists, the street with counts by department.
import { z } from 'zod';
import { idSchema, offCatalogueTaskInputSchema, say } from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { listOffCatalogueTasks } from '@gongzhi/projections/catalogue';
import { communityStaff } from '../access.ts';
import { writerFor } from '../commands.ts';
import { LEDGER_STAFF, ledgerStreetStaff } from '../ledger/procedure-helpers.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import { recordOffCatalogueTask } from './commands.ts';

const RECORD = say('登记清单外事项', 'record an off-catalogue task');

export const offCatalogueProcedures = {
  recordOffCatalogueTask: procedure(
    communityStaff(LEDGER_STAFF, RECORD),
    offCatalogueTaskInputSchema.extend({ communityId: idSchema }),
  ).mutation(async ({ ctx, input }) => {
    const taskId = uuidv7();
    const result = await recordOffCatalogueTask(writerFor(ctx), { ...input, taskId });
    return { taskId, ...written(result) };
  }),

  /** A community's off-catalogue tasks, for its staff. */
  communityOffCatalogueTasks: procedure(
    communityStaff(LEDGER_STAFF, say('查看清单外事项', 'see off-catalogue tasks')),
    z.object({ communityId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return listOffCatalogueTasks(ctx.services.readModels.db, { communityId: input.communityId });
  }),

  /** A street's off-catalogue tasks, with counts by the department that pushed them. */
  streetOffCatalogueTasks: procedure(
    ledgerStreetStaff(say('查看街道的清单外事项', 'see the street’s off-catalogue tasks')),
    z.object({ streetId: idSchema, minPosition }),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    return listOffCatalogueTasks(ctx.services.readModels.db, { streetId: input.streetId });
  }),
};
