// An objection (异议) to a cycle's selection during its public notice (公示, 群众共督): stream
// `objection-<objectionId>`. The state folded from the stream; its commands are in commands.ts,
// wired in decider.ts.
import type { ObjectionTarget, OutcomeEvent } from './events.ts';

export type ObjectionState =
  | { status: 'none' }
  | {
      status: 'filed' | 'upheld' | 'dismissed';
      objectionId: string;
      cycleId: string;
      communityId: string;
      target: ObjectionTarget;
      filedBy: string;
    };

export const initialObjectionState = (): ObjectionState => ({ status: 'none' });

export function evolveObjection(state: ObjectionState, event: OutcomeEvent): ObjectionState {
  switch (event.type) {
    case 'ObjectionFiled': {
      const { objectionId, cycleId, communityId, target, filedBy } = event.data;
      return { status: 'filed', objectionId, cycleId, communityId, target, filedBy };
    }
    case 'ObjectionUpheld':
      return state.status === 'none' ? state : { ...state, status: 'upheld' };
    case 'ObjectionDismissed':
      return state.status === 'none' ? state : { ...state, status: 'dismissed' };
  }
}
