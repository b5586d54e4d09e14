// The HTTP edge over real sockets: which origins may change state, what a request that is too
// large, too costly or of the wrong type is answered, and what the request log keeps.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

const sqlite = engines.find((e) => e.name === 'sqlite')!;
/** One server for the whole file; what it stores does not matter at the edge. */
const api = useApiServer(sqlite.make());

describe('the origin check over HTTP', () => {
  const proxied = useApiServer(sqlite.make(), { trustProxy: true });

  /** A state-changing call (general path) and a ballot (direct path) with these headers. */
  const statuses = async (url: string, headers: Record<string, string>) =>
    Promise.all(
      ['auth.logout', 'ballot.cast'].map(async (path) => {
        const response = await fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: '',
        });
        return response.status;
      }),
    );

  it('compares scheme, host and port when the browser sends Origin only', async () => {
    const { host } = new URL(api.url);
    // auth.logout passes (200); a ballot without input is refused for its own reason (400).
    expect(await statuses(api.url, { origin: `http://${host}` })).toEqual([200, 400]);
    expect(await statuses(api.url, { origin: `https://${host}` })).toEqual([403, 403]);
    const port = Number(new URL(api.url).port);
    expect(await statuses(api.url, { origin: `http://127.0.0.1:${port + 1}` })).toEqual([403, 403]);
  });

  it('ignores X-Forwarded-Proto unless a proxy is trusted', async () => {
    const { host } = new URL(api.url);
    const forged = { origin: `https://${host}`, 'x-forwarded-proto': 'https' };
    expect(await statuses(api.url, forged)).toEqual([403, 403]);
  });

  it('takes the scheme from X-Forwarded-Proto behind a trusted proxy', async () => {
    const { host } = new URL(proxied.url);
    const https = { 'x-forwarded-proto': 'https' };
    expect(await statuses(proxied.url, { ...https, origin: `https://${host}` })).toEqual([
      200, 400,
    ]);
    expect(await statuses(proxied.url, { ...https, origin: `http://${host}` })).toEqual([403, 403]);
    expect(await statuses(proxied.url, { origin: `https://${host}` })).toEqual([403, 403]);
  });
});

interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** One connection to the server, spoken to in raw HTTP/1.1. */
async function open(url: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  await new Promise((resolve) => socket.once('connect', resolve));
  let received = Buffer.alloc(0);
  let ended = false;
  const waiting = new Set<() => void>();
  const wake = () => waiting.forEach((w) => w());
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    wake();
  });
  socket.on('close', () => {
    ended = true;
    wake();
  });
  socket.on('error', () => undefined);
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done() && !ended) return;
        waiting.delete(check);
        resolve();
      };
      waiting.add(check);
      check();
    });

  return {
    send: (bytes: string) => socket.write(bytes),
    /** The next answer on the connection (a body of Content-Length bytes). */
    async answer(): Promise<RawAnswer> {
      let headEnd = -1;
      await until(() => (headEnd = received.indexOf('\r\n\r\n')) >= 0);
      if (headEnd < 0) throw new Error('the connection closed before an answer');
      const [statusLine = '', ...lines] = received.subarray(0, headEnd).toString().split('\r\n');
      const headers = new Map(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
        }),
      );
      const length = Number(headers.get('content-length') ?? 0);
      const end = headEnd + 4 + length;
      await until(() => received.length >= end);
      const body = received.subarray(headEnd + 4, end).toString();
      received = received.subarray(end);
      return { status: Number(statusLine.split(' ')[1]), headers, body };
    },
    /** Resolves when the server has closed the connection. */
    closed: () => until(() => false),
    close: () => socket.destroy(),
  };
}

