import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { App } from '@/app/app';
import { prestartViewData } from '@/app/prestart';
import { createQueryClient, Providers } from '@/app/providers';
import { resolveConfig } from '@/features/data/config';
import { metaOptions } from '@/features/data/queries';
import type { AppConfig } from '@/features/data/config';
import { server } from '@mocks/node';

export { server };
export { scenarios } from '@mocks/scenarios';
export { brokenRecordCounts } from '@mocks/broken-records';

/** The configuration the built app gets when there is no config.json: demo data on /api/v1. */
export const demoConfig: AppConfig = resolveConfig(null, undefined);

/**
 * Start the demo API for this test file. Every request must be answered by a handler, and
 * per-test overrides (`server.use(...)`) are dropped after each test.
 */
export function startDemoServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

/** Render the whole app, with real providers and a fresh non-retrying QueryClient, at `url`. */
export function renderApp(url = '/', config: AppConfig = demoConfig) {
  window.history.replaceState(null, '', url);
  const user = userEvent.setup();
  const client = createQueryClient(false);
  const result = render(
    <Providers config={config} client={client}>
      <App config={config} />
    </Providers>,
  );
  return { user, client, ...result };
}

/** Resolves once the headline cards have data (their heading carries the region and year). */
export async function findKpiSection(): Promise<HTMLElement> {
  const section = await screen.findByRole('region', { name: /重点指标|Key indicators/ });
  await screen.findAllByRole('article');
  return section;
}

/**
 * The data requests the demo API sees during each test of this file, as "observations?…" and
 * "rankings?…" (what a test of "asks for nothing more" compares); emptied after each test.
 */
export function recordDataRequests(): string[] {
  const seen: string[] = [];
  const record = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (/\/(observations|rankings)$/.test(url.pathname))
      seen.push(`${url.pathname.split('/').pop() ?? ''}${url.search}`);
  };
  beforeEach(() => {
    server.events.on('request:start', record);
  });
  afterEach(() => {
    server.events.removeListener('request:start', record);
    seen.length = 0;
  });
  return seen;
}

/**
 * A cold link's start-up as main.tsx runs it (meta, then the link's first data through
 * prestart.ts) on a fresh QueryClient; `draw()` then renders the whole app on that client.
 */
export async function startUp(url: string, { retry = false } = {}) {
  window.history.replaceState(null, '', url);
  const client = createQueryClient(retry);
  const meta = (await client.query(metaOptions(demoConfig))).data;
  await prestartViewData(client, demoConfig, meta, window.location.search);
  const draw = () =>
    render(
      <Providers config={demoConfig} client={client}>
        <App config={demoConfig} />
      </Providers>,
    );
  return { client, meta, draw };
}
