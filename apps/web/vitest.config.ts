// Unit tests of src/lib. Only the SvelteKit plugin (for $lib and $env): the message compiler's
// watcher would keep the run from exiting, and `typecheck`/`build` compile the messages.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: { include: ['src/**/*.test.ts'] },
});