describe('requests the server does not read to their end', () => {
  const head = (path: string, headers: Record<string, string | number>) =>
    `POST ${path} HTTP/1.1\r\nHost: ${new URL(api.url).host}\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n';

  it.each([
    ['a cross-site call', '/trpc/auth.logout', { 'sec-fetch-site': 'cross-site' }, 403],
    ['a text/plain body', '/trpc/auth.logout', { 'content-type': 'text/plain' }, 415],
    [
      'a cross-site ballot (direct path)',
      '/trpc/ballot.cast',
      { 'sec-fetch-site': 'cross-site' },
      403,
    ],
    ['a body over the limit', '/trpc/auth.logout', {}, 413, 2 * 1024 * 1024],
    ['a ballot over the limit (direct path)', '/trpc/ballot.cast', {}, 413, 2 * 1024 * 1024],
  ])(
    'answers %s before its body has arrived with Connection: close, then closes',
    async (_, path, headers, status, length = 100_000) => {
      const connection = await open(api.url);
      connection.send(
        head(path, { 'content-type': 'application/json', ...headers, 'content-length': length }),
      );
      connection.send('{"x":"' + 'x'.repeat(1000));
      const answer = await connection.answer();
      expect(answer.status).toBe(status);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { message: expect.any(String) } });
      expect(answer.headers.get('connection')).toBe('close');
      await connection.closed();
    },
  );

  it.each([
    ['a cross-site call', '/trpc/auth.logout', 403],
    ['a cross-site ballot (direct path)', '/trpc/ballot.cast', 403],
    ['a text/plain body', '/trpc/auth.logout', 415],
  ])('keeps its word on %s whose whole body was sent', async (_, path, status) => {
    const connection = await open(api.url);
    const body = JSON.stringify({ padding: 'x'.repeat(10_000) });
    const headers = path.includes('logout')
      ? { 'content-type': status === 415 ? 'text/plain' : 'application/json' }
      : { 'content-type': 'application/json' };
    connection.send(
      head(path, {
        ...headers,
        ...(status === 403 && { 'sec-fetch-site': 'cross-site' }),
        'content-length': Buffer.byteLength(body),
      }) + body,
    );
    const refused = await connection.answer();
    expect(refused.status).toBe(status);
    if (refused.headers.get('connection') === 'close') {
      await connection.closed();
      return;
    }
    // Kept alive: the body was read and discarded, and the next request is answered.
    connection.send(`GET /healthz HTTP/1.1\r\nHost: ${new URL(api.url).host}\r\n\r\n`);
    const next = await connection.answer();
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body)).toMatchObject({ ok: true });
    connection.close();
  });
});

describe('a query whose input is over the header limit', () => {
  const input = JSON.stringify({ cycleId: 'x'.repeat(20_000), communityId: 'shuyuan' });
  const path = `/trpc/ballot.result?input=${encodeURIComponent(input)}`;

  it('is answered with a worded JSON 413 in the caller’s language', async () => {
    for (const [headers, message] of [
      [
        { 'accept-language': 'en-GB,en;q=0.9' },
        'The request is too large; the server did not take it.',
      ],
      [{}, '请求内容太大，服务器没有接收。'],
    ] as const) {
      const response = await fetch(api.url + path, { headers });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toMatchObject({
        error: { message, data: { code: 'PAYLOAD_TOO_LARGE', reason: 'request_too_large' } },
      });
    }
  });

  it('closes the connection after its answer, saying so', async () => {
    const connection = await open(api.url);
    connection.send(`GET /trpc/ballot.result?input=${'x'.repeat(20_000)} HTTP/1.1\r\n`);
    connection.send(`Host: ${new URL(api.url).host}\r\nX-Gongzhi-Locale: en\r\n\r\n`);
    const answer = await connection.answer();
    expect(answer.status).toBe(413);
    expect(answer.headers.get('connection')).toBe('close');
    await connection.closed();
  });
});

describe('bytes that are not HTTP', () => {
  it('are answered with a worded JSON 400, and the connection closes', async () => {
    const connection = await open(api.url);
    connection.send('HELLO THERE\r\nAccept-Language: en\r\n\r\n');
    const answer = await connection.answer();
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({
      error: {
        message: 'The request is not valid HTTP; the server could not read it.',
        data: { code: 'BAD_REQUEST', reason: 'malformed_request' },
      },
    });
    await connection.closed();
  });
});

describe('a batch of calls', () => {
  const batch = async (
    paths: string[],
    inputs: unknown[] = [],
    options: { method?: 'GET' | 'POST'; headers?: Record<string, string> } = {},
  ) => {
    const input = JSON.stringify(Object.fromEntries(inputs.map((value, i) => [i, value])));
    const url = new URL(`/trpc/${paths.join(',')}`, api.url);
    url.searchParams.set('batch', '1');
    const post = options.method === 'POST';
    if (!post) url.searchParams.set('input', input);
    const response = await fetch(url, {
      method: options.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...options.headers },
      ...(post && { body: input }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const place = { cycleId: 'demo-cycle-yushan', communityId: 'shuyuan' };

  it('runs up to 10 calls', async () => {
    const answer = await batch(Array(10).fill('organisation.overview'));
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(10);
  });

  it('refuses 11 calls before any runs, in the caller’s language', async () => {
    await api.signIn('admin');
    const before = await api.head();
    const streets = Array.from({ length: 11 }, (_, i) => ({ name: `批量街道${i}` }));
    const answer = await batch(Array(11).fill('organisation.registerStreet'), streets, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.tokens.get('admin')}`, 'accept-language': 'en' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: {
        message: 'One request may carry at most 10 calls, not 11; send them in several requests.',
        data: { code: 'BAD_REQUEST', reason: 'too_many_calls' },
      },
    });
    expect(await api.head()).toBe(before);
    // Commas written as %2C are commas to tRPC, and counted as such.
    const encoded = await fetch(
      `${api.url}/trpc/${Array(11).fill('organisation.overview').join('%2C')}?batch=1`,
    );
    expect(encoded.status).toBe(400);
  });

  it('refuses calls whose costs add up to more than one request may', async () => {
    // The probe's request: 100 recounts in one GET of 11 KB.
    const recounts = await batch(Array(100).fill('ballot.result'), Array(100).fill(place));
    expect(recounts.status).toBe(400);
    const twoRecounts = await batch(['ballot.result', 'ballot.result'], [place, place]);
    expect(twoRecounts.status).toBe(400);
    expect(twoRecounts.body).toMatchObject({
      error: {
        message: expect.stringContaining('这些调用合计的工作量为 20，超过一次请求的上限 10'),
        data: { reason: 'calls_too_costly' },
      },
    });
    const recountAndMore = await batch(['ballot.result', 'organisation.overview'], [place]);
    expect(recountAndMore.status).toBe(400);
  });

  it('runs a recount alone, and two bulletins together', async () => {
    expect((await batch(['ballot.result'], [place])).status).toBe(200);
    const single = await fetch(
      `${api.url}/trpc/ballot.result?input=${encodeURIComponent(JSON.stringify(place))}`,
    );
    expect(single.status).toBe(200);
    const bulletins = await batch(['ballot.bulletin', 'ballot.bulletin'], [place, place]);
    expect(bulletins.status).toBe(200);
  });
});

