// The guard against the postgres client's closed-socket crash (src/postgres-client-guard.ts)
// recognises that one error and no other.
import { expect, it } from 'vitest';
import { isClosedSocketWrite } from '../src/postgres-client-guard.ts';

const crash = (message: string, frame: string) => {
  const error = new TypeError(message);
  error.stack = `TypeError: ${message}\n    at ${frame}\n    at process.processImmediate (node:internal/timers:483:21)`;
  return error;
};

it('recognises the client crash by its message and its frame, nothing else', () => {
  const message = "Cannot read properties of null (reading 'write')";
  const frame =
    'Immediate.nextWrite (file:///app/node_modules/.pnpm/postgres@3.4.9/node_modules/postgres/src/connection.js:255:22)';
  expect(isClosedSocketWrite(crash(message, frame))).toBe(true);
  expect(
    isClosedSocketWrite(crash(message, 'Immediate.nextWrite (file:///app/src/mine.js:1:1)')),
  ).toBe(false);
  expect(isClosedSocketWrite(crash("Cannot read properties of null (reading 'end')", frame))).toBe(
    false,
  );
  expect(isClosedSocketWrite(new Error(message))).toBe(false);
});
