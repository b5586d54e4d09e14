// A team's activities and shifts (procedures merged into the team router): a leader plans
// shifts, shows the rotating sign-in code at the place, records attendance for someone without a
// phone and closes the shift (its attendance becomes service records to confirm); members sign
// up (wait-listed when full), cancel, confirm, and check in and out with the code.
import { z } from 'zod';
import {
  activityDescriptionSchema,
  activityTitleSchema,
  idSchema,
  refuse,
  shiftPlaceSchema,
  shiftSlotsSchema,
} from '@gongzhi/domain';
import { uuidv7 } from '@gongzhi/eventstore';
import { listActivities, listShiftPeople, readShift } from '@gongzhi/projections/team';
import { writerFor } from '../commands.ts';
import { now, type Context } from '../context.ts';
import { caughtUpTo, minPositionSchema as minPosition, written } from '../positions.ts';
import { procedure } from '../trpc.ts';
import { closeShift, onActivity } from './activities.ts';
import { teamState } from './commands.ts';
import { isTeamStaff, nameOf, teamNotFound } from './queries.ts';

const onShift = z.object({ activityId: idSchema, shiftId: idSchema });
const me = (ctx: Context) => ctx.account!.accountId;

/** A shift as the read model has it; 404 when there is none. */
async function shiftOf(ctx: Context, shiftId: string) {
  return (
    (await readShift(ctx.services.readModels.db, shiftId)) ??
    refuse(
      'not_found',
      'shift_not_found',
      `找不到这个班次（编号 ${shiftId}）。`,
      `There is no shift with id ${shiftId}.`,
    )
  );
}

/** Only a leader of the shift's team (or staff of its place) sees its list and its code. */
async function requireShiftLeader(ctx: Context, teamId: string) {
  const team = await teamState(ctx.services, teamId);
  if (team.status === 'none') return teamNotFound(teamId);
  if (team.people[me(ctx)] !== 'leader' && !isTeamStaff(ctx, team)) {
    refuse(
      'forbidden',
      'not_team_leader',
      `只有「${team.name}」的队长可以这样做。`,
      `Only a leader of “${team.name}” may do this.`,
    );
  }
  return team;
}

export const activityProcedures = {
  /** A team's activities and their shifts with places taken and waiting. */
  activities: procedure('public', z.object({ teamId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      return { activities: await listActivities(ctx.services.readModels.db, input.teamId) };
    },
  ),

  /** A leader plans an activity's shifts: planned times, place and slots. */
  planActivity: procedure(
    'signed_in',
    z.object({
      teamId: idSchema,
      title: activityTitleSchema,
      description: activityDescriptionSchema,
      shifts: z
        .array(
          z.object({
            startsAt: z.iso.datetime(),
            endsAt: z.iso.datetime(),
            place: shiftPlaceSchema,
            slots: shiftSlotsSchema,
          }),
        )
        .min(1)
        .max(20),
    }),
  ).mutation(async ({ ctx, input }) => {
    const activityId = uuidv7();
    const shifts = input.shifts.map((s) => ({ shiftId: uuidv7(), ...s }));
    const result = await onActivity(
      writerFor(ctx),
      activityId,
      (_, team) => ({
        type: 'PlanActivity',
        data: { ...input, activityId, shifts, plannedBy: me(ctx) },
        team,
        now: now(ctx).toISOString(),
      }),
      input.teamId,
    );
    return { activityId, shiftIds: shifts.map((s) => s.shiftId), ...written(result) };
  }),

  /** A member signs up for a shift; over its slots they are wait-listed. */
  signUp: procedure('signed_in', onShift).mutation(async ({ ctx, input }) => {
    const result = await onActivity(writerFor(ctx), input.activityId, (_, team) => ({
      type: 'SignUpForShift',
      data: { ...input, accountId: me(ctx) },
      team,
      now: now(ctx).toISOString(),
    }));
    const [event] = result.events;
    return {
      waitListed: event?.type === 'ShiftSignedUp' ? event.data.waitListed : null,
      ...written(result),
    };
  }),

  /** A member cancels their place or leaves the wait-list; the first waiting takes the place. */
  cancelSignUp: procedure('signed_in', onShift).mutation(async ({ ctx, input }) =>
    written(
      await onActivity(writerFor(ctx), input.activityId, () => ({
        type: 'CancelShiftSignUp',
        data: { ...input, accountId: me(ctx) },
        now: now(ctx).toISOString(),
      })),
    ),
  ),

  /** A member confirms they will come (asked a day ahead). */
  confirmShift: procedure('signed_in', onShift).mutation(async ({ ctx, input }) =>
    written(
      await onActivity(writerFor(ctx), input.activityId, () => ({
        type: 'ConfirmShift',
        data: { ...input, accountId: me(ctx) },
        now: now(ctx).toISOString(),
      })),
    ),
  ),

  /** The shift's people with names, and the current sign-in code, for its leaders. */
  shift: procedure('signed_in', z.object({ shiftId: idSchema, minPosition })).query(
    async ({ ctx, input }) => {
      await caughtUpTo(ctx, input.minPosition);
      const shift = await shiftOf(ctx, input.shiftId);
      await requireShiftLeader(ctx, shift.teamId);
      const people = await listShiftPeople(ctx.services.readModels.db, input.shiftId);
      const code = ctx.services.shiftCodes?.current(input.shiftId, now(ctx));
      return {
        shift,
        people: await Promise.all(
          people.map(async (p) => ({ ...p, name: await nameOf(ctx, p.accountId) })),
        ),
        code: code ? { code: code.code, validUntil: code.validUntil.toISOString() } : null,
      };
    },
  ),

  /** Checks the caller in or out at the place with the code the leader shows. */
  checkIn: procedure(
    'signed_in',
    onShift.extend({
      code: z.string().trim().min(1).max(40),
      direction: z.enum(['in', 'out']).default('in'),
    }),
  ).mutation(async ({ ctx, input }) => {
    const at = now(ctx);
    const codeValid = ctx.services.shiftCodes?.verify(input.shiftId, input.code, at) ?? false;
    return written(
      await onActivity(writerFor(ctx), input.activityId, (_, team) => ({
        type: 'RecordAttendance',
        data: { ...input, accountId: me(ctx), by: me(ctx) },
        method: { kind: 'code', codeValid },
        team,
        now: at.toISOString(),
      })),
    );
  }),

  /** A leader records a member's arrival or departure (someone without a phone). */
  recordAttendance: procedure(
    'signed_in',
    onShift.extend({ accountId: idSchema, direction: z.enum(['in', 'out']) }),
  ).mutation(async ({ ctx, input }) =>
    written(
      await onActivity(writerFor(ctx), input.activityId, (_, team) => ({
        type: 'RecordAttendance',
        data: { ...input, by: me(ctx) },
        method: { kind: 'leader' },
        team,
        now: now(ctx).toISOString(),
      })),
    ),
  ),

  /** A leader closes a shift: no-shows recorded, each attendance a service record to confirm. */
  closeShift: procedure('signed_in', onShift).mutation(async ({ ctx, input }) =>
    written(await closeShift(writerFor(ctx), { ...input, by: me(ctx) })),
  ),
};
