import { defineConfig } from 'vitest/config';

// Browser tests: Node drives Debian Chromium (playwright-core) against the production build.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
