// Residents' in-app inbox: what they were told about the proposals they authored or co-signed,
// and the answers to the objections they filed; and the staff's inbox of work waiting for them.
import { z } from 'zod';
import { countUnread, listInbox, markNoticesRead } from '@gongzhi/projections/notification';
import { currentLocale } from '../input.ts';
import { caughtUpTo, decimalSchema, minPositionSchema } from '../positions.ts';
import { procedure, router } from '../trpc.ts';
import { listStaffWork } from './staff-inbox.ts';

export const notificationRouter = router({
  /** My notices, newest first, and how many are unread. */
  inbox: procedure(
    'resident',
    z
      .object({
        unreadOnly: z.boolean().optional(),
        limit: z.number().int().min(1).max(200).optional(),
        minPosition: minPositionSchema,
      })
      .optional(),
  ).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input?.minPosition);
    const db = ctx.services.readModels.db;
    const residentId = ctx.account!.accountId;
    return {
      notices: await listInbox(db, residentId, {
        ...(input?.unreadOnly === undefined ? {} : { unreadOnly: input.unreadOnly }),
        ...(input?.limit === undefined ? {} : { limit: input.limit }),
      }),
      unread: await countUnread(db, residentId),
    };
  }),

  /**
   * What waits for the signed-in staff member's act, newest first, each with the page where it is
   * done (staff-inbox.ts); a resident has no staff work.
   */
  staffInbox: procedure('signed_in', z.object({ minPosition: minPositionSchema }).optional()).query(
    async ({ ctx, input }) => {
      const account = ctx.account!;
      await caughtUpTo(ctx, input?.minPosition);
      return {
        items:
          account.kind === 'staff' ? await listStaffWork(ctx.services.readModels.db, account) : [],
      };
    },
  ),

  /** Marks my notices read: those named, or all (`all: true`). */
  markRead: procedure(
    'resident',
    z
      .object({
        noticeIds: z.array(decimalSchema).min(1).max(200).optional(),
        all: z.literal(true).optional(),
      })
      .superRefine((input, issues) => {
        if ((input.noticeIds === undefined) === (input.all === undefined)) {
          issues.addIssue({
            code: 'custom',
            path: ['noticeIds'],
            message: {
              'zh-CN': '请指明要标为已读的消息，或选择全部（二者选一）',
              en: 'Name the notices to mark read, or all of them (one of the two)',
            }[currentLocale()],
          });
        }
      }),
  ).mutation(async ({ ctx, input }) => {
    const db = ctx.services.readModels.db;
    const residentId = ctx.account!.accountId;
    const at = (ctx.services.now?.() ?? new Date()).toISOString();
    const marked = await markNoticesRead(
      db,
      residentId,
      input.noticeIds ? { positions: input.noticeIds.map((id) => BigInt(id)) } : 'all',
      at,
    );
    return { marked, unread: await countUnread(db, residentId) };
  }),
});
