import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildUrl, getJson } from './api-client';
import { resolveConfig } from './config';
import type { EarlyMeta } from './early-start';
import { takeEarlyConfig, takeEarlyMeta } from './early-start';

const BOOT = readFileSync(resolve('public/boot.js'), 'utf8');

/** Run public/boot.js against a config.json body; returns what it started. */
async function boot(configText: string | null, metaBody = '{"meta": true}', metaStatus = 200) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchStub = vi.fn((url: URL | string, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    if (String(url).endsWith('config.json'))
      return Promise.resolve(
        configText === null ? new Response('', { status: 404 }) : new Response(configText),
      );
    return Promise.resolve(new Response(metaBody, { status: metaStatus }));
  });
  vi.stubGlobal('fetch', fetchStub);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the file the page loads, as is
  const run = new Function(BOOT) as () => void;
  run();
  const started = window.__jinduEarly;
  const meta = (await started?.meta) ?? null;
  return { calls, meta };
}

afterEach(() => {
  delete window.__jinduEarly;
  vi.unstubAllGlobals();
});

describe('public/boot.js', () => {
  const configs = [
    '{"apiBaseUrl": "/api/v1"}',
    '{"apiBaseUrl": "  https://data.example.gov.cn/jd/v1//  ", "apiCredentials": "include"}',
    '{"apiBaseUrl": "./api/v1/", "suppressBelow": 5}',
    '{"apiBaseUrl": "../svc"}',
    '{"apiBaseUrl": "javascript:alert(1)"}',
    '{"apiBaseUrl": "//evil.example/v1"}',
    '{"apiBaseUrl": 42}',
    '{"suppressBelow": 5}',
    '{"apiBaseUrl": ',
    '[]',
    'null',
  ];

  it.each(configs)('asks for /meta exactly as the app would, or not at all: %s', async (text) => {
    const { meta, calls } = await boot(text);
    let expected: { url: string; credentials: RequestCredentials } | null = null;
    try {
      const config = resolveConfig(text, undefined);
      if (config.mode === 'api')
        expected = { url: buildUrl(config.apiBaseUrl, 'meta'), credentials: config.credentials };
    } catch {
      expected = null; // the app refuses this config.json: boot.js must not have asked anything
    }
    if (expected === null) {
      expect(meta).toBeNull();
      expect(calls).toHaveLength(1);
    } else {
      expect({ url: meta?.url, credentials: meta?.credentials }).toEqual(expected);
      expect(calls[1]?.url).toBe(expected.url);
      expect(calls[1]?.init?.credentials).toBe(expected.credentials);
    }
  });

  it('asks nothing more when there is no config.json', async () => {
    const { meta, calls } = await boot(null);
    expect(meta).toBeNull();
    expect(calls.map((c) => c.url)).toEqual([new URL('config.json', document.baseURI).href]);
  });
});

