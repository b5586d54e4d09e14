// Screening's round-table (邻里圆桌会) held through this module: the worker turns the motions a
// round-table meeting adopted into its decisions on the cycle's proposals (the workflow
// workflows/round-table-meeting.ts records them in the proposal module).
import { z } from 'zod';
import { idSchema, reasonSchema, say } from '@gongzhi/domain';
import { writerFor } from '../commands.ts';
import { written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import { decideAtRoundTableMeeting } from '../workflows/round-table-meeting.ts';
import { MEETING_STAFF, meetingStaff } from './procedure-helpers.ts';

export const meetingRoundTableProcedures = {
  /** Each adopted motion of a round-table meeting admits, rejects or returns one proposal. */
  decideProposals: procedure(
    meetingStaff(MEETING_STAFF, say('依据圆桌会决议处理建议', 'decide proposals at a round-table')),
    z.object({
      meetingId: idSchema,
      cycleId: idSchema,
      decisions: z
        .array(
          z.discriminatedUnion('decision', [
            z.object({
              motionId: idSchema,
              proposalId: idSchema,
              decision: z.literal('pool'),
              reason: reasonSchema.optional(),
            }),
            z.object({
              motionId: idSchema,
              proposalId: idSchema,
              decision: z.enum(['reject', 'revise']),
              reason: reasonSchema,
            }),
          ]),
        )
        .min(1)
        .max(200),
    }),
  ).mutation(async ({ ctx, input }) =>
    written(await decideAtRoundTableMeeting(writerFor(ctx), input)),
  ),
};
