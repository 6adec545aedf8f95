import { describe, expect, it } from 'vitest';
import { computeChange } from '@/lib/change';
import type { WireObservation } from '@contract/wire-types';
import { demoDataset, demoMeta } from './dataset';
import { CITY_IS_DISTRICT_SUM, INDICATOR_IDS } from './indicators';
import { DEMO_EMPTY_CELLS } from './observations';
import { DISTRICT_IDS, HAIKOU, LONGHUA, LONGHUA_TOWNSHIP_IDS } from './regions';

const { observations, rankings } = demoDataset;

function value(indicator: string, year: number, region = LONGHUA): number | null {
  const cell = observations.find(
    (o) => o.indicator === indicator && o.region === region && o.year === year,
  );
  if (!cell) throw new Error(`no demo cell ${indicator}/${region}/${year}`);
  return cell.value;
}

function aggregation(indicator: string): string | undefined {
  return demoMeta.indicators.find((i) => i.id === indicator)?.aggregation;
}

/** The first round's total of a flow: its yearly figures from startYear to endYear, added up. */
function campaignTotal(indicator: string, region = LONGHUA): number {
  const round = demoMeta.campaigns.find((c) => c.id === 'round-1');
  if (!round) throw new Error('no round-1 campaign');
  let total = 0;
  for (let year = round.startYear; year <= round.endYear; year++) {
    const v = value(indicator, year, region);
    if (v === null) throw new Error(`${indicator} ${String(year)} is missing`);
    total += v;
  }
  return total;
}

function oneDecimal(n: number | undefined): number | undefined {
  return n === undefined ? undefined : Math.round(n * 10) / 10;
}

describe('published Longhua figures (2020 campaign report)', () => {
  it('user share fell by exactly 3 permille points, 2016 → 2019', () => {
    const change = computeChange(
      value('user-share', 2016),
      value('user-share', 2019),
      'permille',
      'lower',
    );
    expect(change?.kind).toBe('points');
    expect(change?.amount).toBeCloseTo(-3, 10);
    expect(change?.verdict).toBe('better');
  });

  it('newly identified users fell by 93.4 %, 2016 → 2019', () => {
    const change = computeChange(
      value('new-users', 2016),
      value('new-users', 2019),
      'count',
      'lower',
    );
    expect(change?.kind).toBe('relative');
    expect(oneDecimal(change?.amount)).toBe(-93.4);
  });

  it('robbery, snatching and theft fell by 86.7 %, 2017 → 2019', () => {
    const change = computeChange(
      value('theft-robbery', 2017),
      value('theft-robbery', 2019),
      'count',
      'lower',
    );
    expect(oneDecimal(change?.amount)).toBe(-86.7);
  });

  it('three-year abstinence rose by 18 percentage points, 2016 → 2019', () => {
    const change = computeChange(
      value('abstinent-3y-share', 2016),
      value('abstinent-3y-share', 2019),
      'percent',
      'higher',
    );
    expect(change?.kind).toBe('points');
    expect(change?.amount).toBeCloseTo(18, 10);
  });

  it('community rehabilitation was fully executed in 2019', () => {
    expect(value('rehab-execution-rate', 2019)).toBe(100);
  });

  it('ranked first in the provincial overall assessment in 2017, 2018 and 2019', () => {
    for (const year of [2017, 2018, 2019]) {
      const ranking = rankings.find(
        (r) => r.assessment === 'province-overall' && r.region === LONGHUA && r.year === year,
      );
      expect(ranking?.rank, String(year)).toBe(1);
      expect(ranking?.of).toBe(19);
    }
  });

  it('had 105 full-time staff in 2019', () => {
    expect(value('staff', 2019)).toBe(105);
  });

  it('spent nearly 30 million yuan over 2017–2019: the sum of the yearly flows', () => {
    expect(aggregation('funding')).toBe('flow');
    const funding = campaignTotal('funding');
    expect(funding).toBeLessThan(30_000_000);
    expect(funding).toBeGreaterThan(29_000_000);
  });

  it('suspended 8 venues over 2017–2019 and inspected 162 logistics firms in 2019', () => {
    // A running total: the campaign's last year is the total.
    expect(aggregation('venues-suspended')).toBe('cumulative');
    expect(value('venues-suspended', 2019)).toBe(8);
    expect(value('logistics-inspected', 2019)).toBe(162);
  });

  it('had about 200,000 contest participations over 2017–2019: the sum of the yearly flows', () => {
    expect(aggregation('contest-participations')).toBe('flow');
    expect(Math.abs(campaignTotal('contest-participations') - 200_000)).toBeLessThan(5_000);
  });
});

