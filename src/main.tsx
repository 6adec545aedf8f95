import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { App } from '@/app/app';
import { Providers } from '@/app/providers';
import { StartupError } from '@/app/startup-error';
import { createQueryClient } from '@/app/providers';
import { loadConfig } from '@/features/data/config';
import { dropEarlyStart } from '@/features/data/early-start';
import { persistCache, restoreCache } from '@/features/data/persist';
import { metaOptions } from '@/features/data/queries';
import { loadLanguage } from '@/lib/i18n';
import { prefetchView, viewLoaders } from '@/app/view-loaders';
import { loadAdminPage } from '@/features/admin/load';
import { prestartViewData } from '@/app/prestart';
import './app/styles.css';

/** At most this long the first render waits for /meta and the view's first data (see start()). */
const FIRST_WAIT_MS = 1000;

const delay = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/**
 * A second CSP narrows connect-src to this site and the configured API. Browsers enforce every
 * policy present, so this can only tighten the baseline one in index.html.
 */
function restrictConnections(apiBaseUrl: string): void {
  const api = new URL(apiBaseUrl, document.baseURI).origin;
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src 'self' ${api === window.location.origin ? '' : api}`.trim();
  document.head.append(meta);
}

/** The data service's data-keeper page (`?page=data`, issue 14): its own chunk, no dashboard. */
async function startAdminPage(root: Root, english: boolean): Promise<void> {
  // boot.js may have begun the dashboard's first requests: nobody will read them here.
  dropEarlyStart();
  try {
    const [{ AdminPage }] = await Promise.all([
      loadAdminPage(),
      loadLanguage(english ? 'en' : 'zh').catch(() => undefined),
    ]);
    root.render(
      <StrictMode>
        <AdminPage />
      </StrictMode>,
    );
  } catch (error) {
    root.render(<StartupError error={error} />);
  }
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') ?? document.body);
  const params = new URLSearchParams(window.location.search);
  if (params.get('page') === 'data') return startAdminPage(root, params.get('lang') === 'en');
  // An English link fetches its catalogue while the configuration loads.
  const english = new URLSearchParams(window.location.search).get('lang') === 'en';
  const catalogue = loadLanguage(english ? 'en' : 'zh');
  // A link to another view fetches that view's code while config and meta load, rather than
  // after them (a cold ?view=trends link otherwise waits for code, then data, one after another).
  const view = new URLSearchParams(window.location.search).get('view');
  if (view !== null && Object.hasOwn(viewLoaders, view))
    prefetchView(view as keyof typeof viewLoaders);
  try {
    const config = await loadConfig();
    if (config.mode === 'demo') {
      // The only place src touches mocks/: a separate chunk that real deployments never load.
      const { startDemoWorker } = await import('../mocks/browser');
      await startDemoWorker();
    }
    restrictConnections(config.apiBaseUrl);
    const client = createQueryClient();
    if (config.mode === 'api') {
      restoreCache(client, config.apiBaseUrl);
      persistCache(client, config.apiBaseUrl);
    }
    // Ask for meta now rather than when the first render reaches useMeta: every panel waits on it.
    // A failure is not lost: it stays in the query cache for useMeta, which shows it with a retry.
    // With meta in, the URL's view asks for its data at once, while React renders (prestart.ts).
    const meta = client.query(metaOptions(config));
    const firstData = new Promise<void>((firstIn) => {
      meta
        .then((m) => prestartViewData(client, config, m.data, window.location.search, firstIn))
        .catch(() => firstIn());
    });
    await catalogue.catch(() => undefined); // without it, English falls back to Chinese text
    // The first render waits a moment for meta (boot.js asked for it while the code loaded) and
    // the view's first answer, so that it draws the view rather than a loading state that is
    // drawn again at once: on a slow phone each render of the whole page is a ~300 ms task
    // (4× CPU), and the answer, in while it runs, would wait behind it. A slow or failing
    // /meta or first answer renders after FIRST_WAIT_MS, with what is in by then.
    await Promise.race([firstData, delay(FIRST_WAIT_MS)]);
    // As a transition, React renders the page in slices of a few milliseconds, between which
    // the browser can answer a tap or a scroll, rather than in one long task.
    startTransition(() =>
      root.render(
        <StrictMode>
          <Providers config={config} client={client}>
            <App config={config} />
          </Providers>
        </StrictMode>,
      ),
    );
  } catch (error) {
    dropEarlyStart();
    root.render(<StartupError error={error} />);
  }
}

void start();
