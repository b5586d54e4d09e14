// Deciders after Emmett: pure functions, no I/O. A command is decided on the state folded
// from the stream's events; the resulting events are appended at the revision it was read at.

/** A domain event as the decider sees it; the store adds id, metadata, revision, position. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /** Returns the events the command causes, or throws a DomainError saying why not. */
  decide: (command: Command, state: State) => Event[];
}

export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
