import type { ExpectedRevision } from './port.ts';

/** The stream was not in the expected state: somebody else wrote first. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or 'no_stream'. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${stream}: expected ${String(expected)}, found ${String(actual)}`);
  }
}

/** An event's JSON data or metadata is not acceptable to the store. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

// Connection failures as the `postgres` client reports them (its own codes, Node's socket errors)
// and the server states that mean "not now, ask again": the primary shutting down or starting,
// a connection-class SQLSTATE, or a former primary that is now a read-only standby.
const UNAVAILABLE_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '25006',
]);

/**
 * Whether an error means the database is out of reach for a moment (a failover, a restart)
 * rather than that the request was wrong: callers answer "try again", not "server error".
 * A write that met this may or may not have committed; the caller's retry is idempotent only
 * where the command is (commands carry their own idempotency where it matters).
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) {
      return true;
    }
    cause = cause.cause;
  }
  return false;
}
