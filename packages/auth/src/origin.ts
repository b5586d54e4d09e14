// Cross-site request forgery defence for state-changing requests, by the headers browsers set
// and pages cannot forge (the approach of Go 1.25's net/http CrossOriginProtection):
//
// 1. Safe methods (GET, HEAD, OPTIONS) change nothing and pass.
// 2. Sec-Fetch-Site: same-origin (our own page) or none (typed URL, bookmark) passes.
// 3. An Origin in the allow-list (other front-ends of ours) passes.
// 4. Any other Sec-Fetch-Site (same-site, cross-site) is refused: the browser has told us the
//    request comes from another site, and it knows better than a Host header behind a proxy.
// 5. Without Sec-Fetch-Site (older browsers), Origin must name this server: the scheme the
//    request reached it by, and the host and port it was sent to. An unparsable or `null`
//    Origin (sandboxed frames, file: pages) never matches; nor does an https page posting to
//    the same host over http, which is another origin.
// 6. Neither header: not a browser. Every browser since 2020 sends Origin on non-GET requests,
//    and Sec-Fetch-Site since 2023, so a request with neither comes from curl, a script or
//    another server. Such a client holds its own cookie (no ambient authority to abuse), so
//    CSRF does not apply and the request passes.
import type { LocalizedText } from '@gongzhi/domain';

export interface RequestOriginFacts {
  method: string;
  /** The Origin header. */
  origin?: string | null;
  /** The Sec-Fetch-Site header. */
  secFetchSite?: string | null;
  /** The Host header (host[:port]) the request was sent to. */
  host?: string | null;
  /**
   * The scheme the request reached this server by, `http` or `https`: the server's own, or
   * X-Forwarded-Proto when a trusted proxy in front of it terminates TLS.
   */
  scheme: string;
  /** Origins (scheme://host[:port]) of other front-ends allowed to call, e.g. the web app's. */
  allowedOrigins?: readonly string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SCHEMES = new Set(['http', 'https']);
/** What a Host header may hold: a name or address, and a port. */
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

export const CROSS_SITE_REQUEST_REFUSED: LocalizedText = {
  'zh-CN': '请求来自其他网站，已拒绝。请在本站页面上操作。',
  en: 'The request came from another site and was refused. Please use this site’s own pages.',
};

function parseOrigin(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Whether Origin names scheme://host: same scheme, host and port (a default port or none). */
function originMatchesServer(origin: URL, scheme: string, host: string): boolean {
  const wantedScheme = scheme.trim().toLowerCase();
  const wantedHost = host.trim();
  if (!SCHEMES.has(wantedScheme) || !HOST.test(wantedHost)) return false;
  // URL drops a default port (a.example:443 over https is a.example) and lower-cases the host.
  return parseOrigin(`${wantedScheme}://${wantedHost}`)?.origin === origin.origin;
}

/** Whether a request may change state: see the rules at the top of this file. */
export function isSameOriginRequest(facts: RequestOriginFacts): boolean {
  if (SAFE_METHODS.has(facts.method.toUpperCase())) return true;

  const site = facts.secFetchSite?.trim().toLowerCase();
  if (site === 'same-origin' || site === 'none') return true;

  const origin = facts.origin ? parseOrigin(facts.origin) : undefined;
  const allowed = (facts.allowedOrigins ?? []).some(
    (candidate) => origin !== undefined && parseOrigin(candidate)?.origin === origin.origin,
  );
  if (allowed) return true;
  // The browser says another site sent this; Origin is not consulted beyond the allow-list.
  if (site) return false;
  if (!facts.origin) return true;
  return (
    origin !== undefined && !!facts.host && originMatchesServer(origin, facts.scheme, facts.host)
  );
}
