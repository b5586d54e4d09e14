// The request context every procedure sees: the caller's language, who is signed in (from the
// `gongzhi_session` cookie or an `Authorization: Bearer` token) with their role grants, and the
// services the procedures use. The server builds one per HTTP request.
import {
  isServedOverHttps,
  readSessionToken,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  type Grant,
  type LoginThrottle,
  type SessionStore,
} from '@gongzhi/auth';
import { chinaDate } from '@gongzhi/domain';
import { uuidv7, type EventStore } from '@gongzhi/eventstore';
import type { ReadModels } from '@gongzhi/projections';
import { listGrants, readStaffAccount } from '@gongzhi/projections/organisation';
import { readResident } from '@gongzhi/projections/resident';
import { resolveLocale, type Locale } from './locale.ts';
import type { ResidentServices } from './resident/services.ts';
import type { BallotSeal } from '@gongzhi/projections/ballot';

/** What the API needs from the process that hosts it. */
export interface ApiServices {
  store: EventStore;
  readModels: ReadModels;
  sessions: SessionStore;
  loginThrottle: LoginThrottle;
  residents: ResidentServices;
  /** Seals ballots for their voter's stream (the ballot key); without it no ballot is taken. */
  ballotSeal?: BallotSeal;
  /** How long a query waits for the read models to pass `minPosition`; default 2000 ms. */
  readYourWritesTimeoutMs?: number;
  now?: () => Date;
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

/** The account a valid session belongs to, if it may still act (not deactivated, not forgotten). */
async function resolveAccount(
  services: ApiServices,
  sessionId: string,
  accountId: string,
): Promise<SignedInAccount | null> {
  const db = services.readModels.db;
  const staff = await readStaffAccount(db, accountId);
  // A deactivated account's sessions are revoked at once; this also covers one made meanwhile.
  if (staff) {
    if (staff.status !== 'active') return null;
    const { loginName, displayName } = staff;
    const grants = await listGrants(db, accountId);
    return { sessionId, accountId, kind: 'staff', loginName, displayName, grants };
  }
  const resident = await readResident(db, accountId);
  if (resident?.status !== 'active') return null;
  return {
    sessionId,
    accountId,
    kind: 'resident',
    loginName: resident.phoneMasked ?? '',
    displayName: resident.name ?? '',
    grants: [],
  };
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
};

/** What the context reads of a request: a fetch Request, or a node:http request seen through it. */
export interface RequestFacts {
  url: string;
  headers: Pick<Headers, 'get'>;
}

export interface ContextRequest {
  req: RequestFacts;
  resHeaders: Headers;
  /** The client's IP address as the server saw it, if it knows. */
  clientAddress?: string | null;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function bearerToken(headers: RequestFacts['headers']): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '');
  return match?.[1];
}

export async function createContext(
  services: ApiServices,
  { req, resHeaders, clientAddress = null }: ContextRequest,
): Promise<Context> {
  const { headers } = req;
  const secureCookies = isServedOverHttps({
    url: req.url,
    forwardedProto: headers.get('x-forwarded-proto'),
  });
  const bearer = bearerToken(headers);
  const cookie = readSessionToken(headers.get('cookie'));
  const token = bearer ?? cookie;
  const tokenSource = bearer ? 'bearer' : cookie ? 'cookie' : null;

  let account: SignedInAccount | null = null;
  if (token) {
    const validated = await services.sessions.validate(token);
    account =
      validated &&
      (await resolveAccount(services, validated.session.id, validated.session.accountId));
    if (validated && account) {
      if (validated.refreshed && tokenSource === 'cookie') {
        const maxAgeMs = services.sessions.policy.inactivityTimeoutMs;
        resHeaders.append(
          'set-cookie',
          serializeSessionCookie(token, { secure: secureCookies, maxAgeMs }),
        );
      }
    } else if (tokenSource === 'cookie') {
      resHeaders.append('set-cookie', serializeBlankSessionCookie({ secure: secureCookies }));
    }
  }

  const correlationId = headers.get('x-correlation-id') ?? '';
  return {
    services,
    locale: resolveLocale(headers),
    account,
    tokenSource: account ? tokenSource : null,
    secureCookies,
    clientAddress,
    userAgent: headers.get('user-agent'),
    correlationId: CORRELATION_ID.test(correlationId) ? correlationId : uuidv7(),
    resHeaders,
  };
}

/** The time of the request: the services' clock (tests and the seed set it), else the machine's. */
export const now = (ctx: Pick<Context, 'services'>): Date => ctx.services.now?.() ?? new Date();

/** The request's calendar day in China (UTC+8): proxies end by it, notices count in it. */
export const today = (ctx: Pick<Context, 'services'>): string => chinaDate(now(ctx).toISOString());
