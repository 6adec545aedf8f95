import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { loadLanguage } from '@/lib/i18n';

// The first visit of a lazily loaded view imports its chunk, which in jsdom under a parallel
// run on two cores can take longer than the 1 s default for findBy* queries.
configure({ asyncUtilTimeout: 5000 });

// console.error means React or our code reported a problem: fail the test instead of scrolling past it.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(' ')}`);
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// English is fetched on demand in the app (lib/i18n); tests use both languages from the start.
await loadLanguage('en');
