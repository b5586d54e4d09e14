import { describe, expect, it } from 'vitest';
import { isSameOriginRequest, type RequestOriginFacts } from '../src/index.ts';

const host = 'gongzhi.example';
const allowedOrigins = ['https://web.gongzhi.example'];
const post = (facts: Omit<RequestOriginFacts, 'method' | 'host' | 'allowedOrigins'>) =>
  isSameOriginRequest({ method: 'POST', host, allowedOrigins, ...facts });

describe('origin check for state-changing requests', () => {
  it('lets safe methods through whatever their origin', () => {
    for (const method of ['GET', 'head', 'OPTIONS']) {
      expect(
        isSameOriginRequest({
          method,
          host,
          origin: 'https://evil.example',
          secFetchSite: 'cross-site',
        }),
      ).toBe(true);
    }
  });

  it('trusts the browser’s Sec-Fetch-Site: same-origin and none pass, other sites do not', () => {
    expect(post({ secFetchSite: 'same-origin', origin: 'https://gongzhi.example' })).toBe(true);
    expect(post({ secFetchSite: 'none' })).toBe(true);
    expect(post({ secFetchSite: 'cross-site', origin: 'https://evil.example' })).toBe(false);
    expect(post({ secFetchSite: 'same-site', origin: 'https://blog.gongzhi.example' })).toBe(false);
    // Even an Origin that claims our host cannot overrule the browser.
    expect(post({ secFetchSite: 'cross-site', origin: 'http://gongzhi.example' })).toBe(false);
  });

  it('lets allowed front-end origins through', () => {
    expect(post({ secFetchSite: 'same-site', origin: 'https://web.gongzhi.example' })).toBe(true);
    expect(post({ origin: 'https://web.gongzhi.example' })).toBe(true);
  });

  it('without Sec-Fetch-Site, requires Origin to name the host', () => {
    expect(post({ origin: 'https://gongzhi.example' })).toBe(true);
    expect(
      isSameOriginRequest({
        method: 'POST',
        host: 'gongzhi.example:443',
        origin: 'https://gongzhi.example',
      }),
    ).toBe(true);
    expect(
      isSameOriginRequest({
        method: 'PUT',
        host: '127.0.0.1:3000',
        origin: 'http://127.0.0.1:3000',
      }),
    ).toBe(true);
    expect(post({ origin: 'https://evil.example' })).toBe(false);
    expect(post({ origin: 'null' })).toBe(false);
    expect(post({ origin: 'not a url' })).toBe(false);
    expect(isSameOriginRequest({ method: 'DELETE', origin: 'https://gongzhi.example' })).toBe(
      false,
    );
  });

  it('lets non-browser clients (neither header) through', () => {
    expect(post({})).toBe(true);
    expect(post({ origin: '', secFetchSite: null })).toBe(true);
  });
});
