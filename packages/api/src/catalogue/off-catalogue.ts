// Off-catalogue tasks (清单外事项): a community worker (or its street's officer) records a task
// pushed to the community that no admission catalogue admits — who pushed it, when and how; the
// community's staff and the street's officers see the lists, the street with counts by department.
import { z } from 'zod';
import {
  catalogueStreams,
  chinaDate,
  idSchema,
  offCatalogueTaskDecider,
  offCatalogueTaskInputSchema,
  refuse,
  say,
  type OffCatalogueTaskInput,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { listOffCatalogueTasks } from '@gongzhi/projections/catalogue';
import { communityStaff } from '../access.ts';
import { executeCommand, readState, writerFor, type Writer } from '../commands.ts';
import { LEDGER_STAFF, ledgerStreetStaff } from '../ledger/procedure-helpers.ts';
import { communityRecord } from '../organisation/commands.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import { catalogueCodec } from './commands.ts';

export const offCatalogueTaskRecord = (taskId: string) => ({
  stream: catalogueStreams.offCatalogueTask(taskId),
  decider: offCatalogueTaskDecider,
  codec: catalogueCodec,
});

/** Records a task pushed to an open community; the street is the community's own. */
export const recordOffCatalogueTask = (
  w: Writer,
  data: OffCatalogueTaskInput & { taskId: string; communityId: string },
) =>
  executeCommand(w.store, {
    ...offCatalogueTaskRecord(data.taskId),
    command: async () => {
      const community = (await readState(w.store, communityRecord(data.communityId))).state;
      if (community.status !== 'open') {
        return refuse(
          'conflict',
          'community_not_open',
          '这个社区或村不在册，不能登记。',
          'This community or village is not open; nothing can be recorded for it.',
          'communityId',
        );
      }
      return {
        type: 'RecordOffCatalogueTask' as const,
        data: { ...data, streetId: community.streetId, recordedBy: w.metadata.actor },
        today: chinaDate(w.metadata.occurredAt),
      };
    },
    subject: () => say('清单外事项', 'The off-catalogue task'),
    metadata: w.metadata,
  });

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