describe('structure', () => {
  const regionIds = new Set(demoMeta.regions.map((r) => r.id));
  const indicatorIds = new Set(demoMeta.indicators.map((i) => i.id));
  const years = new Set(demoMeta.years);

  it('defines every indicator once', () => {
    expect(demoMeta.indicators.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
  });

  it('lists years ascending', () => {
    expect([...demoMeta.years]).toEqual([...demoMeta.years].sort((a, b) => a - b));
    expect(demoMeta.years[0]).toBe(2016);
    expect(demoMeta.years.at(-1)).toBe(2022);
  });

  it('forms a forest with one root', () => {
    expect(demoMeta.regions.filter((r) => r.parent === null).map((r) => r.id)).toEqual(['460000']);
    for (const r of demoMeta.regions)
      if (r.parent !== null) expect(regionIds.has(r.parent)).toBe(true);
  });

  it('points every programme, scope and campaign at something real', () => {
    const programmeIds = new Set(demoMeta.programmes.map((p) => p.id));
    for (const i of demoMeta.indicators) {
      if (i.programme !== null) expect(programmeIds.has(i.programme), i.id).toBe(true);
    }
    for (const a of demoMeta.assessments)
      expect(a.scope === null || regionIds.has(a.scope)).toBe(true);
    for (const c of demoMeta.campaigns) {
      expect(c.baselineYear).toBeLessThan(c.startYear);
      expect(c.startYear).toBeLessThanOrEqual(c.endYear);
    }
  });

  it('uses only ids and years that meta defines', () => {
    for (const o of observations) {
      expect(indicatorIds.has(o.indicator), o.indicator).toBe(true);
      expect(regionIds.has(o.region), o.region).toBe(true);
      expect(years.has(o.year), String(o.year)).toBe(true);
    }
    const assessmentIds = new Set(demoMeta.assessments.map((a) => a.id));
    for (const r of rankings) {
      expect(assessmentIds.has(r.assessment)).toBe(true);
      expect(regionIds.has(r.region)).toBe(true);
      expect(years.has(r.year)).toBe(true);
    }
  });

  it('has at most one observation per cell, and finite values or null', () => {
    const cells = observations.map((o) => `${o.indicator}|${o.region}|${o.year}`);
    expect(new Set(cells).size).toBe(cells.length);
    for (const o of observations) if (o.value !== null) expect(Number.isFinite(o.value)).toBe(true);
  });

  it('has valid ranks and at least one tie', () => {
    for (const r of rankings) {
      expect(Number.isInteger(r.rank) && r.rank >= 1 && r.rank <= r.of).toBe(true);
    }
    const keys = rankings.map((r) => `${r.assessment}|${r.year}|${r.rank}`);
    expect(new Set(keys).size).toBeLessThan(keys.length);
  });

  it('covers every district × indicator × year', () => {
    for (const d of ['460105', '460106', '460107', '460108']) {
      expect(observations.filter((o) => o.region === d)).toHaveLength(
        demoMeta.indicators.length * demoMeta.years.length,
      );
    }
  });

  it('has honest gaps, provisional 2022 values and targets on the rehab rates', () => {
    const gaps = observations.filter((o) => o.value === null && o.note?.zh === '数据暂缺');
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(observations.filter((o) => o.year === 2022).every((o) => o.provisional)).toBe(true);
    expect(observations.filter((o) => o.year !== 2022).some((o) => o.provisional)).toBe(false);
    const rehab = (o: WireObservation) => o.indicator.startsWith('rehab-');
    expect(observations.filter(rehab).every((o) => o.target !== undefined)).toBe(true);
  });

  it('has township counts below 5 for small-count suppression', () => {
    const townships = new Set(LONGHUA_TOWNSHIP_IDS);
    const small = observations.filter(
      (o) =>
        townships.has(o.region) &&
        o.indicator === 'new-users' &&
        o.value !== null &&
        o.value > 0 &&
        o.value < 5,
    );
    expect(small.length).toBeGreaterThan(5);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(demoDataset))).toEqual(demoDataset);
  });
});

describe('the demo city (海口市)', () => {
  it('has a figure wherever every district has one (the programmes view, the table)', () => {
    const gaps: string[] = [];
    for (const indicator of INDICATOR_IDS)
      for (const year of demoMeta.years) {
        const districts = DISTRICT_IDS.map((d) => value(indicator, year, d));
        if (districts.some((v) => v === null)) continue;
        const deliberate = DEMO_EMPTY_CELLS.some(
          (c) => c.indicator === indicator && c.region === HAIKOU && c.year === year,
        );
        const city = observations.find(
          (o) => o.indicator === indicator && o.region === HAIKOU && o.year === year,
        );
        if (!deliberate && (city?.value ?? null) === null) gaps.push(`${indicator} ${year}`);
      }
    expect(gaps).toEqual([]);
  });

  it('is the sum of its districts where everything counted lies in one', () => {
    for (const indicator of CITY_IS_DISTRICT_SUM)
      for (const year of demoMeta.years) {
        // A year some district has no figure for (the venues' total before 2017) has no sum.
        const sum = DISTRICT_IDS.reduce<number | null>((t, d) => {
          const v = value(indicator, year, d);
          return t === null || v === null ? null : t + v;
        }, 0);
        expect(value(indicator, year, HAIKOU), `${indicator} ${year}`).toBe(sum);
      }
  });

  it('says so where city-level units add their own cases (340 is not 329)', () => {
    const sum = DISTRICT_IDS.reduce((t, d) => t + (value('drug-cases', 2019, d) ?? 0), 0);
    expect(value('drug-cases', 2019, HAIKOU)).not.toBe(sum);
    const cases = demoMeta.indicators.find((i) => i.id === 'drug-cases');
    expect(cases?.description?.zh).toContain('不等于各区之和');
    expect(cases?.description?.en).toContain('not the sum of the districts');
  });

  it('is the sum of its districts for counts, or its description says why not', () => {
    const unexplained: string[] = [];
    for (const indicator of demoMeta.indicators) {
      if (indicator.unit === 'percent' || indicator.unit === 'permille') continue;
      const explained =
        (indicator.description?.zh.includes('不等于各区之和') ?? false) &&
        (indicator.description?.en.includes('not the sum of the districts') ?? false);
      for (const year of demoMeta.years) {
        const districts = DISTRICT_IDS.map((d) => value(indicator.id, year, d));
        const city = value(indicator.id, year, HAIKOU);
        if (city === null || districts.some((v) => v === null)) continue;
        const sum = districts.reduce<number>((t, v) => t + (v ?? 0), 0);
        // Money and weights carry decimals: a sum is a sum to the last cent.
        if (Math.abs(city - sum) > 1e-6 && !explained) unexplained.push(`${indicator.id} ${year}`);
      }
    }
    expect(unexplained).toEqual([]);
  });
});
