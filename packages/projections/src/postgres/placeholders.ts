/**
 * Rewrites `?` placeholders to PostgreSQL's `$1..$n`, leaving string literals, quoted
 * identifiers and comments alone.
 */
export function toNumberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const quoteEnd = c === "'" || c === '"' ? skipQuoted(sql, i, c) : -1;
    if (quoteEnd >= 0) {
      out += sql.slice(i, quoteEnd);
      i = quoteEnd;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else {
      out += c === '?' ? `$${++n}` : c;
      i += 1;
    }
  }
  return out;
}

/** Index just past the quoted run opened at `start`; a doubled quote is an escaped one. */
function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const next = sql.indexOf(quote, i);
    if (next < 0) return sql.length;
    if (sql[next + 1] === quote) i = next + 2;
    else return next + 1;
  }
}
