// The request log: one line per request with its method, what it called, its status and its
// time. Never the query string or the body: a query's input travels in the URL and carries phone
// numbers, names and receipts.
import { appRouter } from '@gongzhi/api';

const procedures = appRouter._def.procedures as Record<string, unknown>;

/**
 * `--> GET /trpc/ballot.result,ballot.bulletin 200 12ms`: the procedures a /trpc path names
 * (`?` for a name that is none, since a caller may write anything there); any other path as it
 * is (routes and random ids), without its query string.
 */
export function requestLogLine(method: string, url: string, status: number, started: number) {
  const ms = Math.round(performance.now() - started);
  return `--> ${method} ${loggedPath(url.split('?', 1)[0]!)} ${status} ${ms}ms`;
}

function loggedPath(path: string): string {
  if (!path.startsWith('/trpc/')) return path;
  let names: string;
  try {
    names = decodeURIComponent(path.slice('/trpc/'.length));
  } catch {
    return '/trpc/?';
  }
  const called = names.split(',').map((name) => (Object.hasOwn(procedures, name) ? name : '?'));
  return `/trpc/${called.join(',')}`;
}

/**
 * Request log lines for `stream`, written once per turn of the event loop rather than once per
 * line: under load, a write per line (synchronous for pipes and files) costs more than the ballot
 * it logs. What is buffered is written on exit too.
 */
export function requestLog(stream: NodeJS.WritableStream): (line: string) => void {
  let buffered: string[] = [];
  const flush = () => {
    if (buffered.length === 0) return;
    const text = buffered.join('\n') + '\n';
    buffered = [];
    stream.write(text);
  };
  process.on('exit', flush);
  return (line) => {
    if (buffered.push(line) === 1) setImmediate(flush);
  };
}
