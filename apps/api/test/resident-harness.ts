// A server whose one-time codes land in memory, where tests read them as a person reads their
// messages; and the steps most resident tests begin with.
import { expect } from 'vitest';
import { createMemoryCodeSender } from '@gongzhi/api';
import { DEMO_RESIDENTS as SEEDED_RESIDENTS } from '../src/seed/residents.ts';
import { useApiServer, type Engine, type Reply } from './harness.ts';

export const RESIDENT_PASSWORD = 'qinhu-lane-2025';

/** A demo resident who signs in with a password, as the seed registered them. */
function seededSignIn(residentId: string) {
  const seeded = SEEDED_RESIDENTS.find((r) => r.residentId === residentId);
  if (!seeded?.signIn) throw new Error(`${residentId} has no password in the demo data`);
  return { id: residentId, phone: seeded.phone, password: seeded.signIn.password };
}

/** The demo residents tests sign in as, by the names tests give them. */
export const DEMO_SIGN_INS = {
  wang: seededSignIn('demo-r-wang'),
  zhang: seededSignIn('demo-r-zhang'),
  chen: seededSignIn('demo-r-chen'),
};

export interface Registered {
  residentId: string;
  position: string;
  expiresAt: string;
}

export function useResidentServer(engine: Engine) {
  const sender = createMemoryCodeSender();
  const api = useApiServer({
    ...engine,
    options: () => ({ ...engine.options(), codeSender: sender }),
  });
  let nextPhone = 0;

  /** Keeps the session a reply's Set-Cookie carries under `as`. */
  function keepSession(as: string, reply: Reply): void {
    const cookie = reply.headers.getSetCookie().find((c) => c.startsWith('gongzhi_session='));
    expect(cookie, JSON.stringify(reply.body)).toBeDefined();
    api.tokens.set(as, /^gongzhi_session=([^;]+)/.exec(cookie!)![1]!);
  }

  const resident = {
    sender,
    keepSession,

    /** Signs in with a phone and password and keeps the session under `as`. */
    async signIn(as: string, who: { phone: string; password: string }): Promise<void> {
      const reply = await api.call('resident.login', { phone: who.phone, password: who.password });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      keepSession(as, reply);
    },
    /** A mobile number no test has used yet. */
    newPhone: () => `1390013${String(nextPhone++).padStart(4, '0')}`,

    /** Asks for a code and returns the one the phone received. */
    async codeFor(phone: string): Promise<string> {
      const reply = await api.call('resident.requestPhoneCode', { phone });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return sender.lastCodeFor(phone)!;
    },

    /** Registers online with a fresh code and keeps the session under `as`. */
    async register(
      as: string,
      input: {
        name: string;
        phone: string;
        birthYear?: number;
        ties?: { communityId: string; kind: string }[];
      },
    ): Promise<Registered> {
      const code = await resident.codeFor(input.phone);
      const reply = await api.call<Registered>('resident.register', {
        birthYear: 1980,
        ties: [{ communityId: 'shuyuan', kind: 'lives' }],
        ...input,
        code,
        password: RESIDENT_PASSWORD,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      keepSession(as, reply);
      return reply.body.result!.data;
    },
  };
  return { api, resident };
}
