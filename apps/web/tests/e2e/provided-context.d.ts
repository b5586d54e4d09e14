// What the global setup hands to the tests (vitest's provide/inject).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The server's stdout and stderr, as a file. */
    serverLog: string;
  }
}
