// The law's defaults and the arithmetic of quorum, majority and notice. Pure: pages show the same
// figures the deciders decide on.
//
// - 村民代表会议 (villager representatives, 村民委员会组织法 art. 26): sits with at least two thirds
//   of its members present and decides by more than half of those present. Councils and round
//   tables (representative bodies) take the same default.
// - 居民会议 (residents' meeting, 城市居民委员会组织法 art. 10): more than half present, decided by
//   more than half of those present. Owners' talks and hearings take the same default.
// - Notice: three days by default (local practice; a setting of each body).
import type { BodyKind, BodyRules, MajorityRule, QuorumRule } from './events.ts';

export const DEFAULT_NOTICE_DAYS = 3;

const REPRESENTATIVE: readonly BodyKind[] = [
  'residents_council',
  'round_table',
  'villager_representatives',
];

/** The rules a body of `kind` takes unless it sets its own. */
export function defaultBodyRules(kind: BodyKind): BodyRules {
  return {
    quorum: REPRESENTATIVE.includes(kind) ? 'two_thirds' : 'more_than_half',
    majority: 'of_present',
    noticeDays: DEFAULT_NOTICE_DAYS,
  };
}

/** The least number present for the body to sit, of `entitled` voting members. */
export function quorumNeeded(rule: QuorumRule, entitled: number): number {
  return rule === 'two_thirds' ? Math.ceil((2 * entitled) / 3) : Math.floor(entitled / 2) + 1;
}

/** Whether `present` of `entitled` voting members make a quorum (never with nobody present). */
export const quorumHolds = (rule: QuorumRule, present: number, entitled: number): boolean =>
  present > 0 && present >= quorumNeeded(rule, entitled);

/** The least number of votes for that carry a motion. */
export function motionVotesNeeded(rule: MajorityRule, present: number, entitled: number): number {
  switch (rule) {
    case 'of_present':
      return Math.floor(present / 2) + 1;
    case 'of_members':
      return Math.floor(entitled / 2) + 1;
    case 'two_thirds_of_present':
      return Math.ceil((2 * present) / 3);
  }
}

const DAY_MS = 86_400_000;

/** Whether a notice published at `noticedAt` for a meeting at `startsAt` came too late. */
export const noticeIsLate = (noticedAt: string, startsAt: string, noticeDays: number): boolean =>
  Date.parse(startsAt) - Date.parse(noticedAt) < noticeDays * DAY_MS;
