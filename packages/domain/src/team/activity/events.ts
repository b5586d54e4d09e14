// A team's activity (活动) and its shifts (班次): stream `activity-<activityId>`. A leader plans the
// shifts (planned times, place, slots); members sign up, over the slots onto a wait-list, from
// which the first is promoted when someone cancels; they confirm a day ahead; at the place they
// check in and out with the leader's rotating code, or the leader records it for them; closing
// a shift records who attended and who did not come (no-shows), and the API turns each attendance
// into a service record. docs/events.md is the catalogue.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../../shared/events.ts';
import { inputText, storedText } from '../../shared/text.ts';
import { idSchema } from '../../organisation/events.ts';

const TITLE = { min: 2, max: 60 };
const DESCRIPTION = { max: 1000 };
const PLACE = { max: 100 };

export const activityTitleSchema = inputText.line(TITLE);
export const activityDescriptionSchema = inputText.paragraph(DESCRIPTION);
export const shiftPlaceSchema = inputText.line(PLACE);
export const shiftSlotsSchema = z.number().int().min(1).max(500);

const shift = {
  shiftId: idSchema,
  /** Planned times, ISO-8601 UTC. */
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  place: storedText.line(PLACE),
  slots: shiftSlotsSchema,
};
const onShift = { activityId: idSchema, shiftId: idSchema, accountId: idSchema };
/** By the person's own code (扫码) or recorded by a leader (for someone without a phone). */
export const attendanceMethodSchema = z.enum(['code', 'leader']);

export const activityEventSchemas = {
  ActivityPlanned: {
    version: 1,
    schema: z.object({
      activityId: idSchema,
      teamId: idSchema,
      title: storedText.line(TITLE),
      description: storedText.paragraph(DESCRIPTION),
      shifts: z.array(z.object(shift)).min(1).max(20),
      plannedBy: idSchema,
    }),
  },
  ShiftSignedUp: {
    version: 1,
    schema: z.object({ ...onShift, waitListed: z.boolean() }),
  },
  ShiftSignUpCancelled: {
    version: 1,
    schema: z.object({ ...onShift, wasWaitListed: z.boolean() }),
  },
  ShiftWaitListPromoted: {
    version: 1,
    schema: z.object(onShift),
  },
  ShiftAttendanceConfirmed: {
    version: 1,
    schema: z.object(onShift),
  },
  ShiftCheckedIn: {
    version: 1,
    schema: z.object({
      ...onShift,
      at: z.iso.datetime(),
      method: attendanceMethodSchema,
      by: idSchema,
    }),
  },
  ShiftCheckedOut: {
    version: 1,
    schema: z.object({
      ...onShift,
      at: z.iso.datetime(),
      method: attendanceMethodSchema,
      by: idSchema,
    }),
  },
  ShiftReminderSent: {
    version: 1,
    schema: z.object({
      activityId: idSchema,
      shiftId: idSchema,
      /** Those holding a place who had not confirmed: they are asked to. */
      accountIds: z.array(idSchema).min(1),
      title: storedText.line(TITLE),
      startsAt: z.iso.datetime(),
      place: storedText.line(PLACE),
    }),
  },
  ShiftClosed: {
    version: 1,
    schema: z.object({
      activityId: idSchema,
      shiftId: idSchema,
      /** Who was on site, from check-in to check-out (the planned end when they did not check out). */
      attended: z.array(
        z.object({ accountId: idSchema, arrivedAt: z.iso.datetime(), leftAt: z.iso.datetime() }),
      ),
      /** Signed up (not wait-listed) and never checked in. */
      noShows: z.array(idSchema),
      closedBy: idSchema,
    }),
  },
} as const;

type Schemas = typeof activityEventSchemas;
export type ActivityEventType = keyof Schemas;
export type ActivityEventData<T extends ActivityEventType> = z.output<Schemas[T]['schema']>;
export type ActivityEvent = EventUnion<Schemas>;
export type ActivityEventOf<T extends ActivityEventType> = Extract<ActivityEvent, { type: T }>;

export const {
  types: activityEventTypes,
  isType: isActivityEventType,
  parse: parseActivityEvent,
} = eventParsing(activityEventSchemas, 'an activity event');

export const activityStreams = {
  activity: (activityId: string) => `activity-${activityId}`,
};
