import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Browser tests: Node drives Debian Chromium (playwright-core) against the production build.
export default defineConfig({
  // The data service (server/) and the mocks use the project's path aliases.
  resolve: {
    alias: { '@': here('./src'), '@mocks': here('./mocks'), '@contract': here('./contract') },
  },
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
