import { defineConfig } from 'vitest/config';

// The suites start servers and open databases; on a shared two-core machine that can take a while.
export default defineConfig({
  test: { testTimeout: 20_000, hookTimeout: 60_000 },
});
