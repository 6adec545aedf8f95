/**
 * "Trustworthy under bad data", on screen: generated servers (valid, and broken in every way the
 * contract names) are served through msw, each of the four views is rendered, and the page must
 * stay honest — no uncaught error, never blank, the data-quality notice counts exactly the
 * records left out, every headline value of the default region and year is on its card (and
 * nothing shows "0" that was not 0), and labels carrying markup are shown as literal text.
 */
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, screen, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { http } from 'msw';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '@/features/data/config';
import type { Lang } from '@/lib/i18n';
import type { Indicator, Meta, Observation, Region } from '@contract/types';
import { REGION_LEVELS } from '@contract/types';
import { translator } from '@/lib/i18n';
import { renderApp, server, startDemoServer } from '@/test/render-app';
import type { WireDataset } from '@contract/wire-types';
import { respond } from '@contract/filter';
import { createHandlers, endpointPath, jsonResponse } from '@mocks/handlers';
import { VIEW_OPTIONS, datasetCaseArb } from './arbitraries';
import type { DatasetCase, OkMetaCase, Tagged } from './arbitraries';

startDemoServer();

/** Renders per view: each one is a whole app against a fresh server, so few but varied. */
const RUNS = { overview: 25, trends: 20, programmes: 20, rankings: 20 } as const;
/** How often (%) a response is not the contract's shape at all (meta / record lists). */
const SHAPE_BREAK_PERCENT = { meta: 8, records: 5 } as const;
const TIMEOUT_MS = 120_000;
/** Replay a failure: FC_SEED=<seed> FC_PATH=<path> npx vitest run src/test/property/views… */
const REPLAY = process.env.FC_SEED
  ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true }
  : {};

type View = keyof typeof RUNS;
/** What the runs actually exercised, printed at the end so a vacuous pass would show. */
const seen = {
  datasets: 0,
  metaErrors: 0,
  panelErrors: 0,
  notices: 0,
  dropped: 0,
  cardValues: 0,
  cardMissing: 0,
  labels: 0,
  markup: 0,
};

const BASE = 'http://localhost/api/v1';
const config = resolveConfig(JSON.stringify({ apiBaseUrl: BASE }), undefined);

function urlFor(view: View, lang: Lang): string {
  const params = new URLSearchParams();
  if (view !== 'overview') params.set('view', view);
  if (lang === 'en') params.set('lang', 'en');
  const qs = params.toString();
  return qs ? `/?${qs}` : '/';
}

/** What the demo server is given: the generated lists, broken records and all. */
function wireDataset(c: DatasetCase): WireDataset {
  const list = (l: { shapeBreak: string | null; records: Tagged<unknown>[] } | null) =>
    l && l.shapeBreak === null ? l.records.map((r) => r.raw) : [];
  return {
    meta: c.meta.wire,
    observations: list(c.observations),
    rankings: list(c.rankings),
  } as unknown as WireDataset;
}

/** Wait until every query has answered and nothing is loading any more. */
async function settle(client: QueryClient): Promise<void> {
  await waitFor(
    () => {
      expect(document.querySelector('.skeleton')).toBeNull();
      expect(client.isFetching()).toBe(0);
      const pending = client
        .getQueryCache()
        .getAll()
        .filter((q) => q.state.status === 'pending');
      expect(pending).toHaveLength(0);
      expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    },
    { timeout: 15_000 },
  );
}

interface Served {
  endpoint: 'observations' | 'rankings';
  /** null when the response was not the contract's shape. */
  records: Tagged<unknown>[] | null;
}

