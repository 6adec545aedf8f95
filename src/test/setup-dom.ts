import '@testing-library/jest-dom/vitest';
import { afterEach, beforeAll } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// The dom project only (jsdom): jest-dom's matchers, and Testing Library's cleanup.

// The first visit of a lazily loaded view imports its chunk, which in jsdom under a parallel
// run on two cores can take longer than the 1 s default for findBy* queries.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
});

// The dom project's files share one page per worker (isolate: false in vite.config.ts): each
// file starts from what a fresh page has, whatever the file before it left behind.
beforeAll(() => {
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  document.title = '';
});
