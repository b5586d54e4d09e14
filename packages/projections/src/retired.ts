// Projection versions that were split or removed. The runner drops their tables and checkpoint on
// the first start that finds them, and their successors are built from the log. An entry may go
// once every deployment has started after it.
import type { RetiredProjection } from './types.ts';

export const retiredProjections: readonly RetiredProjection[] = [
  {
    // Split into proposal (v3), round_tables and proposal_feedback.
    name: 'proposal',
    version: 2,
    tables: [
      'prop_proposals',
      'prop_participants',
      'prop_timeline',
      'prop_round_tables',
      'prop_cycle_phases',
      'prop_forgotten_residents',
      'prop_outcomes',
      'prop_feedback',
      'prop_feedback_messages',
    ],
  },
  {
    // Split into organisation (v3: the city, streets and communities) and staff.
    name: 'organisation',
    version: 2,
    tables: [
      'org_cities',
      'org_streets',
      'org_communities',
      'org_staff_accounts',
      'org_role_grants',
    ],
  },
  {
    // Split into ballot (v2: the bulletin), ballot_voters and ballot_tallies.
    name: 'ballot',
    version: 1,
    tables: ['bal_bulletin', 'bal_voters', 'bal_tallies'],
  },
];