/** What the server answered to each request the app made, mapped back to the model. */
function servedResponses(c: DatasetCase, dataset: WireDataset, urls: string[]): Served[] {
  const tags = new Map<unknown, Tagged<unknown>>();
  for (const r of [...(c.observations?.records ?? []), ...(c.rankings?.records ?? [])])
    tags.set(r.raw, r);
  const out: Served[] = [];
  for (const href of new Set(urls)) {
    const url = new URL(href);
    const endpoint = url.pathname.endsWith('/observations')
      ? 'observations'
      : url.pathname.endsWith('/rankings')
        ? 'rankings'
        : null;
    if (endpoint === null) continue;
    const listCase = c[endpoint];
    if (listCase?.shapeBreak != null) {
      out.push({ endpoint, records: null });
      continue;
    }
    const result = respond(dataset, endpoint, url.searchParams);
    expect(result.status, `${href} answered ${String(result.status)}`).toBe(200);
    const body = result.body as Record<string, unknown[]>;
    const records = (body[endpoint] ?? []).map((raw) => {
      const tag = tags.get(raw);
      if (!tag) throw new Error('served a record the model does not know');
      return tag;
    });
    out.push({ endpoint, records });
  }
  return out;
}

const LEVEL = (r: Region) => REGION_LEVELS.indexOf(r.level);

/**
 * The region and year the overview shows without filters: the highest-level region with data
 * (meta order breaks ties) and the latest year with data. Null when nothing has a value.
 */
function defaultCell(meta: Meta, kept: Observation[]): { region: Region; year: number } | null {
  const withData = kept.filter((o) => o.value !== null);
  if (withData.length === 0) return null;
  const year = Math.max(...withData.map((o) => o.year));
  const ids = new Set(withData.map((o) => o.region));
  let top: Region | null = null;
  for (const r of meta.regions) if (ids.has(r.id) && (!top || LEVEL(r) < LEVEL(top))) top = r;
  return top && { region: top, year };
}

/** How the card scales a value: 万元 in Chinese, millions of yuan in English above 1e6. */
function cardScale(ind: Indicator, value: number, lang: Lang): { scale: number; decimals: number } {
  if (ind.unit !== 'cny') return { scale: 1, decimals: ind.decimals };
  // Chinese: 万元 from 1万 up, 元 below it (so a small amount never reads "0万元").
  if (lang === 'zh')
    return Math.abs(value) >= 1e4
      ? { scale: 1e4, decimals: 2 }
      : { scale: 1, decimals: ind.decimals };
  if (Math.abs(value) >= 1e6) return { scale: 1e6, decimals: 2 };
  return { scale: 1, decimals: ind.decimals };
}

const headlineOf = (meta: Meta) => {
  const flagged = meta.indicators.filter((i) => i.headline);
  return flagged.length > 0 ? flagged : meta.indicators.slice(0, 8);
};

function checkKpiCards(meta: Meta, served: Served[], lang: Lang): void {
  const obs = served.find((s) => s.endpoint === 'observations');
  if (!obs?.records) return; // the panel shows an error instead (checked by the caller)
  const kept = obs.records.flatMap((r) => (r.keep ? [r.keep as Observation] : []));
  const section = screen.getByRole('region', { name: /重点指标|Key indicators/ });
  const cards = [...section.querySelectorAll('article')];
  const headline = headlineOf(meta);
  expect(cards).toHaveLength(headline.length);
  const at = defaultCell(meta, kept);
  if (at) expect(section.querySelector('h2')?.textContent).toContain(String(at.year));
  const byKey = new Map(kept.map((o) => [`${o.indicator}|${o.region}|${o.year}`, o]));
  const missingWord = translator(lang)('state.missing');
  for (const ind of headline) {
    const card = cards.find((a) => a.getAttribute('aria-label') === ind.name[lang]);
    if (!card) throw new Error(`no card for ${JSON.stringify(ind.name[lang])}`);
    expect(card.querySelector('h3')?.textContent).toBe(ind.name[lang]);
    const cell = at ? byKey.get(`${ind.id}|${at.region.id}|${at.year}`) : undefined;
    const numberEl = card.querySelector('.kpi-card__number');
    const missingEl = card.querySelector('.kpi-card__missing');
    if (cell && cell.value !== null) {
      const value = cell.value;
      const text = numberEl?.textContent ?? '';
      const shown = Number(text.replace(/\u2212/g, '-').replace(/,/g, ''));
      const { scale, decimals } = cardScale(ind, value, lang);
      const what = `${ind.unit} value ${String(value)} (decimals ${String(ind.decimals)}, ${lang}) shown as "${text}"`;
      expect(Number.isFinite(shown), what).toBe(true);
      // The digits round to the value at the published precision…
      const tolerance = 0.5 * 10 ** -decimals * scale * (1 + 1e-9) + Math.abs(value) * 1e-12;
      expect(Math.abs(shown * scale - value), what).toBeLessThanOrEqual(tolerance);
      // …and a figure that is not 0 never reads as 0.
      if (value !== 0) expect(shown, what).not.toBe(0);
      seen.cardValues++;
    } else {
      // Missing is "暂无数据"/"No data" (or the cell's note), never a number and never 0.
      expect(numberEl, `card ${ind.id} shows a number for a missing value`).toBeNull();
      const text = missingEl?.textContent ?? '';
      if (at) expect(text).toBe(cell?.note?.[lang] ?? missingWord);
      expect(text).not.toBe('0');
      seen.cardMissing++;
    }
  }
}

