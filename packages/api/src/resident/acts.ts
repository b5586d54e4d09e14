// Describing an act done on a resident's behalf (a row of the acts_on_behalf read model) at query
// time: its event is read from the store and described by the domain's description of its
// module, in both languages.
import {
  describeBallotEvent,
  describeCycleEvent,
  describeOrganisationEvent,
  describeProposalEvent,
  describeResidentEvent,
  isBallotEventType,
  isCycleEventType,
  isOrganisationEventType,
  isProposalEventType,
  isResidentEventType,
  parseBallotEvent,
  parseCycleEvent,
  parseOrganisationEvent,
  parseProposalEvent,
  parseResidentEvent,
  type LocalizedText,
} from '@gongzhi/domain';
import type { EventStore, RecordedEvent } from '@gongzhi/eventstore';
import type { ActOnBehalfRow } from '@gongzhi/projections/resident';

/** What an event did, in the words of its module. A ballot says only that it was cast or changed. */
export function describeEvent({ type, data }: RecordedEvent): LocalizedText {
  if (isResidentEventType(type)) return describeResidentEvent(parseResidentEvent(type, data));
  if (isProposalEventType(type)) return describeProposalEvent(parseProposalEvent(type, data));
  if (isBallotEventType(type)) return describeBallotEvent(parseBallotEvent(type, data));
  if (isCycleEventType(type)) return describeCycleEvent(parseCycleEvent(type, data));
  if (isOrganisationEventType(type)) {
    return describeOrganisationEvent(parseOrganisationEvent(type, data));
  }
  throw new Error(`No module describes the event type ${type}`);
}

/** The event an act points at. */
export async function readAct(store: EventStore, act: ActOnBehalfRow): Promise<RecordedEvent> {
  const [event] = await store.readStream(act.stream, { from: act.revision, maxCount: 1 });
  if (event?.position !== act.position) {
    throw new Error(`The act at ${act.position} is not event ${act.revision} of ${act.stream}`);
  }
  return event;
}
