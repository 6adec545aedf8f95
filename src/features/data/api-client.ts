import type { AppConfig } from './config';
import { takeEarlyMeta } from './early-start';
import { ApiError } from '@contract/errors';
import type { Endpoint } from '@contract/types';

export type QueryParams = Record<
  string,
  string | number | readonly (string | number)[] | undefined
>;

export function buildUrl(base: string, endpoint: Endpoint, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text !== '') search.set(key, text);
  }
  const qs = search.toString();
  return `${base}/${endpoint}${qs ? `?${qs}` : ''}`;
}

/** Pull a readable message out of an error body: contract JSON, plain text or a proxy's HTML page. */
export function errorMessageFrom(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (typeof json === 'object' && json !== null && 'error' in json) {
      const err = json.error;
      if (typeof err === 'object' && err !== null && 'message' in err) {
        const message = err.message;
        if (typeof message === 'string') return message.slice(0, 200);
      }
    }
  } catch {
    // not JSON: fall through to text
  }
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = (title ?? body.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return text.slice(0, 200);
}

/** Rejects once `signal` aborts. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, fail) => {
    const stop = () => fail(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}

/** The answer public/boot.js already asked for, unless the request is aborted first. */
function earlyAnswer(url: string, credentials: RequestCredentials, signal: AbortSignal) {
  if (signal.aborted) return Promise.resolve(null);
  return Promise.race([
    takeEarlyMeta(url, credentials),
    new Promise<null>((ok) => signal.addEventListener('abort', () => ok(null), { once: true })),
  ]);
}

/** GET one endpoint and return its JSON, with a timeout and the caller's abort signal. */
export async function getJson(
  config: Pick<AppConfig, 'apiBaseUrl' | 'credentials' | 'timeoutMs'>,
  endpoint: Endpoint,
  params: QueryParams,
  signal?: AbortSignal,
): Promise<unknown> {
  const url = buildUrl(config.apiBaseUrl, endpoint, params);
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const state = { timedOut: false };
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  try {
    let res: Response | null =
      endpoint === 'meta' ? await earlyAnswer(url, config.credentials, controller.signal) : null;
    let body: string;
    try {
      res ??= await fetch(url, {
        credentials: config.credentials,
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      });
      // An answer boot.js asked for was not fetched with this signal: race the read against it.
      body = await Promise.race([res.text(), aborted(controller.signal)]);
    } catch (err) {
      if (state.timedOut)
        throw new ApiError(
          endpoint,
          'timeout',
          `no answer within ${Math.round(config.timeoutMs / 1000)} s`,
        );
      if (signal?.aborted) throw err;
      throw new ApiError(
        endpoint,
        'network',
        res
          ? 'the connection was lost while reading the answer'
          : 'the server could not be reached',
      );
    }
    // 1.1: an expired login is a 401 (never a redirect): the user must sign in again.
    if (res.status === 401)
      throw new ApiError(endpoint, 'unauthorized', errorMessageFrom(body) || res.statusText, 401);
    if (!res.ok)
      throw new ApiError(endpoint, 'http', errorMessageFrom(body) || res.statusText, res.status);
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new ApiError(endpoint, 'not-json', 'the response is not JSON', res.status);
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
