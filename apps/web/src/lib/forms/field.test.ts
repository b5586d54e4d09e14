import { describe, expect, it } from 'vitest';
import { fieldIdOf, postedName } from './field';

describe('a field bound by name', () => {
  it('takes its id from the form id and the name, a row of a list included', () => {
    expect(fieldIdOf('register', 'birthYear')).toBe('register-birth-year');
    expect(fieldIdOf('register', 'tieCommunityIds[2]')).toBe('register-tie-community-ids-2');
    expect(fieldIdOf('cycle', 'voting')).toBe('cycle-voting');
  });

  it('is posted under its own name, a row under its list', () => {
    expect(postedName('title')).toBe('title');
    expect(postedName('budgets[1]')).toBe('budgets');
  });
});
