import { describe, expect, it } from 'vitest';
import { isSameOriginRequest, type RequestOriginFacts } from '../src/index.ts';

const host = 'gongzhi.example';
const allowedOrigins = ['https://web.gongzhi.example'];
const post = (facts: Omit<RequestOriginFacts, 'method' | 'host' | 'scheme' | 'allowedOrigins'>) =>
  isSameOriginRequest({ method: 'POST', host, scheme: 'https', allowedOrigins, ...facts });

describe('origin check for state-changing requests', () => {
  it('lets safe methods through whatever their origin', () => {
    for (const method of ['GET', 'head', 'OPTIONS']) {
      expect(
        isSameOriginRequest({
          method,
          host,
          scheme: 'https',
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
    expect(post({ origin: 'https://GongZhi.example' })).toBe(true);
    expect(
      isSameOriginRequest({
        method: 'POST',
        host: 'gongzhi.example:443',
        scheme: 'https',
        origin: 'https://gongzhi.example',
      }),
    ).toBe(true);
    expect(
      isSameOriginRequest({
        method: 'PUT',
        host: '127.0.0.1:3000',
        scheme: 'http',
        origin: 'http://127.0.0.1:3000',
      }),
    ).toBe(true);
    expect(
      isSameOriginRequest({
        method: 'POST',
        host: '[::1]:3000',
        scheme: 'http',
        origin: 'http://[::1]:3000',
      }),
    ).toBe(true);
    expect(post({ origin: 'https://evil.example' })).toBe(false);
    expect(post({ origin: 'null' })).toBe(false);
    expect(post({ origin: 'not a url' })).toBe(false);
    expect(
      isSameOriginRequest({ method: 'DELETE', scheme: 'https', origin: 'https://gongzhi.example' }),
    ).toBe(false);
  });

  it('without Sec-Fetch-Site, requires Origin to name the scheme and port as well', () => {
    const at = (scheme: string, host: string, origin: string) =>
      isSameOriginRequest({ method: 'POST', scheme, host, origin });
    // The probe's case: an https page is another origin than the http server on the same host.
    expect(at('http', '127.0.0.1:3941', 'https://127.0.0.1:3941')).toBe(false);
    expect(at('https', 'gongzhi.example', 'http://gongzhi.example')).toBe(false);
    expect(at('http', '127.0.0.1:3941', 'http://127.0.0.1:3942')).toBe(false);
    expect(at('http', '127.0.0.1:3941', 'http://127.0.0.1')).toBe(false);
    expect(at('https', 'gongzhi.example', 'https://gongzhi.example:8443')).toBe(false);
    // A default port named or not is the same origin, for the scheme it belongs to only.
    expect(at('http', 'gongzhi.example:80', 'http://gongzhi.example')).toBe(true);
    expect(at('http', 'gongzhi.example', 'http://gongzhi.example:80')).toBe(true);
    expect(at('http', 'gongzhi.example:443', 'https://gongzhi.example')).toBe(false);
    // A scheme other than http(s), or a Host that is not a host, matches nothing.
    expect(at('ftp', 'gongzhi.example', 'ftp://gongzhi.example')).toBe(false);
    expect(at('https', 'evil.example@gongzhi.example', 'https://gongzhi.example')).toBe(false);
    expect(at('https', 'gongzhi.example/path', 'https://gongzhi.example')).toBe(false);
  });

  it('lets non-browser clients (neither header) through', () => {
    expect(post({})).toBe(true);
    expect(post({ origin: '', secFetchSite: null })).toBe(true);
  });
});
