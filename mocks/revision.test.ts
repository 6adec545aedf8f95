import { describe, expect, it } from 'vitest';
import { respond } from '@contract/filter';
import { asVersion10 } from '@contract/version-10';
import type { WireObservation } from '@contract/wire-types';
import { demoDataset } from './demo/dataset';
import { asRevision, asVersion11, dataVersionOf } from './revision';

const old = asVersion10(demoDataset);

function regionsOf(query: string, dataset = demoDataset): string[] | number {
  const res = respond(dataset, 'observations', new URLSearchParams(query));
  if (res.status !== 200) return res.status;
  const { observations } = res.body as { observations: WireObservation[] };
  return [...new Set(observations.map((o) => o.region))].sort();
}

describe('asRevision', () => {
  it('serves the dataset as given without a revision', () => {
    expect(asRevision(demoDataset)).toBe(demoDataset);
    expect(asRevision(old)).toBe(old);
  });

  it('strips every 1.1 field for 1.0', () => {
    const v10 = asRevision(demoDataset, '1.0');
    expect(v10).toEqual(old);
    const text = JSON.stringify(v10);
    for (const field of [
      'capabilities',
      'dataVersion',
      'aggregation',
      'status',
      'validFrom',
      'validTo',
      'scoreDecimals',
    ])
      expect(text, field).not.toContain(`"${field}"`);
  });

  it('makes a 1.0 dataset a 1.1 server: every capability and a dataVersion of its data', () => {
    const v11 = asRevision(old, '1.1');
    expect(v11.meta.capabilities).toEqual(['region-list', 'depth', 'level', 'rankings-region']);
    expect(v11.meta.dataVersion).toBe(dataVersionOf(old));
    expect(v11.observations).toBe(old.observations);
    // Meta of its own wins.
    expect(asVersion11(demoDataset).meta).toEqual(demoDataset.meta);
    const limited = asVersion11({ ...old, meta: { ...old.meta, capabilities: ['depth'] } });
    expect(limited.meta.capabilities).toEqual(['depth']);
  });

  it('answers the same request by the 1.1 rules or the 1.0 ones', () => {
    // Trends: a city and a district, each with its children.
    expect(regionsOf('region=460100,460106&depth=1&to=2016')).toEqual(
      [
        '460100',
        '460105',
        '460106',
        '460107',
        '460108',
        ...Array.from({ length: 11 }, (_, i) => `460106${String(i + 1).padStart(3, '0')}`),
      ].sort(),
    );
    // 1.0: "460100,460106" is one id meta does not define; depth is an unknown parameter.
    expect(regionsOf('region=460100,460106&depth=1', old)).toEqual([]);
    expect(regionsOf('region=460100&depth=0')).toEqual(['460100']);
    expect(regionsOf('region=460100&depth=0', old)).toHaveLength(1 + 4 + 12);
    expect(regionsOf('depth=-1')).toBe(400);
    expect(regionsOf('depth=-1', old)).not.toBe(400);
  });
});

describe('dataVersionOf', () => {
  it('does not depend on the dataVersion already in meta', () => {
    const relabelled = { ...demoDataset, meta: { ...demoDataset.meta, dataVersion: 'x' } };
    expect(dataVersionOf(relabelled, 'demo-')).toBe(demoDataset.meta.dataVersion);
  });

  it('changes with any answer: meta, an observation or a ranking', () => {
    const base = dataVersionOf(demoDataset);
    const rankings = demoDataset.rankings.map((r, i) => (i === 0 ? { ...r, score: 1 } : r));
    const meta = { ...demoDataset.meta, dataAsOf: '2023-01-16' };
    expect(dataVersionOf({ ...demoDataset, rankings })).not.toBe(base);
    expect(dataVersionOf({ ...demoDataset, meta })).not.toBe(base);
    expect(
      dataVersionOf({ ...demoDataset, observations: demoDataset.observations.slice(1) }),
    ).not.toBe(base);
  });
});