/** Labels the view must show as exact text (options, card titles, badges, the page title). */
function exactLabels(view: View, meta: Meta, served: Served[], lang: Lang): string[] {
  const labels = meta.regions.filter((r) => r.level === 'district').map((r) => r.name[lang]);
  const ok = (endpoint: Served['endpoint']) =>
    served.some((s) => s.endpoint === endpoint && s.records !== null);
  if (view === 'overview' && ok('observations'))
    labels.push(...headlineOf(meta).map((i) => i.name[lang]));
  if (view === 'overview' && ok('rankings'))
    labels.push(...meta.assessments.map((a) => a.name[lang]));
  if (view === 'trends') labels.push(...meta.indicators.map((i) => i.name[lang]));
  if (view === 'programmes') labels.push(...meta.programmes.map((p) => p.name[lang]));
  return labels;
}

/** Which panels must show an error because their response was not the contract's shape. */
function expectsAlert(view: View, meta: Meta, served: Served[]): boolean {
  const broken = (endpoint: Served['endpoint']) =>
    served.some((s) => s.endpoint === endpoint && s.records === null);
  const programmeHasIndicators = () => {
    const programme =
      meta.programmes.find((p) => meta.indicators.some((i) => i.programme === p.id)) ??
      meta.programmes[0] ??
      null;
    return meta.indicators.some((i) => i.programme === (programme?.id ?? null));
  };
  switch (view) {
    case 'overview':
      return broken('observations') || (broken('rankings') && meta.assessments.length > 0);
    case 'trends':
      return broken('observations');
    case 'programmes':
      return broken('observations') && programmeHasIndicators();
    case 'rankings':
      return broken('rankings') && meta.assessments.length > 0;
  }
}

function expectNoInjectedMarkup(): void {
  expect(document.querySelector('img[src="x"]')).toBeNull();
  expect(document.querySelector('script')).toBeNull();
  expect(document.querySelector('[onerror], [onload]')).toBeNull();
  expect(document.querySelector('b')).toBeNull();
}

/**
 * Collect console.error calls and uncaught errors instead of throwing at once (the setup file's
 * behaviour), so that a property reports them with its counterexample. `stop` puts back
 * whatever was there before.
 */
function collectErrors(): { errors: string[]; stop: () => void } {
  const errors: string[] = [];
  const wasSpied = vi.isMockFunction(console.error);
  const spy = vi.spyOn(console, 'error');
  const before = spy.getMockImplementation();
  spy.mockImplementation((...args: unknown[]) => {
    errors.push(args.map(String).join(' ').slice(0, 2000));
  });
  const onWindowError = (e: ErrorEvent) => errors.push(`uncaught: ${e.message}`);
  window.addEventListener('error', onWindowError);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onWindowError);
      if (wasSpied && before) spy.mockImplementation(before);
      else spy.mockRestore();
    },
  };
}

