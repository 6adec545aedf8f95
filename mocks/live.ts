/**
 * Server-side state that changes while a test runs, shared by the msw scenarios (./scenarios.ts)
 * and the Node test server (e2e/support/api-server.ts), so both behave alike: a login that
 * expires (401) and recovers, and a data update that publishes a new edition.
 * Plain objects and counters: no msw, no Node APIs.
 */
import type { WireDataset, WireObservation } from '@contract/wire-types';
import { errorBody, type ApiErrorBody } from '@contract/query';
import { dataVersionOf } from './revision';

/** Contract 1.1 error codes by status; other statuses keep a generic code. */
const ERROR_CODES: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  500: 'internal',
  503: 'unavailable',
};

export function errorCodeFor(status: number): string {
  return ERROR_CODES[status] ?? (status >= 500 ? 'internal' : 'bad-request');
}

/** What an API answers when the single sign-on in front of it no longer knows the user. */
export const UNAUTHORIZED_BODY: ApiErrorBody = errorBody(
  'unauthorized',
  'Your sign-in has expired: please sign in again (test scenario).',
);

/** A login that expires after a number of requests or when told to, until it is renewed. */
export interface Login {
  readonly expired: boolean;
  /** Requests answered so far, refused ones included. */
  readonly requests: number;
  /** Counts one request and says whether it must be refused with a 401. */
  refuses(): boolean;
  expire(): void;
  /** Answer the next `requests` requests, then expire. */
  expireAfter(requests: number): void;
  /** Signed in again: requests are answered until the next expire. */
  renew(): void;
}

export function createLogin(options: { expireAfter?: number } = {}): Login {
  let expired = false;
  let requests = 0;
  let remaining: number | null = null;
  const login: Login = {
    get expired() {
      return expired;
    },
    get requests() {
      return requests;
    },
    refuses() {
      requests += 1;
      if (!expired && remaining !== null) {
        if (remaining === 0) {
          expired = true;
          remaining = null;
        } else remaining -= 1;
      }
      return expired;
    },
    expire() {
      expired = true;
      remaining = null;
    },
    expireAfter(n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`expireAfter(${String(n)})`);
      remaining = n;
    },
    renew() {
      expired = false;
      remaining = null;
    },
  };
  if (options.expireAfter !== undefined) login.expireAfter(options.expireAfter);
  return login;
}

/** The prefix of a dataVersion made by dataVersionOf ("demo-" in "demo-0123456789ab"). */
function versionPrefix(version: string): string {
  return /^(.*?)[0-9a-f]{12}$/.exec(version)?.[1] ?? '';
}

function nextMonth(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The next edition of a dataset, as a data update publishes it: the provisional figures (or, with
 * none, the latest year's) revised after audit and no longer provisional, `dataAsOf` a month on,
 * and — when the dataset has one — a new `dataVersion`. Everything else is unchanged.
 */
export function nextEdition(dataset: WireDataset): WireDataset {
  const { meta } = dataset;
  const latest = dataset.observations.reduce((max, o) => Math.max(max, o.year), -Infinity);
  const anyProvisional = dataset.observations.some((o) => o.provisional === true);
  const revised = (o: WireObservation) =>
    anyProvisional ? o.provisional === true : o.year === latest;
  const indicators = new Map(meta.indicators.map((i) => [i.id, i]));
  const observations = dataset.observations.map((o): WireObservation => {
    if (!revised(o)) return o;
    const next: WireObservation = { ...o };
    delete next.provisional;
    if (o.value === null) return next;
    const indicator = indicators.get(o.indicator);
    const factor = 10 ** (indicator?.decimals ?? 0);
    // Audits find a little more of what was counted (at least one more unit of the published
    // precision, so every count changes); a percentage moves a little down.
    const scaled = indicator?.unit === 'percent' ? o.value * 0.99 : o.value * 1.02 + 1 / factor;
    next.value = Math.round(scaled * factor) / factor;
    return next;
  });
  const edition: WireDataset = {
    ...dataset,
    meta: { ...meta, dataAsOf: nextMonth(meta.dataAsOf) },
    observations,
  };
  if (meta.dataVersion === undefined) return edition;
  const dataVersion = dataVersionOf(edition, versionPrefix(meta.dataVersion));
  return { ...edition, meta: { ...edition.meta, dataVersion } };
}

/** The dataset a server answers with, until a new edition is published. */
export interface Editions {
  readonly published: boolean;
  readonly current: WireDataset;
  /** Counts one request and returns the edition that answers it. */
  serve(): WireDataset;
  publish(): void;
  /** Answer the next `requests` requests from the current edition, then publish. */
  publishAfter(requests: number): void;
}

export function createEditions(
  first: WireDataset,
  options: { next?: WireDataset; publishAfter?: number } = {},
): Editions {
  let next = options.next;
  let published = false;
  let remaining: number | null = null;
  const editions: Editions = {
    get published() {
      return published;
    },
    get current() {
      if (!published) return first;
      // Built on first use: a country-sized dataset is not copied unless a test needs it.
      next ??= nextEdition(first);
      return next;
    },
    serve() {
      if (!published && remaining !== null) {
        if (remaining === 0) {
          published = true;
          remaining = null;
        } else remaining -= 1;
      }
      return editions.current;
    },
    publish() {
      published = true;
      remaining = null;
    },
    publishAfter(n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`publishAfter(${String(n)})`);
      remaining = n;
    },
  };
  if (options.publishAfter !== undefined) editions.publishAfter(options.publishAfter);
  return editions;
}
