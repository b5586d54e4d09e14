// Following a deliberative body (关注议事机构): stream `meetingfollow-<bodyId>-<residentId>`, one
// resident following one body. A follower is told of each meeting the body convenes, as its
// roster is. Meetings are public, so any resident may follow any body. docs/events.md is the
// catalogue.
import { z } from 'zod';
import { eventParsing, type EventUnion } from '../../shared/events.ts';
import { idSchema } from '../../organisation/events.ts';

export const bodyFollowEventSchemas = {
  BodyFollowed: {
    version: 1,
    schema: z.object({ bodyId: idSchema, residentId: idSchema }),
  },
  BodyUnfollowed: {
    version: 1,
    schema: z.object({ bodyId: idSchema, residentId: idSchema }),
  },
} as const;

type Schemas = typeof bodyFollowEventSchemas;
export type BodyFollowEventType = keyof Schemas;
export type BodyFollowEventData<T extends BodyFollowEventType> = z.output<Schemas[T]['schema']>;
export type BodyFollowEvent = EventUnion<Schemas>;
export type BodyFollowEventOf<T extends BodyFollowEventType> = Extract<
  BodyFollowEvent,
  { type: T }
>;

export const {
  types: bodyFollowEventTypes,
  isType: isBodyFollowEventType,
  parse: parseBodyFollowEvent,
} = eventParsing(bodyFollowEventSchemas, 'a body follow event');

export const bodyFollowStreams = {
  follow: (bodyId: string, residentId: string) => `meetingfollow-${bodyId}-${residentId}`,
};