const NAME = { zh: '甲', en: 'A' };
/** One of everything, two headline indicators: the smallest server every view has data from. */
const TINY = {
  meta: {
    apiVersion: 1,
    years: [2019],
    regions: [{ id: 'r', level: 'district', parent: null, name: NAME }],
    programmes: [{ id: 'p', name: NAME }],
    campaigns: [],
    indicators: ['i', 'j'].map((id) => ({
      id,
      name: { zh: `指标${id}`, en: `Indicator ${id}` },
      unit: 'count',
      decimals: 0,
      better: 'lower',
      programme: 'p',
      headline: true,
    })),
    assessments: [{ id: 'a', name: NAME, scope: 'r' }],
  },
  observations: [{ indicator: 'i', region: 'r', year: 2019, value: 1 }],
  rankings: [{ assessment: 'a', region: 'r', year: 2019, rank: 1, of: 2 }],
};

/** React's complaint when QualityNotice is updated from inside another component's render. */
const NOTICE_UPDATE_IN_RENDER =
  /^Cannot update a component \(`%s`\) while rendering a different component .* QualityNotice (TrendsView|ProgrammesView|RankingsView)/;

/** Render each lazily loaded view once (the first render of each is where the bug shows). */
async function renderLazyViewsOnce(): Promise<string[]> {
  const { errors, stop } = collectErrors();
  server.use(...createHandlers(TINY as unknown as WireDataset, { baseUrl: BASE }));
  try {
    for (const view of ['trends', 'programmes', 'rankings'] as const) {
      const { client } = renderApp(urlFor(view, 'zh'), config);
      await settle(client);
      cleanup();
      client.clear();
    }
  } finally {
    server.resetHandlers();
    stop();
  }
  return errors;
}

