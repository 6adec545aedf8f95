/**
 * One deployment per describe block: the production build served over HTTP (on its demo data,
 * or with a config.json naming a real contract server on another origin) and one Chromium.
 * Registers its own beforeAll/afterAll; read the parts from the returned object inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { WireDataset } from '../../contract/wire-types';
import { serveApi } from './api-server';
import type { ApiServer, ServeApiOptions } from './api-server';
import { openBrowser } from './browser';
import type { BrowserSession } from './browser';
import { serveDist } from './static-server';
import type { RunningServer } from './static-server';

export interface Deployment {
  readonly site: RunningServer;
  readonly b: BrowserSession;
}
export interface ApiDeployment extends Deployment {
  readonly api: ApiServer;
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started yet (use it inside a test)`);
  return value;
}

/** The build on its bundled demo data (no config.json). */
export function demoDeployment(viewport?: { width: number; height: number }): Deployment {
  let site: RunningServer | undefined;
  let b: BrowserSession | undefined;
  beforeAll(async () => {
    site = await serveDist();
    b = await openBrowser(viewport);
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
  });
  return {
    get site() {
      return ready(site, 'the site');
    },
    get b() {
      return ready(b, 'the browser');
    },
  };
}

/** The build against a contract server for `dataset`; `config` adds to config.json. */
export function apiDeployment(
  dataset: WireDataset,
  options: { config?: Record<string, unknown>; api?: ServeApiOptions } = {},
): ApiDeployment {
  let api: ApiServer | undefined;
  let site: RunningServer | undefined;
  let b: BrowserSession | undefined;
  beforeAll(async () => {
    api = await serveApi(dataset, options.api);
    site = await serveDist({
      '/config.json': JSON.stringify({ apiBaseUrl: api.url, ...options.config }),
    });
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await site?.close();
    await api?.close();
  });
  return {
    get api() {
      return ready(api, 'the API server');
    },
    get site() {
      return ready(site, 'the site');
    },
    get b() {
      return ready(b, 'the browser');
    },
  };
}
