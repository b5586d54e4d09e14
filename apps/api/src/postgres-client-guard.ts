// A known defect of the `postgres` client (porsager/postgres#1154, #1208; fixes proposed in
// #1168, #1176, #1209, none released in 3.4.9): a small write it deferred with setImmediate runs
// after the connection closed and throws `Cannot read properties of null (reading 'write')` from
// the timer, outside any query, which ends the process. The query concerned was already rejected
// with CONNECTION_CLOSED, so skipping the write is what the proposed fixes do. It shows whenever
// PostgreSQL goes away under load: in test:cluster both API instances died at a failover.
// This catches that one error (by message and stack) and lets every other one end the process
// as Node would. Remove it once the client's release has the guard.

export function isClosedSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    error.message === "Cannot read properties of null (reading 'write')" &&
    /at (Immediate\.)?nextWrite \(.*postgres[/\\]src[/\\]connection\.js/.test(error.stack ?? '')
  );
}

export function guardPostgresClient(): void {
  process.on('uncaughtException', (error) => {
    if (isClosedSocketWrite(error)) {
      console.error(
        'PostgreSQL connection closed under a pending write (porsager/postgres#1154): ignored',
      );
      return;
    }
    console.error(error);
    process.exit(1);
  });
}
