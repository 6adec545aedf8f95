import { describe, expect, it } from 'vitest';
import type { WireDataset } from '@contract/wire-types';
import { asVersion10 } from '@contract/version-10';
import { DEMO_DATA_VERSION, demoDataset } from './demo/dataset';
import { createEditions, createLogin, errorCodeFor, nextEdition } from './live';
import { dataVersionOf } from './revision';

/** Which of n requests a login refuses. */
const refusals = (login: ReturnType<typeof createLogin>, n: number): boolean[] =>
  Array.from({ length: n }, () => login.refuses());

describe('createLogin', () => {
  it('answers every request until told otherwise', () => {
    const login = createLogin();
    expect(refusals(login, 5)).toEqual([false, false, false, false, false]);
    expect(login.requests).toBe(5);
  });

  it('expires after N answered requests and stays expired until renewed', () => {
    const login = createLogin({ expireAfter: 3 });
    expect(refusals(login, 5)).toEqual([false, false, false, true, true]);
    expect(login.expired).toBe(true);
    login.renew();
    expect(refusals(login, 4)).toEqual([false, false, false, false]);
  });

  it('expires at once when told, and can be armed again', () => {
    const login = createLogin();
    login.expire();
    expect(refusals(login, 2)).toEqual([true, true]);
    login.renew();
    login.expireAfter(1);
    expect(refusals(login, 3)).toEqual([false, true, true]);
    expect(() => {
      login.expireAfter(-1);
    }).toThrow(RangeError);
  });

  it('expires on the first request with after = 0', () => {
    expect(refusals(createLogin({ expireAfter: 0 }), 2)).toEqual([true, true]);
  });
});

describe('nextEdition', () => {
  const next = nextEdition(demoDataset);

  it('has a new dataVersion, derived from its data the same way', () => {
    expect(next.meta.dataVersion).not.toBe(DEMO_DATA_VERSION);
    expect(next.meta.dataVersion).toBe(dataVersionOf(next, 'demo-'));
    expect(nextEdition(demoDataset).meta.dataVersion).toBe(next.meta.dataVersion);
    expect(next.meta.dataAsOf).toBe('2023-02-15');
  });

  it('revises the provisional figures only, and they are provisional no more', () => {
    const before = demoDataset.observations;
    const changed = next.observations.filter((o, i) => o.value !== before[i]?.value);
    expect(changed.length).toBeGreaterThan(100);
    expect(changed.every((o) => o.year === 2022)).toBe(true);
    expect(next.observations.some((o) => o.provisional)).toBe(false);
    const unchanged = next.observations.filter((o) => o.year !== 2022);
    expect(unchanged).toEqual(before.filter((o) => o.year !== 2022));
    // Withheld, missing and not-applicable stay empty.
    expect(next.observations.filter((o) => o.value === null)).toHaveLength(
      before.filter((o) => o.value === null).length,
    );
    expect(next.rankings).toBe(demoDataset.rankings);
  });

  it('keeps a percentage within 0–100 and values at their published precision', () => {
    const percent = new Set(
      demoDataset.meta.indicators.filter((i) => i.unit === 'percent').map((i) => i.id),
    );
    for (const o of next.observations) {
      if (o.value === null) continue;
      if (percent.has(o.indicator)) expect(o.value).toBeLessThanOrEqual(100);
      expect(Number.isFinite(o.value)).toBe(true);
    }
  });

  it('revises the latest year of a dataset without provisional figures, and adds no version', () => {
    const old: WireDataset = asVersion10({
      ...demoDataset,
      observations: demoDataset.observations.map((o) => ({ ...o, provisional: false })),
    });
    const edition = nextEdition(old);
    expect(edition.meta.dataVersion).toBeUndefined();
    const changed = edition.observations.filter((o, i) => o.value !== old.observations[i]?.value);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((o) => o.year === 2022)).toBe(true);
  });
});

describe('createEditions', () => {
  it('serves the first edition N times, then the next one', () => {
    const editions = createEditions(demoDataset, { publishAfter: 2 });
    const versions = Array.from({ length: 4 }, () => editions.serve().meta.dataVersion);
    const next = editions.current.meta.dataVersion;
    expect(versions).toEqual([DEMO_DATA_VERSION, DEMO_DATA_VERSION, next, next]);
    expect(editions.published).toBe(true);
  });

  it('publishes when told, with the edition it was given', () => {
    const given = { ...demoDataset, meta: { ...demoDataset.meta, dataVersion: 'ed-2' } };
    const editions = createEditions(demoDataset, { next: given });
    expect(editions.serve()).toBe(demoDataset);
    editions.publish();
    expect(editions.serve()).toBe(given);
  });
});

describe('errorCodeFor', () => {
  it('uses the contract 1.1 codes', () => {
    expect([400, 401, 403, 404, 405, 500, 503].map(errorCodeFor)).toEqual([
      'bad-request',
      'unauthorized',
      'forbidden',
      'not-found',
      'method-not-allowed',
      'internal',
      'unavailable',
    ]);
    expect(errorCodeFor(502)).toBe('internal');
  });
});
