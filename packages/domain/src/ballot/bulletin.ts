// What of a community's bulletin is public. During voting (and before) only the number of ballots
// cast: a bulletin that changed as ballots came in would show a receipt's choices change as the
// voter changed them. Once voting has closed, every ballot by receipt when the community has at
// least the cycle's minimum of ballots; below it only the totals per project, because a handful of
// ballots published one by one shows each voter's choices to anyone who knows who voted.
import { hasReached } from '../cycle/state.ts';
import { defaultBulletinMinimum, type CycleStage } from '../cycle/events.ts';

export type BulletinDisclosure =
  /** Voting has not closed: the number of ballots only. */
  | 'count'
  /** Too few ballots to be secret: votes per project, no ballot lines. */
  | 'totals'
  /** Every counted ballot by receipt, and the files to count them again. */
  | 'ballots';

export function bulletinDisclosure(
  stage: CycleStage,
  minimum: number | undefined,
  ballots: number,
): BulletinDisclosure {
  if (!hasReached(stage, 'publicity')) return 'count';
  return ballots >= (minimum ?? defaultBulletinMinimum) ? 'ballots' : 'totals';
}
