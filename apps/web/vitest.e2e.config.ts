// Browser tests against the real server (api + built web app in one process). Turbo runs `build`
// before `e2e`. The global setup seeds the demo data once; each file runs against a server of its
// own on a fresh copy of it (file-server.ts), and the files run in a shuffled order (the seed is
// printed; GONGZHI_E2E_SEED repeats an order) to prove that none depends on another.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    setupFiles: ['tests/e2e/file-server.ts'],
    sequence: {
      shuffle: { files: true, tests: false },
      seed: Number(process.env.GONGZHI_E2E_SEED ?? Date.now() % 1_000_000),
    },
    // One server and one browser at a time: the machine is small and shared.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
