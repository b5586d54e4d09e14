// The demo accounts: one per staff role and the residents who sign in, and the README's table
// says the same as the seed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staffRoleSchema } from '@gongzhi/domain';
import { checkPasswordPolicy } from '@gongzhi/auth';
import { repoRoot } from '../src/runtime.ts';
import { DEMO_ACCOUNTS } from '../src/seed/accounts.ts';
import { DEMO_RESIDENT, DEMO_RESIDENT_SIGN_INS } from '../src/seed/residents.ts';

describe('demo accounts', () => {
  it('include at least one account of each staff role, with passwords the policy accepts', () => {
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(new Set(staffRoleSchema.options));
    for (const account of DEMO_ACCOUNTS) expect(checkPasswordPolicy(account.password)).toEqual([]);
  });

  it('are listed in the README with their passwords', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Demo accounts'));
    const table = section.slice(0, section.indexOf('\n#'));
    // Columns padded to any width by the formatter.
    const rows = [...table.matchAll(/^\| `([^`]+)` +\| `([^`]+)` +\|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(
      [...DEMO_ACCOUNTS, ...DEMO_RESIDENT_SIGN_INS].map((a) => [a.loginName, a.password]),
    );
  });

  it('list every resident who signs in, the one most journeys use first', () => {
    expect(DEMO_RESIDENT_SIGN_INS.map((r) => r.loginName)).toEqual([
      DEMO_RESIDENT.loginName,
      '13900001002',
      '13900001005',
    ]);
  });
});