describe('taking what boot.js started', () => {
  const early = (m: Partial<EarlyMeta> | null, config?: Response) => {
    window.__jinduEarly = {
      config: config && Promise.resolve(config),
      meta: Promise.resolve(
        m && {
          url: '/api/v1/meta',
          credentials: 'omit' as const,
          response: Promise.resolve(new Response('{"from": "boot"}')),
          ...m,
        },
      ),
    };
  };

  it('hands the config.json response out once, for this document only', async () => {
    early(null, new Response('{"apiBaseUrl": "/x"}'));
    expect(takeEarlyConfig('https://elsewhere.example/app/')).toBeUndefined();
    const first = takeEarlyConfig(document.baseURI);
    expect(first).toBeDefined();
    expect(await (await first)?.text()).toBe('{"apiBaseUrl": "/x"}');
    expect(takeEarlyConfig(document.baseURI)).toBeUndefined();
  });

  it('hands /meta out once, only for the same URL and credentials', async () => {
    early({});
    expect(await takeEarlyMeta('/api/v1/meta', 'include')).toBeNull();
    expect(await takeEarlyMeta('/api/v1/meta', 'omit')).toBeNull(); // already taken
    early({});
    expect(await takeEarlyMeta('/api/v2/meta', 'omit')).toBeNull();
    // An HTTP error is handed out as it is (asking again would repeat it); a network failure
    // is not, so the caller asks itself and reports its own failure.
    early({ response: Promise.resolve(new Response('down', { status: 503 })) });
    expect((await takeEarlyMeta('/api/v1/meta', 'omit'))?.status).toBe(503);
    early({ response: Promise.reject(new TypeError('offline')) });
    expect(await takeEarlyMeta('/api/v1/meta', 'omit')).toBeNull();
    early({});
    expect(await (await takeEarlyMeta('/api/v1/meta', 'omit'))?.json()).toEqual({ from: 'boot' });
  });

  it('getJson answers /meta from it, and fetches itself when it cannot', async () => {
    const fetchStub = vi.fn(() => Promise.resolve(new Response('{"from": "fetch"}')));
    vi.stubGlobal('fetch', fetchStub);
    const config = { apiBaseUrl: '/api/v1', credentials: 'omit' as const, timeoutMs: 1000 };
    early({});
    await expect(getJson(config, 'meta', {})).resolves.toEqual({ from: 'boot' });
    expect(fetchStub).not.toHaveBeenCalled();
    await expect(getJson(config, 'meta', {})).resolves.toEqual({ from: 'fetch' });
    early({});
    await expect(getJson(config, 'observations', {})).resolves.toEqual({ from: 'fetch' });
    early({ response: Promise.reject(new TypeError('offline')) });
    await expect(getJson(config, 'meta', {})).resolves.toEqual({ from: 'fetch' });
    expect(fetchStub).toHaveBeenCalledTimes(3);
    early({
      response: Promise.resolve(new Response('{"error": {"message": "down"}}', { status: 503 })),
    });
    await expect(getJson(config, 'meta', {})).rejects.toMatchObject({ kind: 'http', status: 503 });
    expect(fetchStub).toHaveBeenCalledTimes(3);
  });

  it('times out while reading an early answer whose body never ends', async () => {
    const stalled = new Response(new ReadableStream({ start: () => undefined }));
    early({ response: Promise.resolve(stalled) });
    const config = { apiBaseUrl: '/api/v1', credentials: 'omit' as const, timeoutMs: 50 };
    await expect(getJson(config, 'meta', {})).rejects.toMatchObject({ kind: 'timeout' });
  });
});

/** Lets boot.js's chained promises (config → meta → its body) run out. */
async function settled(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((ok) => setTimeout(ok, 0));
}

