import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The largest elections take a few seconds each for mes-add1.
    testTimeout: 60_000,
  },
});
