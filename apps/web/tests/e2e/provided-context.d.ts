// What the global setup hands to the tests (vitest's provide/inject).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data directory seeded once with the demo data, copied by each test file. */
    templateDir: string;
  }
}
