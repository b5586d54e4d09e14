// Building a request's context: who is signed in (from the `gongzhi_session` cookie or an
// `Authorization: Bearer` token), with their role grants. Apart from context.ts because it reads
// the account's stream through the command path, which itself sees the Context type.
import {
  isServedOverHttps,
  readSessionToken,
  serializeBlankSessionCookie,
  serializeSessionCookie,
} from '@gongzhi/auth';
import { uuidv7 } from '@gongzhi/eventstore';
import { readResident } from '@gongzhi/projections/resident';
import { readState } from './commands.ts';
import type { ApiServices, Context, SignedInAccount } from './context.ts';
import { AS_OF_HEADER } from './as-of-header.ts';
import { resolveLocale } from './locale.ts';
import { unavailableRefusal } from './trpc.ts';
import { accountRecord } from './organisation/commands.ts';

/**
 * The account a valid session belongs to, if it may still act (not deactivated, not forgotten).
 * A staff account's status and grants come from its own stream, not the read model: a role
 * revoked or an account deactivated a moment ago no longer counts at the very next request,
 * however far the read models lag. The stream is short (creation, grants, revocations, password
 * changes), read by its index: one query, as the read model took two. Forgetting a resident ends
 * their sessions at once (resident/public.ts), so their row in the read model is enough.
 */
async function resolveAccount(
  services: ApiServices,
  sessionId: string,
  accountId: string,
): Promise<SignedInAccount | null> {
  const resident = await readResident(services.readModels.db, accountId);
  if (resident) {
    if (resident.status !== 'active') return null;
    const loginName = resident.phoneMasked ?? '';
    const displayName = resident.name ?? '';
    return { sessionId, accountId, kind: 'resident', loginName, displayName, grants: [] };
  }
  const { state: staff } = await readState(services.store, accountRecord(accountId));
  if (staff.status !== 'active') return null;
  const { loginName, displayName, grants } = staff;
  return { sessionId, accountId, kind: 'staff', loginName, displayName, grants };
}

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

/** Rethrows a database that is out of reach for a moment as the typed 503 (see unavailableRefusal). */
function unavailableOr(headers: RequestFacts['headers']) {
  return (error: unknown): never => {
    throw unavailableRefusal(error, resolveLocale(headers)) ?? error;
  };
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
    const validated = await services.sessions.validate(token).catch(unavailableOr(headers));
    account =
      validated &&
      (await resolveAccount(services, validated.session.id, validated.session.accountId).catch(
        unavailableOr(headers),
      ));
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
    asOf: headers.get(AS_OF_HEADER),
  };
}
