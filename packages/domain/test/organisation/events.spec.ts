import { describe, expect, it } from 'vitest';
import {
  organisationEventSchemas,
  organisationEventTypes,
  parseOrganisationEvent,
} from '../../src/organisation/index.ts';

describe('organisation events', () => {
  it('each type has a schema version', () => {
    for (const type of organisationEventTypes) {
      expect(organisationEventSchemas[type].version).toBeGreaterThanOrEqual(1);
    }
  });

  it('reads stored data through its schema', () => {
    expect(
      parseOrganisationEvent('LoginNameClaimed', { loginName: 'Wang.Fang', accountId: 'a1' }),
    ).toEqual({ type: 'LoginNameClaimed', data: { loginName: 'wang.fang', accountId: 'a1' } });
  });

  it('rejects data that does not match, and types it does not know', () => {
    expect(() => parseOrganisationEvent('StreetClosed', { streetId: '' })).toThrow();
    expect(() => parseOrganisationEvent('ProposalSubmitted', {})).toThrow(/Not an organisation/);
  });
});
