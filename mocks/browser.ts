import { setupWorker } from 'msw/browser';
import { demoDataset } from './demo/dataset';
import { createHandlers, type HandlerOptions } from './handlers';

let starting: Promise<void> | null = null;

/**
 * Serves the demo data from a service worker. Idempotent, because React's development double
 * mounting or a retry must not register a second worker.
 */
export async function startDemoWorker(options: HandlerOptions = {}): Promise<void> {
  starting ??= setupWorker(...createHandlers(demoDataset, options))
    .start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      // The app is built with `base: './'` and may live under any sub-path, so the worker script
      // sits next to index.html rather than at the site root.
      serviceWorker: { url: new URL('mockServiceWorker.js', document.baseURI).pathname },
    })
    .then(
      () => undefined,
      (error: unknown) => {
        starting = null;
        throw error;
      },
    );
  return starting;
}
