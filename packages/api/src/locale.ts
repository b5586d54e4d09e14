// The interface language of a request: the x-gongzhi-locale header (set by the web app's
// server), else Paraglide's PARAGLIDE_LOCALE cookie, else Accept-Language; zh-CN by default.

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const LOCALE_HEADER = 'x-gongzhi-locale';
export const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';

/** Maps a language tag to one of ours: en-GB → en, zh-Hans-CN → zh-CN; others → undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'en') return 'en';
  if (primary === 'zh') return 'zh-CN';
  return undefined;
}

/** A cookie's value, percent-decoded; undefined when it is absent or cannot be decoded. */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  for (const pair of cookieHeader?.split(';') ?? []) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(separator + 1).trim());
      } catch {
        return undefined; // a malformed escape (%E0%A4%A): no browser sent it
      }
    }
  }
  return undefined;
}

/** Accept-Language tags by descending quality; ties keep their order. */
function acceptedTags(header: string | null): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, quality: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

export function resolveLocale(headers: Pick<Headers, 'get'>): Locale {
  return (
    matchLocale(headers.get(LOCALE_HEADER)) ??
    matchLocale(readCookie(headers.get('cookie'), LOCALE_COOKIE)) ??
    acceptedTags(headers.get('accept-language'))
      .map(matchLocale)
      .find((locale) => locale !== undefined) ??
    DEFAULT_LOCALE
  );
}
