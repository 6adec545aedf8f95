import * as v from 'valibot';
import { takeEarlyConfig } from './early-start';
import { ApiError } from '@contract/errors';
import { configSchema } from '@contract/schema';
import type { Localized } from '@contract/types';

export const DEMO_API_BASE = '/api/v1';
const DEFAULT_TIMEOUT_MS = 20_000;

export interface AppConfig {
  /** 'demo': the bundled msw data, marked as such on every screen and export. */
  mode: 'demo' | 'api';
  apiBaseUrl: string;
  credentials: RequestCredentials;
  title: Localized | null;
  suppressBelow: number | null;
  timeoutMs: number;
  /** (1.1) Where a user signs in again when the API answers 401. */
  loginUrl: string | null;
  /** The data service's data-keeper page (数据管理), linked from the header; null: none. */
  dataAdminUrl: string | null;
  /**
   * The map's boundaries file (GeoJSON or TopoJSON), relative to the page, and the feature
   * property holding the region id. Without it the map is a schematic tile map.
   */
  boundariesUrl: string | null;
  boundariesIdProperty: string;
  /** Set when config.json could not be fetched and the copy saved at this time is used. */
  offlineSince: number | null;
}

/** A same-origin path, or an absolute http(s) URL. Everything else (javascript:, ftp:, //x) is refused. */
export function checkApiBaseUrl(url: string): string | null {
  const trimmed = url.trim().replace(/\/+$/, '');
  if (/^https?:\/\/[^/\s]+/i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  if (/^\.{1,2}\//.test(trimmed)) return trimmed;
  return null;
}

/**
 * Turn the text of config.json (or its absence) into the deployment's settings.
 * `text === null` means no config file: fall back to the build-time URL, then to the demo.
 * A file that exists but is broken throws: silently showing demo data instead of a
 * district's real figures would be far worse than a clear start-up message.
 */
export function resolveConfig(
  text: string | null,
  buildTimeBaseUrl: string | undefined,
): AppConfig {
  let raw: v.InferOutput<typeof configSchema> = {};
  if (text !== null) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError('config', 'not-json', 'config.json is not valid JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new ApiError(
        'config',
        'shape',
        'config.json must be a JSON object such as {"apiBaseUrl": "/api/v1"}',
      );
    }
    const res = v.safeParse(configSchema, json);
    if (!res.success) {
      const issue = res.issues[0];
      const where = v.getDotPath(issue) ?? 'config.json';
      throw new ApiError('config', 'shape', `config.json: "${where}" ${issue.message}`);
    }
    raw = res.output;
  }
  const chosen = raw.apiBaseUrl ?? (buildTimeBaseUrl?.trim() ? buildTimeBaseUrl : undefined);
  let apiBaseUrl = DEMO_API_BASE;
  if (chosen !== undefined) {
    const checked = checkApiBaseUrl(chosen);
    if (checked === null) {
      throw new ApiError(
        'config',
        'shape',
        `apiBaseUrl "${chosen.slice(0, 100)}" must be an http(s) URL or a path on this site such as /api/v1`,
      );
    }
    apiBaseUrl = checked;
  }
  return {
    mode: chosen === undefined ? 'demo' : 'api',
    apiBaseUrl,
    credentials: raw.apiCredentials === 'include' ? 'include' : 'omit',
    title: raw.title ?? null,
    suppressBelow: raw.suppressBelow ?? null,
    timeoutMs: raw.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    loginUrl: raw.loginUrl ?? null,
    dataAdminUrl: raw.dataAdminUrl ?? null,
    boundariesUrl: raw.boundariesUrl?.trim() || null,
    boundariesIdProperty: raw.boundariesIdProperty ?? 'id',
    offlineSince: null,
  };
}

/** Fetch config.json next to index.html. A 404 (or an SPA fallback page) means "no file". */
const SAVED_CONFIG = 'jindu-dashboard:config';

function savedConfig(): { text: string; savedAt: number } | null {
  try {
    const raw = localStorage.getItem(SAVED_CONFIG);
    return raw ? (JSON.parse(raw) as { text: string; savedAt: number }) : null;
  } catch {
    return null;
  }
}

export async function loadConfig(baseUri: string = document.baseURI): Promise<AppConfig> {
  let res: Response;
  try {
    // 'no-cache' (revalidate every time) rather than 'no-store', so that the <link rel=preload>
    // in index.html, fetched while the scripts download, can be used.
    res = await (takeEarlyConfig(baseUri) ??
      fetch(new URL('config.json', baseUri), { cache: 'no-cache' }));
  } catch (err) {
    // Offline: the deployment's last known configuration, so cached data can be shown — never
    // a silent switch to demo data.
    const saved = savedConfig();
    if (!saved) throw err;
    return {
      ...resolveConfig(saved.text, import.meta.env.VITE_API_BASE_URL as string | undefined),
      offlineSince: saved.savedAt,
    };
  }
  let text: string | null = null;
  if (res.ok) {
    const body = await res.text();
    const looksLikeHtml =
      /text\/html/i.test(res.headers.get('content-type') ?? '') && /^\s*</.test(body);
    text = looksLikeHtml ? null : body;
  } else if (res.status !== 404) {
    throw new ApiError(
      'config',
      'http',
      `config.json could not be read (HTTP ${res.status})`,
      res.status,
    );
  }
  const config = resolveConfig(text, import.meta.env.VITE_API_BASE_URL as string | undefined);
  if (text !== null && config.mode === 'api') {
    try {
      localStorage.setItem(SAVED_CONFIG, JSON.stringify({ text, savedAt: Date.now() }));
    } catch {
      // storage unavailable: offline start-up will not be possible, everything else works
    }
  }
  return config;
}
