// Hours reports (issue 14, item 7) for staff of a community or a street: confirmed hours over a
// period per team and per person, and each confirmed record as a row of the export (CSV with a
// BOM, columns of the national volunteer service information system's import; docs/volunteer-
// hours-export.md). Totals only: nothing is ranked.
import { z } from 'zod';
import { idSchema, isoDateSchema, refuse } from '@gongzhi/domain';
import { listConfirmedRecords } from '@gongzhi/projections/team';
import type { Context } from '../context.ts';
import { communityScope, streetScope } from '../organisation/places.ts';
import { caughtUpTo, minPositionSchema as minPosition } from '../positions.ts';
import { procedure } from '../trpc.ts';
import { nameOf, TEAM_STAFF } from './queries.ts';

const reportInput = z.object({
  streetId: idSchema,
  communityId: idSchema.optional(),
  from: isoDateSchema,
  until: isoDateSchema,
  minPosition,
});

/** Staff of the community named, or of the street when no community is named. */
const reportStaff = {
  roles: TEAM_STAFF,
  scope: async (input: z.output<typeof reportInput>, ctx: Context) => {
    if (!input.communityId) return streetScope(ctx, input.streetId);
    const scope = await communityScope(ctx, input.communityId);
    if (scope.streetId !== input.streetId) {
      return refuse(
        'invalid',
        'community_elsewhere',
        '这个社区不属于所选的街道。',
        'The community is not in the street chosen.',
        'communityId',
      );
    }
    return scope;
  },
  action: { 'zh-CN': '查看志愿服务时长统计', en: 'see the hours of volunteer service' },
};

export const reportProcedures = {
  /** Confirmed hours over a period: per team, per person, in all, and every record for export. */
  hours: procedure(reportStaff, reportInput).query(async ({ ctx, input }) => {
    await caughtUpTo(ctx, input.minPosition);
    if (input.from > input.until) {
      return refuse(
        'invalid',
        'period_backwards',
        '结束日期应不早于开始日期。',
        'The period must not end before it starts.',
        'until',
      );
    }
    const records = await listConfirmedRecords(
      ctx.services.readModels.db,
      input,
      input.from,
      input.until,
    );
    const names = new Map<string, string>();
    for (const id of new Set(records.map((r) => r.volunteerId))) {
      const name = await nameOf(ctx, id);
      names.set(id, typeof name === 'string' ? name : name['zh-CN']);
    }
    const sum = <K extends string>(key: (r: (typeof records)[number]) => K) => {
      const totals = new Map<K, { minutes: number; records: number }>();
      for (const r of records) {
        const t = totals.get(key(r)) ?? { minutes: 0, records: 0 };
        totals.set(key(r), { minutes: t.minutes + r.minutes, records: t.records + 1 });
      }
      return totals;
    };
    const teams = [...sum((r) => r.teamId)].map(([teamId, t]) => ({
      teamId,
      teamName: records.find((r) => r.teamId === teamId)!.teamName,
      ...t,
    }));
    // People in the order of their names, never by hours.
    const people = [...sum((r) => `${r.teamId}\n${r.volunteerId}`)]
      .map(([key, t]) => {
        const [teamId, volunteerId] = key.split('\n') as [string, string];
        return {
          teamId,
          volunteerId,
          name: names.get(volunteerId)!,
          teamName: records.find((r) => r.teamId === teamId)!.teamName,
          ...t,
        };
      })
      .sort((a, b) => a.teamName.localeCompare(b.teamName) || a.name.localeCompare(b.name));
    return {
      total: { minutes: records.reduce((s, r) => s + r.minutes, 0), records: records.length },
      teams: teams.sort((a, b) => a.teamName.localeCompare(b.teamName)),
      people,
      records: records.map((r) => ({
        recordId: r.recordId,
        teamName: r.teamName,
        volunteerId: r.volunteerId,
        name: names.get(r.volunteerId)!,
        date: r.date,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        minutes: r.minutes,
        place: r.place,
        content: r.content,
      })),
    };
  }),
};
