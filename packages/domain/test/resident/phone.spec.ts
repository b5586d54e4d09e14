import { describe, it } from 'vitest';
import { phoneClaimDecider } from '../../src/resident/index.ts';
import type { PhoneClaimEvent } from '../../src/resident/index.ts';
import { given, refused } from '../given.ts';

const phoneDigest = 'b'.repeat(64);
const claimed: PhoneClaimEvent = { type: 'PhoneClaimed', data: { phoneDigest, residentId: 'r1' } };
const released: PhoneClaimEvent = {
  type: 'PhoneReleased',
  data: { phoneDigest, residentId: 'r1' },
};

describe('mobile number claim', () => {
  describe('ClaimPhone', () => {
    it('is claimed by the first resident', () =>
      given(phoneClaimDecider, [])
        .when({ type: 'ClaimPhone', data: claimed.data })
        .then([claimed]));

    it('is claimed again by the same resident as a no-op (a retried registration)', () =>
      given(phoneClaimDecider, [claimed])
        .when({ type: 'ClaimPhone', data: claimed.data })
        .then([]));

    it('refuses a second resident', () =>
      given(phoneClaimDecider, [claimed])
        .when({ type: 'ClaimPhone', data: { phoneDigest, residentId: 'r2' } })
        .then(refused('conflict', 'phone_taken')));

    it('is claimed by another resident once released', () =>
      given(phoneClaimDecider, [claimed, released])
        .when({ type: 'ClaimPhone', data: { phoneDigest, residentId: 'r2' } })
        .then([{ type: 'PhoneClaimed', data: { phoneDigest, residentId: 'r2' } }]));
  });

  describe('ReleasePhone', () => {
    it('is released by the resident holding it', () =>
      given(phoneClaimDecider, [claimed])
        .when({ type: 'ReleasePhone', data: released.data })
        .then([released]));

    it('changes nothing for a resident not holding it (a retried erasure)', () => {
      given(phoneClaimDecider, [claimed, released])
        .when({ type: 'ReleasePhone', data: released.data })
        .then([]);
      given(phoneClaimDecider, [claimed])
        .when({ type: 'ReleasePhone', data: { phoneDigest, residentId: 'r2' } })
        .then([]);
    });
  });
});
