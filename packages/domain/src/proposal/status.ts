// Where a proposal's stream stands (the diagram in state.ts); the decider and the texts that
// name each status (describe.ts) both read it.
export type ProposalStatus =
  | 'submitted'
  | 'survey'
  | 'pool'
  | 'infeasible'
  | 'rejected'
  | 'returned'
  | 'resubmitted'
  | 'withdrawn'
  | 'merged';
