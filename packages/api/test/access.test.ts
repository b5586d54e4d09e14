// Every procedure declares who may call it. Here the declarations themselves are checked, so that
// an undeclared procedure fails fast; apps/api/test/authorization.test.ts calls every procedure as
// every role, in scope and out of scope, over HTTP on a real store.
import { describe, expect, it } from 'vitest';
import { appRouter, type ProcedureMeta } from '../src/index.ts';

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<
    string,
    { _def: { meta?: ProcedureMeta; type: string } }
  >,
);

describe('access declarations', () => {
  it('finds the procedures', () => {
    expect(procedures.map(([path]) => path)).toContain('organisation.registerCommunity');
  });

  it.each(procedures)('%s declares its access', (_path, procedure) => {
    const access = procedure._def.meta?.access;
    expect(access).toBeDefined();
    if (typeof access === 'object') {
      expect(access.roles.length).toBeGreaterThan(0);
      expect(access.action['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(access.action.en).toMatch(/^[a-z]/);
    }
  });

  it('lets anyone read, and only signed-in accounts write, but for signing in and registering', () => {
    // Each of these proves who the caller is by itself: a password, or a code sent to a phone.
    const publicWrites = new Set([
      'auth.login',
      'auth.logout',
      'resident.requestPhoneCode',
      'resident.register',
      'resident.login',
      'resident.setPassword',
    ]);
    for (const [path, procedure] of procedures) {
      const access = procedure._def.meta!.access;
      if (procedure._def.type === 'query' || publicWrites.has(path)) continue;
      expect(access, path).not.toBe('public');
    }
  });
});
