import { describe, expect, it } from 'vitest';
import {
  describeResidentEvent,
  maskPhone,
  parseResidentEvent,
  residentEventSchemas,
  residentEventTypes,
  residentNotice,
  residentStreams,
  type NoticedResidentEvent,
} from '../../src/resident/index.ts';

const registered = {
  residentId: 'r1',
  personal: { name: ' 张秀英 ', phone: '13812341234', idNumber: '32058119500101002x' },
  phoneDigest: 'd'.repeat(64),
  birthYear: 1950,
  channel: 'offline',
  consent: { recordedBy: 'worker-1', form: 'paper', at: '2025-06-01T02:00:00Z' },
};

describe('resident events', () => {
  it('each type has a schema version', () => {
    for (const type of residentEventTypes) {
      expect(residentEventSchemas[type].version).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads stored data through its schema', () => {
    expect(parseResidentEvent('ResidentRegistered', registered).data).toMatchObject({
      personal: { name: '张秀英', idNumber: '32058119500101002X' },
    });
  });

  it('reads an event whose personal data was forgotten', () => {
    const forgotten = { ...registered, personal: null, personalForgotten: true };
    expect(parseResidentEvent('ResidentRegistered', forgotten).data).toMatchObject({
      personal: null,
      personalForgotten: true,
    });
  });

  it('rejects data that does not match, and types it does not know', () => {
    const withPhone = (phone: string) => ({ ...registered, personal: { name: '张', phone } });
    expect(() => parseResidentEvent('ResidentRegistered', withPhone('12812341234'))).toThrow();
    expect(() => parseResidentEvent('ResidentRegistered', withPhone('1381234123'))).toThrow();
    expect(() =>
      parseResidentEvent('ProxyGranted', {
        residentId: 'r1',
        proxyId: 'p1',
        granteeAccountId: 'r2',
        powers: ['vote', 'vote'],
      }),
    ).toThrow();
    expect(() => parseResidentEvent('StreetClosed', {})).toThrow(/Not a resident/);
  });

  it('names streams by resident and by phone digest, never by number', () => {
    expect(residentStreams.resident('r1')).toBe('resident-r1');
    expect(residentStreams.phone('d'.repeat(64))).toBe(`phone-${'d'.repeat(64)}`);
  });

  it('masks a mobile number to its first three and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
});

describe('a declared tie in English', () => {
  const declared = (consent?: 'awaiting_resident') =>
    parseResidentEvent('CommunityTieDeclared', {
      residentId: 'r1',
      tieId: 't1',
      communityId: 'hupan',
      streetId: 'yushan',
      kind: 'lives',
      ...(consent ? { consent, declaredBy: 'worker-1' } : {}),
    });

  it('reads as a verb after "they" and "you"', () => {
    expect(describeResidentEvent(declared()).en).toBe('declared that they live in the community');
    const notice = residentNotice(declared('awaiting_resident') as NoticedResidentEvent);
    expect(notice?.message.en).toMatch(/^A community worker declared that you live in their/);
  });
});