describe('the request log', () => {
  const lines: string[] = [];
  const logged = useApiServer(sqlite.make(), { log: (line) => lines.push(line) });
  const phone = '13812345678';
  const receipt = 'RCPT-7Q2M-9XKD';

  it('keeps the method, the procedures, the status and the time, never the input', async () => {
    lines.length = 0;
    const search = { communityId: 'shuyuan', query: phone };
    const find = { cycleId: 'demo-cycle-yushan', receipt };
    const get = (path: string) => fetch(logged.url + path).then((r) => r.text());
    await get(`/trpc/resident.search?input=${encodeURIComponent(JSON.stringify(search))}`);
    await get(
      `/trpc/resident.search,ballot.findReceipt?batch=1&input=${encodeURIComponent(
        JSON.stringify({ 0: search, 1: find }),
      )}`,
    );
    await get(`/trpc/${phone}?input=${receipt}`);
    await logged.call('resident.requestPhoneCode', { phone });
    await logged.call('ballot.cast', { cycleId: receipt, communityId: phone, choices: [] });
    await logged.call('ballot.findReceipt', find, { query: true });

    expect(lines).toEqual([
      expect.stringMatching(/^--> GET \/trpc\/resident\.search 401 \d+ms$/),
      expect.stringMatching(/^--> GET \/trpc\/resident\.search,ballot\.findReceipt 207 \d+ms$/),
      expect.stringMatching(/^--> GET \/trpc\/\? 404 \d+ms$/),
      expect.stringMatching(/^--> POST \/trpc\/resident\.requestPhoneCode \d{3} \d+ms$/),
      expect.stringMatching(/^--> POST \/trpc\/ballot\.cast 401 \d+ms$/),
      expect.stringMatching(/^--> GET \/trpc\/ballot\.findReceipt \d{3} \d+ms$/),
    ]);
    const text = lines.join('\n');
    for (const secret of [phone, receipt, '7Q2M', '12345678', 'input']) {
      expect(text).not.toContain(secret);
    }
  });
});