// Counterexamples the properties found, kept as plain tests of the fixed behaviour.
describe('bugs found by the properties (fixed)', () => {
  // quality-notice.tsx once rebuilt its snapshot when a view created a query while rendering,
  // and React reported "Cannot update a component (`QualityNotice`) while rendering …".
  it('a view loaded on demand renders without updating the notice mid-render', async () => {
    const errors = await renderLazyViewsOnce();
    expect(errors).toEqual([]);
  });

  // parse-meta.ts once labelled a failed meta record by its id alone, so `regions[1] = null`
  // and `indicators[1] = null` collapsed into one row of the notice.
  it('two broken meta records at one index of different arrays count twice', async () => {
    const meta = {
      ...TINY.meta,
      regions: [...TINY.meta.regions, null],
      indicators: [TINY.meta.indicators[0], null, TINY.meta.indicators[1]],
    };
    server.use(...createHandlers({ ...TINY, meta } as unknown as WireDataset, { baseUrl: BASE }));
    renderApp('/', config);
    const notice = await screen.findByRole('region', { name: /数据质量提示/ });
    expect(notice).toHaveAccessibleName('数据质量提示：2 条记录不符合接口约定，已略去');
    expect(notice.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  // format.ts once wrote every yuan amount in 万元 with 2 decimals: 1 yuan read "0万元".
  it('a yuan amount of 1 reads "1元", never "0"', async () => {
    const meta = {
      ...TINY.meta,
      indicators: TINY.meta.indicators.map((i) => ({ ...i, unit: 'cny' })),
    };
    server.use(...createHandlers({ ...TINY, meta } as unknown as WireDataset, { baseUrl: BASE }));
    renderApp('/', config);
    const card = await screen.findByRole('article', { name: '指标i' });
    expect(card.querySelector('.kpi-card__value')).toHaveTextContent(/^1元$/);
  });
});

async function checkView(view: View, c: DatasetCase, lang: Lang): Promise<void> {
  seen.datasets++;
  const { errors, stop } = collectErrors();
  const urls: string[] = [];
  const onRequest = ({ request }: { request: Request }) => {
    urls.push(request.url);
  };
  server.events.on('request:start', onRequest);

  const dataset = wireDataset(c);
  server.use(...createHandlers(dataset, { baseUrl: BASE }));
  for (const endpoint of ['observations', 'rankings'] as const) {
    const listCase = c[endpoint];
    if (listCase?.shapeBreak != null) {
      const body = listCase.body;
      server.use(http.get(endpointPath(endpoint, BASE), () => jsonResponse(body)));
    }
  }

  let client: QueryClient | null = null;
  try {
    client = renderApp(urlFor(view, lang), config).client;
    await settle(client);

    // Never blank: the title, and either content or an error with a retry.
    const h1 = screen.getByRole('heading', { level: 1 });
    const main = document.getElementById('main');
    expect(main?.textContent.trim()).not.toBe('');
    expectNoInjectedMarkup();

    if (c.meta.throws) {
      seen.metaErrors++;
      const alert = screen.getByRole('alert');
      expect(alert.querySelector('button')).not.toBeNull();
      expect(h1.textContent).toBe(translator(lang)('app.title'));
      expect(screen.queryByRole('region', { name: /数据质量提示|Data quality/ })).toBeNull();
      return;
    }
    const m: OkMetaCase = c.meta;
    const meta = m.meta;
    expect(h1.textContent).toBe(meta.title?.[lang] ?? translator(lang)('app.title'));

    const served = servedResponses(c, dataset, urls);
    const alerts = screen.queryAllByRole('alert');
    if (expectsAlert(view, meta, served)) {
      seen.panelErrors++;
      expect(alerts.length).toBeGreaterThan(0);
    }
    for (const a of alerts) expect(a.querySelector('button')).not.toBeNull();

    // The notice counts exactly the records left out (meta issues included).
    // A record served in two responses (the cards' and the completion table's) is one record.
    const droppedRecords = new Set(
      served.flatMap((s) => (s.records ?? []).filter((r) => r.drop !== null).map((r) => r.raw)),
    );
    const dropped = m.issues.length + droppedRecords.size;
    const notice = screen.queryByRole('region', { name: /数据质量提示|Data quality/ });
    if (dropped === 0) expect(notice).toBeNull();
    else {
      if (!notice) throw new Error(`no data-quality notice for ${String(dropped)} dropped records`);
      seen.notices++;
      seen.dropped += dropped;
      const count = /\d+/.exec(notice.getAttribute('aria-label') ?? '')?.[0];
      expect(Number(count), 'count in the data-quality notice').toBe(dropped);
      expect(notice.querySelectorAll('tbody tr')).toHaveLength(Math.min(dropped, 500));
    }

    if (view === 'overview') checkKpiCards(meta, served, lang);
    for (const label of exactLabels(view, meta, served, lang)) {
      expect(screen.getAllByText(label).length, `label ${JSON.stringify(label)}`).toBeGreaterThan(
        0,
      );
      seen.labels++;
      if (m.hostile.includes(label)) seen.markup++;
    }
    expectNoInjectedMarkup();
  } finally {
    cleanup();
    client?.clear();
    server.resetHandlers();
    server.events.removeListener('request:start', onRequest);
    stop();
  }
  expect(errors, 'console.error or uncaught errors while rendering').toEqual([]);
}

describe('every view under generated data (property)', () => {
  beforeAll(async () => {
    // See the first known bug above: anything else reported here is a new failure.
    const errors = await renderLazyViewsOnce();
    expect(errors.filter((e) => !NOTICE_UPDATE_IN_RENDER.test(e))).toEqual([]);
  }, 60_000);

  const only = process.env.FC_VIEW;
  for (const view of (Object.keys(RUNS) as View[]).filter((v) => !only || v === only)) {
    it(
      `${view}: never blank, never crashes, counts what it left out, shows what it kept`,
      async () => {
        await fc.assert(
          fc.asyncProperty(
            datasetCaseArb(VIEW_OPTIONS, SHAPE_BREAK_PERCENT),
            fc.constantFrom<Lang>('zh', 'zh', 'en'),
            (c, lang) => checkView(view, c, lang),
          ),
          { numRuns: Number(process.env.FC_RUNS ?? RUNS[view]), ...REPLAY },
        );
      },
      TIMEOUT_MS,
    );
  }
});

afterAll(() => {
  const s = seen;
  console.log(
    `[property:views] generated ${String(3 * s.datasets)} responses (${String(s.datasets)} datasets of meta + observations + rankings): ${String(s.metaErrors)} meta errors, ${String(s.panelErrors)} panel errors, ${String(s.notices)} notices counting ${String(s.dropped)} records, ${String(s.cardValues)} card values and ${String(s.cardMissing)} missing cards checked, ${String(s.labels)} labels (${String(s.markup)} markup) found as text`,
  );
});
