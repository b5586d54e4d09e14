// The direct path for hot procedures (src/direct-calls.ts) answers exactly as the general /trpc
// endpoint does. Each request is sent to `/trpc/ballot.cast` (served directly) and to
// `/trpc/ballot.cast?via=hono` (which the direct path leaves to Hono and tRPC's fetch adapter),
// and the two answers must have the same status and body, refusals included.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CYCLE, openVoting, poolOf, seedVoters, type Voter } from '../bench/voters.ts';
import { engines, useApiServer } from './harness.ts';

const sqlite = engines.find((e) => e.name === 'sqlite')!;

interface Answer {
  status: number;
  body: unknown;
  setCookie: string[];
}

describe('the direct path for ballot.cast', () => {
  const api = useApiServer(sqlite.make());
  let voters: Voter[];
  let pool: string[];

  /** JSON unless `headers` names another content type; bytes go without one unless named. */
  const send = async (
    general: boolean,
    body: string | Uint8Array,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const url = new URL(`/trpc/ballot.cast${general ? '?via=hono' : ''}`, api.url);
    const json: Record<string, string> =
      typeof body === 'string' ? { 'content-type': 'application/json' } : {};
    const response = await fetch(url, { method: 'POST', headers: { ...json, ...headers }, body });
    return {
      status: response.status,
      body: await response.json(),
      setCookie: response.headers.getSetCookie(),
    };
  };
  /** Both answers to the same request; the direct one first. */
  const both = async (body: string | Uint8Array, headers: Record<string, string> = {}) =>
    [await send(false, body, headers), await send(true, body, headers)] as const;
  const ballot = (choices: unknown) =>
    JSON.stringify({ cycleId: DEMO_CYCLE, communityId: 'shuyuan', choices });
  const as = (voter: Voter) => ({ authorization: `Bearer ${voter.token}` });
  /** An answer without what differs between two ballots: receipt, position and revision. */
  const strip = (answer: Answer) =>
    JSON.stringify(answer.body)
      .replace(/"receipt":"[^"]+"/, '"receipt":""')
      .replace(/"position":"\d+"/, '"position":""')
      .replace(/"revision":"\d+"/, '"revision":""');

  beforeAll(async () => {
    voters = await seedVoters(api.runtime, { count: 3, prefix: 'dc' });
    await openVoting(api.runtime);
    pool = await poolOf(api.runtime);
    // voters[0] has voted once already, so that each cast of theirs below is a change.
    expect((await send(false, ballot([pool[0]]), as(voters[0]!))).status).toBe(200);
  });

  it.each([
    ['signed out', () => [ballot(['x']), {}] as const, 401],
    ['malformed JSON', () => ['{"cycleId":', as(voters[0]!)] as const, 400],
    ['invalid input', () => [ballot('not a list'), as(voters[0]!)] as const, 400],
    ['a choice outside the pool', () => [ballot(['no-such']), as(voters[0]!)] as const, 400],
    [
      'a cross-site request',
      () => [ballot([pool[0]]), { ...as(voters[0]!), 'sec-fetch-site': 'cross-site' }] as const,
      403,
    ],
    [
      'the English locale',
      () => [ballot([]), { ...as(voters[0]!), 'accept-language': 'en' }] as const,
      400,
    ],
  ])('refuses %s with the same answer as /trpc', async (_, request, status) => {
    const [body, headers] = request();
    const [direct, general] = await both(body, headers);
    expect(direct.status).toBe(status);
    expect(direct).toEqual(general);
  });

  const BOM = '\uFEFF';
  it.each([
    ['application/json', 200],
    ['application/json; charset=utf-8', 200],
    ['Application/JSON', 200],
    ['text/plain', 415],
    ['text/plain; charset=utf-8', 415],
    ['application/x-www-form-urlencoded', 415],
    ['multipart/form-data; boundary=x', 415],
  ])('answers a body of type %s as /trpc does (%i)', async (contentType, status) => {
    const body = ballot([pool[0]]);
    const [direct, general] = await both(body, { ...as(voters[0]!), 'content-type': contentType });
    expect(direct.status).toBe(status);
    expect(strip(direct)).toBe(strip(general));
  });

  it('answers a body without a content type as /trpc does, in the caller’s language', async () => {
    const bytes = new TextEncoder().encode(ballot([pool[0]]));
    const [direct, general] = await both(bytes, { ...as(voters[0]!), 'accept-language': 'en' });
    expect(direct.status).toBe(415);
    expect(direct.body).toMatchObject({
      error: {
        message: 'The request body must be JSON (Content-Type: application/json).',
        data: { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'unsupported_media_type' },
      },
    });
    expect(direct).toEqual(general);
  });

  it('reads a JSON body that begins with a UTF-8 byte-order mark as /trpc does', async () => {
    const [direct, general] = await both(BOM + ballot([pool[0]]), as(voters[0]!));
    expect(direct.status).toBe(200);
    expect(strip(direct)).toBe(strip(general));
    const [refusedDirect, refusedGeneral] = await both(BOM + ballot('x'), as(voters[0]!));
    expect(refusedDirect.status).toBe(400);
    expect(refusedDirect).toEqual(refusedGeneral);
  });

  it('refuses a body larger than any input with a worded 413, as /trpc does', async () => {
    const [direct, general] = await both(ballot(['x'.repeat(1100 * 1024)]), as(voters[0]!));
    expect(direct.status).toBe(413);
    expect(direct.body).toMatchObject({
      error: { message: '请求内容太大，服务器没有接收。', data: { reason: 'request_too_large' } },
    });
    expect(direct).toEqual(general);
  });

  it('casts a ballot with the same answer as /trpc, receipt and position aside', async () => {
    const direct = await send(false, ballot([pool[0]]), as(voters[1]!));
    const general = await send(true, ballot([pool[0]]), as(voters[2]!));
    expect(direct.status).toBe(200);
    expect(strip(direct)).toBe(strip(general));
    expect(direct.body).toMatchObject({ result: { data: { changed: false } } });
  });
});