describe('public/boot.js: the page title before the app has loaded', () => {
  const api = '{"apiBaseUrl": "/api/v1"}';
  const meta = (title: object) => JSON.stringify({ apiVersion: 1, title });
  let root: HTMLElement;
  afterEach(() => {
    root.remove();
    window.history.replaceState(null, '', '/');
  });
  function page(url: string, content = '') {
    window.history.replaceState(null, '', url);
    root = document.createElement('div');
    root.id = 'root';
    root.innerHTML = content;
    document.body.append(root);
  }
  const heading = () => root.querySelector('header h1')?.textContent ?? null;

  it('paints the header with meta’s title in the link’s language, as text', async () => {
    page('/?lang=en');
    await boot(api, meta({ zh: '甲市', en: 'City A <img src=x onerror=alert(1)>' }));
    await settled();
    expect(heading()).toBe('City A <img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });

  it('falls back to the other language, and config.json’s title wins over meta’s', async () => {
    page('/');
    await boot(api, meta({ zh: '', en: 'City A' }));
    await settled();
    expect(heading()).toBe('City A');
    root.remove();
    delete window.__jinduEarly;
    page('/');
    await boot('{"apiBaseUrl": "/api/v1", "title": {"zh": "乙区看板"}}', meta({ zh: '甲市' }));
    await settled();
    expect(heading()).toBe('乙区看板');
  });

  it('paints nothing when the app got there first, for the data page and the wall, or without a title', async () => {
    page('/', '<main>app</main>');
    await boot(api, meta({ zh: '甲市' }));
    await settled();
    expect(root.innerHTML).toBe('<main>app</main>');
    for (const [url, body, status] of [
      ['/?page=data', meta({ zh: '甲市' }), 200],
      ['/?screen=wall', meta({ zh: '甲市' }), 200],
      ['/', meta({ zh: '甲市' }), 500],
      ['/', '{"apiVersion": 1}', 200],
      ['/', 'not json', 200],
    ] as const) {
      root.remove();
      delete window.__jinduEarly;
      page(url);
      await boot(api, body, status);
      await settled();
      expect(root.innerHTML, url + body).toBe('');
    }
  });
});

describe('public/boot.js: preloading what a link needs', () => {
  const files = {
    'view:trends': ['assets/trends-view-a1.js', 'assets/views-b2.js', 'assets/views-c3.css'],
    'view:map': ['assets/map-view-d4.js'],
    'screen:wall': ['assets/wall-screen-e5.js'],
    'lang:en': ['assets/en-f6.js'],
  };
  let list: HTMLScriptElement | null = null;
  function clear() {
    list?.remove();
    list = null;
    for (const l of document.head.querySelectorAll('link[rel=modulepreload], link[rel=preload]'))
      l.remove();
    delete window.__jinduEarly;
  }
  afterEach(() => {
    clear();
    window.history.replaceState(null, '', '/');
  });
  function page(url: string, listed: string) {
    clear();
    window.history.replaceState(null, '', url);
    list = document.createElement('script');
    list.type = 'application/json';
    list.id = 'preloads';
    list.textContent = listed;
    document.head.append(list);
  }
  const links = () =>
    [
      ...document.head.querySelectorAll<HTMLLinkElement>(
        'link[rel=modulepreload], link[rel=preload]',
      ),
    ].map(
      (l) =>
        `${l.rel}${l.as ? ` as=${l.as}` : ''} ${l.getAttribute('href') ?? ''} ${String(l.crossOrigin)}`,
    );

  it('preloads the files index.html lists for the link’s view and language, and only those', async () => {
    page('/?view=trends&lang=en', JSON.stringify(files));
    await boot('{"apiBaseUrl": "/api/v1"}');
    expect(links()).toEqual([
      'modulepreload assets/trends-view-a1.js ',
      'modulepreload assets/views-b2.js ',
      'preload as=style assets/views-c3.css ',
      'modulepreload assets/en-f6.js ',
    ]);
  });

  it('preloads nothing for the overview in Chinese, and only files of its own for the wall', async () => {
    page('/', JSON.stringify(files));
    await boot('{"apiBaseUrl": "/api/v1"}');
    expect(links()).toEqual([]);
    page('/?screen=wall', JSON.stringify(files));
    await boot('{"apiBaseUrl": "/api/v1"}');
    expect(links()).toEqual(['modulepreload assets/wall-screen-e5.js ']);
  });

  it('ignores a malformed list and anything that is not one of the build’s own files', async () => {
    page('/?view=trends', '{"view:trends": ');
    await boot('{"apiBaseUrl": "/api/v1"}');
    expect(links()).toEqual([]);
    page(
      '/?view=trends',
      JSON.stringify({
        'view:trends': [
          'https://evil.example/x.js',
          '../x.js',
          'assets/../x.js',
          42,
          'assets/ok.js',
        ],
        'view:map': 'assets/not-a-list.js',
      }),
    );
    await boot('{"apiBaseUrl": "/api/v1"}');
    expect(links()).toEqual(['modulepreload assets/ok.js ']);
    page('/?view=constructor', JSON.stringify(files));
    await boot('{"apiBaseUrl": "/api/v1"}');
    expect(links()).toEqual([]);
  });
});
