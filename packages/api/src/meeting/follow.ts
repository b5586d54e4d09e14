// Following a deliberative body (关注议事机构), merged into the meeting router: a resident follows
// or unfollows a body and is told of each meeting it convenes. Decided on the resident's own
// follow stream and on what the body's stream says now (an unknown body is refused).
import { z } from 'zod';
import {
  bodyFollowDecider,
  bodyFollowEventSchemas,
  bodyFollowStreams,
  idSchema,
  parseBodyFollowEvent,
  type BodyFollowEvent,
  type LocalizedText,
} from '@gongzhi/domain';
import { executeCommand, readState, writerFor, type EventCodec } from '../commands.ts';
import { written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import { bodyRecord } from './commands.ts';

const described: Record<BodyFollowEvent['type'], LocalizedText> = {
  BodyFollowed: { 'zh-CN': '关注了议事机构', en: 'followed the body' },
  BodyUnfollowed: { 'zh-CN': '取消关注议事机构', en: 'stopped following the body' },
};

const bodyFollowCodec: EventCodec<BodyFollowEvent> = {
  read: (recorded) => parseBodyFollowEvent(recorded.type, recorded.data),
  versionOf: (type) => bodyFollowEventSchemas[type].version,
  describe: (event) => described[event.type],
};

export const meetingFollowProcedures = {
  /** The resident follows a body (`follow: true`) or stops following it; repeating writes nothing. */
  follow: procedure('resident', z.object({ bodyId: idSchema, follow: z.boolean() })).mutation(
    async ({ ctx, input }) => {
      const w = writerFor(ctx);
      const data = { bodyId: input.bodyId, residentId: ctx.account!.accountId };
      return written(
        await executeCommand(w.store, {
          decider: bodyFollowDecider,
          codec: bodyFollowCodec,
          stream: bodyFollowStreams.follow(data.bodyId, data.residentId),
          command: async () =>
            input.follow
              ? {
                  type: 'FollowBody' as const,
                  data,
                  body: (await readState(w.store, bodyRecord(data.bodyId))).state,
                }
              : { type: 'UnfollowBody' as const, data },
          subject: () => ({ 'zh-CN': '关注', en: 'Following' }),
          metadata: w.metadata,
        }),
      );
    },
  ),
};
