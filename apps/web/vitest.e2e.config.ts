// Browser tests against the real server (api + built web app in one process). Turbo runs `build`
// before `e2e`; the global setup starts the server on a free port with a fresh data directory.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // One server and one browser at a time: the machine is small and shared.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
