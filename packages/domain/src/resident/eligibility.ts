// Who may take part in a community's decisions (propose, vote): a resident with a verified tie of
// an allowed kind to that community, old enough on the day. Other modules (cycles, ballots) ask
// this with the rule of their cycle, on a resident folded from their stream or on the read
// model's row: both have the shape of `EligibilitySubject`.
import type { LocalizedText } from '../shared/errors.ts';
import type { TieKind } from './events.ts';
import type { CommunityTie } from './state.ts';

export interface EligibilitySubject {
  status: 'active' | 'forgotten';
  /** Null only in a read model whose row was purged on forgetting. */
  birthYear: number | null;
  ties: readonly Pick<CommunityTie, 'communityId' | 'kind' | 'status'>[];
}

export interface EligibilityRule {
  communityId: string;
  /** Kinds of tie that qualify, e.g. ['lives', 'works', 'studies'] or only ['lives']. */
  tieKinds: readonly TieKind[];
  minAge: number;
  /** The day eligibility is judged on, YYYY-MM-DD (e.g. the first day of voting). */
  on: string;
}

export type Eligibility =
  | { eligible: true }
  | {
      eligible: false;
      reason: 'not_registered' | 'forgotten' | 'no_verified_tie' | 'too_young';
      text: LocalizedText;
    };

/**
 * Only the birth year is collected (the minimum), so the age counted is the one the resident
 * reaches during the calendar year of `on`: born in 2009, they count as 16 all through 2025.
 */
export function ageIn(birthYear: number, on: string): number {
  return Number(on.slice(0, 4)) - birthYear;
}

export function checkEligibility(
  subject: EligibilitySubject | { status: 'none' } | undefined,
  rule: EligibilityRule,
): Eligibility {
  if (subject === undefined || subject.status === 'none') {
    return no('not_registered', '尚未注册为居民。', 'Not registered as a resident.');
  }
  if (subject.status === 'forgotten' || subject.birthYear === null) {
    return no('forgotten', '该居民已注销。', 'This resident has been forgotten.');
  }
  const qualifying = subject.ties.some(
    (t) =>
      t.communityId === rule.communityId &&
      t.status === 'verified' &&
      rule.tieKinds.includes(t.kind),
  );
  if (!qualifying) {
    return no(
      'no_verified_tie',
      '与本社区的联系尚未经社区工作者核实。',
      'No tie to this community has been verified by a community worker yet.',
    );
  }
  if (ageIn(subject.birthYear, rule.on) < rule.minAge) {
    return no(
      'too_young',
      `须年满 ${rule.minAge} 周岁。`,
      `Residents must be at least ${rule.minAge} years old.`,
    );
  }
  return { eligible: true };
}

export function isEligible(
  subject: EligibilitySubject | { status: 'none' } | undefined,
  rule: EligibilityRule,
): boolean {
  return checkEligibility(subject, rule).eligible;
}

function no(
  reason: Exclude<Eligibility, { eligible: true }>['reason'],
  zh: string,
  en: string,
): Eligibility {
  return { eligible: false, reason, text: { 'zh-CN': zh, en } };
}
