// Pages as of a past date (time travel, docs/time-travel.md): a request that carries the header
// `x-gongzhi-as-of: YYYY-MM-DD` reads the public record as it stood at the end of that day, China
// time. Its public queries run unchanged on a context whose store and read models are those of
// the snapshot (ApiServices.asOf), whose clock is that day's last moment, and in which nobody is
// signed in; anything else (a command, a query for staff or a resident) is refused. A day from
// today on is today's record.
import { refuse } from '@gongzhi/domain';
import { today, type Context } from './context.ts';

const DAY_MS = 86_400_000;

/** The first instant after `day` (YYYY-MM-DD) in China (UTC+8), or undefined for no such day. */
export function endOfChinaDay(day: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const start = Date.parse(`${day}T00:00:00+08:00`);
  if (Number.isNaN(start) || new Date(start + 8 * 3_600_000).toISOString().slice(0, 10) !== day) {
    return undefined;
  }
  return new Date(start + DAY_MS);
}

/**
 * The context a procedure runs in for a request as of `ctx.asOf`: refuses what a view of the past
 * cannot do, answers today's context for today or a later day, else the snapshot's.
 */
export async function asOfContext(ctx: Context, publicQuery: boolean): Promise<Context> {
  const day = ctx.asOf!;
  const until = endOfChinaDay(day);
  if (!until) {
    return refuse(
      'invalid',
      'as_of_invalid',
      `「${day.slice(0, 20)}」不是一个日期，请按 YYYY-MM-DD 填写（例如 2026-05-01）。`,
      `“${day.slice(0, 20)}” is not a date; give it as YYYY-MM-DD (e.g. 2026-05-01).`,
    );
  }
  if (!publicQuery) {
    return refuse(
      'invalid',
      'as_of_read_only',
      '查看过去某日的记录时只能看公开信息，不能办理或更改任何事项；请回到今天的页面再操作。',
      'A view as of a past date shows the public record only; nothing can be done or changed in it. Go back to today’s page to act.',
    );
  }
  if (day >= today(ctx)) return ctx;
  const service = ctx.services.asOf;
  if (!service) {
    return refuse(
      'invalid',
      'as_of_unavailable',
      '这台服务器不提供过去某日的记录。',
      'This server does not offer the record as of a past date.',
    );
  }
  const snapshot = await service(until);
  const lastMoment = new Date(until.getTime() - 1);
  return {
    ...ctx,
    account: null,
    tokenSource: null,
    services: {
      ...ctx.services,
      store: snapshot.store,
      readModels: snapshot.readModels,
      now: () => lastMoment,
    },
  };
}
