// The request context every procedure sees: the caller's language, who is signed in with their
// role grants, and the services the procedures use. The server builds one per HTTP request
// (request-context.ts).
import type { Grant, LoginThrottle, SessionStore, ShiftCodes } from '@gongzhi/auth';
import { chinaDate } from '@gongzhi/domain';
import type { EventStore } from '@gongzhi/eventstore';
import type { ReadModels } from '@gongzhi/projections';
import type { Locale } from './locale.ts';
import type { ResidentServices } from './resident/services.ts';
import type { BallotSeal } from '@gongzhi/projections/ballot';
import type { ClusterLocks } from '@gongzhi/projections/cluster';
import type { AsOfSnapshot } from '@gongzhi/projections/as-of';
import type { SignInCodes } from './meeting/sign-in-code.ts';

/** What the API needs from the process that hosts it. */
export interface ApiServices {
  store: EventStore;
  readModels: ReadModels;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  residents: ResidentServices;
  /** Seals ballots for their voter's stream (the ballot key); without it no ballot is taken. */
  ballotSeal?: BallotSeal;
  /** The rotating sign-in codes of meetings (a key derived from the master key). */
  signInCodes?: SignInCodes;
  /** The rotating sign-in codes of volunteer shifts; without them no one checks in by code. */
  shiftCodes?: ShiftCodes;
  /** How long a query waits for the read models to pass `minPosition`; default 2000 ms. */
  readYourWritesTimeoutMs?: number;
  now?: () => Date;
  /**
   * Several API processes on one database: the gates kept in memory (closing a vote apart from
   * ballots being cast) are also held across processes with these locks.
   */
  locks?: ClusterLocks;
  /**
   * The log and read models as of a past instant (events dated before it), for public pages as
   * of a date (as-of.ts); without it such requests are refused.
   */
  asOf?: (until: Date) => Promise<AsOfSnapshot>;
}

export interface SignedInAccount {
  sessionId: string;
  accountId: string;
  /** Staff sign in by login name and hold role grants; a resident's account id is their id. */
  kind: 'staff' | 'resident';
  /** A staff login name, or a resident's masked number (138****1234). */
  loginName: string;
  displayName: string;
  /** None for residents. */
  grants: Grant[];
}

export type Context = {
  services: ApiServices;
  locale: Locale;
  account: SignedInAccount | null;
  /** Where the session token came from; only a cookie session is renewed and cleared by cookie. */
  tokenSource: 'cookie' | 'bearer' | null;
  /** Cookies set over https carry the Secure flag. */
  secureCookies: boolean;
  clientAddress: string | null;
  userAgent: string | null;
  correlationId: string;
  /** Response headers (Set-Cookie). */
  resHeaders: Headers;
  /**
   * The day (YYYY-MM-DD, as sent: checked by as-of.ts) whose record the request reads, from the
   * x-gongzhi-as-of header; null for today's.
   */
  asOf: string | null;
};

/** The time of the request: the services' clock (tests and the seed set it), else the machine's. */
export const now = (ctx: Pick<Context, 'services'>): Date => ctx.services.now?.() ?? new Date();

/** The request's calendar day in China (UTC+8): proxies end by it, notices count in it. */
export const today = (ctx: Pick<Context, 'services'>): string => chinaDate(now(ctx).toISOString());
