import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/index.ts';
import { checkEligibility, isEligible, residentDecider } from '../../src/resident/index.ts';
import type { EligibilityRule, ResidentStreamEvent } from '../../src/resident/index.ts';

const rule: EligibilityRule = {
  communityId: 'hupan',
  tieKinds: ['lives', 'works'],
  minAge: 16,
  on: '2025-06-10',
};

const registered = (birthYear: number): ResidentStreamEvent => ({
  type: 'ResidentRegistered',
  data: {
    residentId: 'r1',
    personal: { name: '李明', phone: '13912345678' },
    phoneDigest: 'c'.repeat(64),
    birthYear,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    channel: 'online',
  },
});
const tie = (tieId: string, communityId: string, kind: 'lives' | 'works' | 'studies') =>
  ({
    type: 'CommunityTieDeclared',
    data: { residentId: 'r1', tieId, communityId, streetId: 'yushan', kind },
  }) as const;
const verified = (tieId: string, communityId: string) =>
  ({
    type: 'CommunityTieVerified',
    data: {
      residentId: 'r1',
      tieId,
      communityId,
      streetId: 'yushan',
      verifiedBy: 'worker-1',
      personal: { note: '核实' },
    },
  }) as const;

const resident = (...events: ResidentStreamEvent[]) => fold(residentDecider, events);

describe('eligibility', () => {
  it('holds for a verified tie of an allowed kind, at the minimum age', () => {
    const state = resident(registered(2009), tie('t1', 'hupan', 'lives'), verified('t1', 'hupan'));
    expect(checkEligibility(state, rule)).toEqual({ eligible: true });
  });

  it('counts the age reached during the year of the day judged on', () => {
    const state = resident(registered(2010), tie('t1', 'hupan', 'lives'), verified('t1', 'hupan'));
    expect(checkEligibility(state, rule)).toMatchObject({ eligible: false, reason: 'too_young' });
    expect(isEligible(state, { ...rule, on: '2026-01-01' })).toBe(true);
  });

  it('needs the tie verified, not only declared', () => {
    const state = resident(registered(1980), tie('t1', 'hupan', 'lives'));
    expect(checkEligibility(state, rule)).toMatchObject({
      eligible: false,
      reason: 'no_verified_tie',
    });
  });

  it('needs the tie to this community, of an allowed kind', () => {
    const elsewhere = resident(
      registered(1980),
      tie('t1', 'binhu', 'lives'),
      verified('t1', 'binhu'),
    );
    expect(isEligible(elsewhere, rule)).toBe(false);
    const studies = resident(
      registered(1980),
      tie('t1', 'hupan', 'studies'),
      verified('t1', 'hupan'),
    );
    expect(isEligible(studies, rule)).toBe(false);
    expect(isEligible(studies, { ...rule, tieKinds: ['studies'] })).toBe(true);
  });

  it('ends when the resident is forgotten', () => {
    const state = resident(registered(1980), tie('t1', 'hupan', 'lives'), verified('t1', 'hupan'), {
      type: 'ResidentForgotten',
      data: { residentId: 'r1', requestedBy: 'self' },
    });
    expect(checkEligibility(state, rule)).toMatchObject({ eligible: false, reason: 'forgotten' });
  });

  it('refuses somebody not registered, with a reason in both languages', () => {
    const result = checkEligibility(resident(), rule);
    expect(result).toMatchObject({ eligible: false, reason: 'not_registered' });
    expect(isEligible(undefined, rule)).toBe(false);
    if (result.eligible) throw new Error('unreachable');
    expect(result.text['zh-CN']).toMatch(/\p{Script=Han}/u);
    expect(result.text.en).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
  });

  it('reads a read-model row of the same shape', () => {
    const row = {
      status: 'active' as const,
      birthYear: 1970,
      ties: [{ communityId: 'hupan', kind: 'works' as const, status: 'verified' as const }],
    };
    expect(isEligible(row, rule)).toBe(true);
    expect(isEligible({ ...row, status: 'forgotten', birthYear: null }, rule)).toBe(false);
  });
});
