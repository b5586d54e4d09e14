// The HTTP edge over real sockets: which origins may change state, what a request that is too
// large, too costly or of the wrong type is answered, and what the request log keeps.
import { describe, expect, it } from 'vitest';
import { engines, useApiServer } from './harness.ts';

const sqlite = engines.find((e) => e.name === 'sqlite')!;

describe('the origin check over HTTP', () => {
  const api = useApiServer(sqlite.make());
  const proxied = useApiServer(sqlite.make(), { trustProxy: true });

  /** A state-changing call (general path) and a ballot (direct path) with these headers. */
  const statuses = async (url: string, headers: Record<string, string>) =>
    Promise.all(
      ['auth.logout', 'ballot.cast'].map(async (path) => {
        const response = await fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: '{}',
        });
        return response.status;
      }),
    );

  it('compares scheme, host and port when the browser sends Origin only', async () => {
    const { host } = new URL(api.url);
    // auth.logout passes (200); an empty ballot is refused for its own reason (400).
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
