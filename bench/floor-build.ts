import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export const FLOOR_ROOT = fileURLToPath(new URL('./floor', import.meta.url));

/**
 * Build the floor page (bench/floor) with Vite's JS API, same target as the app. The run is
 * inside vitest, where NODE_ENV is "test": force production so React is its production build.
 */
export async function buildFloor(outDir: string): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: FLOOR_ROOT,
      configFile: false,
      base: './',
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        sourcemap: false,
        chunkSizeWarningLimit: 1000,
      },
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
