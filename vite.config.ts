/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// One build serves every deployment: the API base comes from config.json at run time,
// so `base: './'` keeps the app relocatable under any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: { alias: { '@': here('./src'), '@mocks': here('./mocks') } },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'server/**/*.test.ts'],
    css: false,
    testTimeout: 15000,
  },
});
