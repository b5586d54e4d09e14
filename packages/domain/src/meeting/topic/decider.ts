// The topic stream's decider: `decide` only says which command function decides a command.
import type { Decider } from '../../shared/decider.ts';
import type { TopicEvent } from './events.ts';
import {
  acceptTopic,
  declineTopic,
  mergeTopic,
  raiseTopic,
  scheduleTopic,
  supportTopic,
  type AcceptTopic,
  type DeclineTopic,
  type MergeTopic,
  type RaiseTopic,
  type ScheduleTopic,
  type SupportTopic,
} from './commands.ts';
import { evolveTopic, initialTopicState, type TopicState } from './state.ts';

export type TopicCommand =
  RaiseTopic | SupportTopic | AcceptTopic | MergeTopic | DeclineTopic | ScheduleTopic;

export function decideTopic(command: TopicCommand, state: TopicState): TopicEvent[] {
  switch (command.type) {
    case 'RaiseTopic':
      return raiseTopic(command, state);
    case 'SupportTopic':
      return supportTopic(command, state);
    case 'AcceptTopic':
      return acceptTopic(command, state);
    case 'MergeTopic':
      return mergeTopic(command, state);
    case 'DeclineTopic':
      return declineTopic(command, state);
    case 'ScheduleTopic':
      return scheduleTopic(command, state);
  }
}

export const topicDecider: Decider<TopicCommand, TopicEvent, TopicState> = {
  initialState: initialTopicState,
  evolve: evolveTopic,
  decide: decideTopic,
};
