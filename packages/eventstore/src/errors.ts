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
