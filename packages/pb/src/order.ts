// The two orders on project ids used in this package.

/**
 * Order of ids as strings by Unicode code point: what Python's `str` comparison does, and hence the
 * reference's lexicographic tie-breaking ("10" < "9", "B" < "a"). JavaScript's `<` compares UTF-16
 * code units, which differs above U+FFFF, so it is not used.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const chunk = /(\d+)|(\D+)/g;

/**
 * Natural order for display ("2" < "10", "L9" < "L10"), as natsort orders the reference's output:
 * runs of digits compare by value, other runs by code point, and a digit run sorts before text.
 */
export function compareNatural(a: string, b: string): number {
  const xs = a.match(chunk) ?? [];
  const ys = b.match(chunk) ?? [];
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const xDigits = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const yDigits = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (xDigits && yDigits) {
      const xv = BigInt(x);
      const yv = BigInt(y);
      if (xv !== yv) return xv < yv ? -1 : 1;
    } else if (xDigits !== yDigits) {
      return xDigits ? -1 : 1;
    } else {
      const c = compareCodePoints(x, y);
      if (c !== 0) return c;
    }
  }
  if (xs.length !== ys.length) return xs.length - ys.length;
  return compareCodePoints(a, b);
}

export function sortNatural(ids: Iterable<string>): string[] {
  return [...ids].sort(compareNatural);
}
