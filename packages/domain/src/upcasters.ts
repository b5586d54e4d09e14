// Every module's upcasters in one registry, for whatever opens the log to read it (the API's
// store, the projection rebuild, the as-of rebuild): a module with older event versions adds its
// own here.
import type { EventUpcasters } from './shared/events.ts';
import { meetingUpcasters } from './meeting/upcasters.ts';

export const eventUpcasters: EventUpcasters = { ...meetingUpcasters };
