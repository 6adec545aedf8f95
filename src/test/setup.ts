import { afterEach, beforeEach, vi } from 'vitest';
import { loadLanguage, loadViewStrings } from '@/lib/i18n';

// Every project (unit, dom, integration): the i18n catalogues, and console.error as a failure.

// console.error means React or our code reported a problem: fail the test instead of scrolling past it.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(' ')}`);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

// English and the views' Chinese words are fetched on demand in the app (lib/i18n); tests have
// every word from the start.
await Promise.all([loadLanguage('en'), loadViewStrings()]);
