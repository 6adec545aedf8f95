import { describe, expect, it } from 'vitest';
import { indexObservations } from '@/features/data/observation-index';
import { suppressSmallCounts } from '@/features/data/suppress';
import type { Indicator, Meta, Observation, Region } from '@contract/types';
import { buildCompletion, orderedIndicators } from './build-table';
import { completionExport } from './export-rows';
import { completionFilter, completionRegions } from './request';
import { flatTable, rankText } from './table-text';
import { collectWarnings } from './warnings';

// A made-up city (not the demo's shape): ids are not administrative codes, years are 2030s.
const region = (id: string, level: Region['level'], parent: string | null): Region => ({
  id,
  level,
  parent,
  name: { zh: `${id}区`, en: `${id} district` },
});
const indicator = (id: string, over: Partial<Indicator> = {}): Indicator => ({
  id,
  name: { zh: id, en: id },
  unit: 'count',
  unitLabel: null,
  decimals: 0,
  better: 'lower',
  programme: null,
  headline: false,
  description: null,
  ...over,
});
const meta: Meta = {
  apiVersion: 1,
  title: null,
  source: null,
  dataAsOf: null,
  years: [2030, 2031, 2032, 2033],
  regions: [
    region('C', 'city', null),
    region('a', 'district', 'C'),
    region('b', 'district', 'C'),
    region('c', 'district', 'C'),
    region('a1', 'township', 'a'),
    region('a2', 'township', 'a'),
  ],
  campaigns: [],
  programmes: [{ id: 'p', name: { zh: '专项甲', en: 'Programme P' } }],
  indicators: [
    indicator('cases', { programme: 'p' }),
    indicator('rate', { unit: 'percent', decimals: 1, better: 'higher', headline: true }),
    indicator('staff', { better: 'neutral' }),
  ],
  assessments: [],
};
const obs = (
  ind: string,
  reg: string,
  year: number,
  value: number | null,
  more: Partial<Observation> = {},
): Observation => ({
  indicator: ind,
  region: reg,
  year,
  value,
  target: null,
  provisional: false,
  note: null,
  suppressedBelow: null,
  ...more,
});
function must<T>(v: T | null | undefined): T {
  if (v == null) throw new Error('expected a value');
  return v;
}
const byId = (id: string) => must(meta.regions.find((r) => r.id === id));

const data = [
  obs('cases', 'a', 2030, 200),
  obs('cases', 'a', 2032, 60),
  obs('cases', 'a', 2033, 50, { target: 40, provisional: true }),
  obs('cases', 'b', 2033, 50),
  obs('cases', 'c', 2033, 30),
  obs('rate', 'a', 2030, 90),
  obs('rate', 'a', 2032, 97),
  obs('rate', 'a', 2033, 96.5, { target: 95 }),
  obs('rate', 'b', 2033, 99),
  obs('staff', 'a', 2033, 12),
  obs('staff', 'a', 2032, 10),
  obs('cases', 'a1', 2033, 3, { target: 2 }),
  obs('cases', 'a2', 2033, 8),
  obs('cases', 'a1', 2032, 9),
];

describe('the completion table', () => {
  const model = buildCompletion({
    meta,
    index: indexObservations(data),
    regions: [byId('a')],
    year: 2033,
    compare: 2030,
  });
  const row = (id: string) => must(model.rows.find((r) => r.indicator.id === id));

  it('lists every indicator, key ones first, then by programme, then the rest', () => {
    expect(orderedIndicators(meta).map((o) => [o.indicator.id, o.group?.zh])).toEqual([
      ['rate', '重点指标'],
      ['cases', '专项甲'],
      ['staff', '其他指标'],
    ]);
    expect(model.rows.map((r) => r.indicator.id)).toEqual(['rate', 'cases', 'staff']);
  });

  it('measures against the comparison year and the previous year, by the indicator direction', () => {
    const cases = must(row('cases').cells[0]);
    expect(cases.vsCompare).toMatchObject({ kind: 'relative', amount: -75, verdict: 'better' });
    expect(cases.vsPrevious?.amount).toBeCloseTo(-16.667, 2);
    const rate = must(row('rate').cells[0]);
    // A rate changes in points; down is worse where higher is better.
    expect(rate.vsPrevious).toMatchObject({ kind: 'points', amount: -0.5, verdict: 'worse' });
    expect(must(row('staff').cells[0]).vsPrevious?.verdict).toBe('neutral');
  });

  it('applies the contract rule for targets, and neutral indicators have none', () => {
    expect(must(row('cases').cells[0]).met).toBe(false);
    expect(must(row('rate').cells[0]).met).toBe(true);
  });

  it('ranks among peers best first, with shared places for ties', () => {
    // cases, lower is better: c 30 first, a and b tie on 50 → both 2nd.
    expect(must(row('cases').cells[0]).rank).toEqual({ rank: 2, of: 3, tied: true });
    expect(rankText(must(row('cases').cells[0]).rank, 'zh')).toBe('并列第2位（共3个）');
    // rate, higher is better: b 99 first, a 96.5 second; c has no value and is not counted.
    expect(must(row('rate').cells[0]).rank).toEqual({ rank: 2, of: 2, tied: false });
    expect(must(row('staff').cells[0]).rank).toBeNull();
  });

  it('warns of what got worse than last year or missed its target', () => {
    expect(
      collectWarnings(model).map((w) => [w.indicator.id, w.worse !== null, w.missedTarget]),
    ).toEqual([
      ['rate', true, null],
      ['cases', false, 40],
    ]);
  });

  it('hides what a suppressed township count would reveal: value, target, change and place', () => {
    const suppressed = suppressSmallCounts(data, meta, 5);
    const m = buildCompletion({
      meta,
      index: indexObservations(suppressed),
      regions: [byId('a1'), byId('a2')],
      year: 2033,
      compare: 2030,
    });
    const cells = must(m.rows.find((r) => r.indicator.id === 'cases')).cells;
    const a1 = must(cells[0]);
    const a2 = must(cells[1]);
    expect(a1.target).toBeNull();
    expect(a1.met).toBeNull();
    expect(a1.vsPrevious).toBeNull();
    expect(a1.rank).toBeNull();
    expect(a2.rank).toEqual({ rank: 1, of: 1, tied: false });
    const table = flatTable(m, 'zh', false);
    expect(table.headers).toContain('地区');
    expect(table.rows.find((r) => r.cells[1] === 'a1区' && r.cells[0] === 'cases')?.cells[2]).toBe(
      '<5',
    );
  });

  it('exports numbers as numbers and changes as the words on screen', () => {
    const table = completionExport(model, 'en', true);
    const cases = must(table.rows.find((r) => r[1] === 'cases'));
    const col = (name: string) => table.headers.indexOf(name);
    expect(cases[col('2033')]).toEqual({ value: 50, decimals: 0 });
    expect(cases[col('vs 2030 (baseline)')]).toBe('▼ 75.0% better');
    expect(cases[col('Target')]).toEqual({ value: 40, decimals: 0 });
    expect(cases[col('Target met')]).toBe('Not met');
    expect(cases[col('Place among peers')]).toEqual({ value: 2, decimals: 0 });
    expect(table.notes[0]).toMatch(/share a place/);
  });
});

describe('the place column when the region shown has no peers', () => {
  // The city is alone at its level: every place would be "—".
  const cityData = [...data, obs('cases', 'C', 2033, 130), obs('cases', 'C', 2030, 400)];
  const build = (id: string) =>
    buildCompletion({
      meta,
      index: indexObservations(cityData),
      regions: [byId(id)],
      year: 2033,
      compare: 2030,
    });

  it('is left out of the table, the files and the notes for the city', () => {
    const city = build('C');
    expect(city.ranked).toBe(false);
    const flat = flatTable(city, 'zh', true);
    expect(flat.headers).toEqual([
      '指标',
      '2033年',
      '较2030年（基线年）',
      '较上年（2032年）',
      '目标',
      '达标情况',
    ]);
    expect(flat.rows.every((r) => r.cells.length === flat.headers.length)).toBe(true);
    const file = completionExport(city, 'en', true);
    expect(file.headers).not.toContain('Place among peers');
    expect(file.headers).not.toContain('Peers ranked');
    expect(file.rows.every((r) => r.length === file.headers.length)).toBe(true);
    expect(file.notes.join(' ')).not.toMatch(/share a place/);
  });

  it('stays for a district, whose peers have data', () => {
    const district = build('a');
    expect(district.ranked).toBe(true);
    expect(flatTable(district, 'zh', true).headers.at(-1)).toBe('同级排名');
    const file = completionExport(district, 'en', true);
    expect(file.headers).toContain('Place among peers');
    expect(file.notes[0]).toMatch(/share a place/);
  });
});

describe('what the table asks for', () => {
  it('asks for the parent subtree from the comparison year, for all indicators', () => {
    expect(completionFilter(meta, [byId('a1'), byId('a2')], 2033, 2030)).toEqual({
      region: 'a',
      from: 2030,
      to: 2033,
    });
    expect(completionFilter(meta, [byId('a')], 2033, null)).toEqual({
      region: 'C',
      from: 2032,
      to: 2033,
    });
    // The only root: its own subtree.
    expect(completionFilter(meta, [byId('C')], 2033, 2031)).toEqual({
      region: 'C',
      from: 2031,
      to: 2033,
    });
  });

  it('shows every chosen township, else the one selected region', () => {
    expect(
      completionRegions({ towns: [byId('a1'), byId('a2')], selected: byId('a1') }).map((r) => r.id),
    ).toEqual(['a1', 'a2']);
    expect(completionRegions({ towns: [], selected: byId('a') }).map((r) => r.id)).toEqual(['a']);
  });
});

describe('contract 1.1 in the completion table: campaign totals and kinds of missing', () => {
  const campaign = {
    id: 'k',
    name: { zh: '会战', en: 'Campaign' },
    startYear: 2031,
    endYear: 2033,
    baselineYear: 2030,
  };
  const meta11: Meta = {
    ...meta,
    campaigns: [campaign],
    indicators: [
      indicator('cases', { aggregation: 'flow' }),
      indicator('funds', { unit: 'cny', aggregation: 'cumulative', better: 'higher' }),
      indicator('rate', { unit: 'percent', decimals: 1, aggregation: 'rate' }),
      indicator('staff', { better: 'neutral' }),
    ],
  };
  const data11 = [
    obs('cases', 'a', 2031, 10),
    obs('cases', 'a', 2032, 20, { provisional: true }),
    obs('cases', 'a', 2033, 30),
    obs('cases', 'b', 2031, 1),
    obs('cases', 'b', 2032, null, { status: 'withheld' }),
    obs('cases', 'b', 2033, 7),
    obs('funds', 'a', 2033, 25_000_000),
    obs('funds', 'b', 2033, null, { status: 'not-applicable' }),
    obs('rate', 'a', 2033, 50),
    obs('rate', 'b', 2033, null, { status: 'missing' }),
    obs('staff', 'a', 2033, 3),
  ];
  const build = (regions: string[], withCampaign = true) =>
    buildCompletion({
      meta: meta11,
      index: indexObservations(data11),
      regions: regions.map((id) => must(meta11.regions.find((r) => r.id === id))),
      year: 2033,
      compare: 2030,
      campaign: withCampaign ? campaign : null,
    });

  it('totals flows and cumulative figures by the campaign rules, and nothing else', () => {
    const table = flatTable(build(['a']), 'zh', true);
    expect(table.headers).toContain('大会战合计（2031–2033年）');
    const col = table.headers.indexOf('大会战合计（2031–2033年）');
    const cells = (id: string) => must(table.rows.find((r) => r.cells[0] === id)).cells;
    expect(cells('cases')[col]).toBe('60（含初步数据）');
    expect(cells('funds')[col]).toBe('2,500万元（累计数）');
    expect(cells('rate')[col]).toBe('');
    expect(cells('staff')[col]).toBe('');
  });

  it('has no total column without a campaign (a 1.0 table stays as it was)', () => {
    expect(flatTable(build(['a'], false), 'zh', true).headers).not.toContain(
      '大会战合计（2031–2033年）',
    );
    expect(completionExport(build(['a'], false), 'zh', true).headers).not.toContain('数据状态');
  });

  it('writes withheld, not reported and not applicable apart, and refuses a total over a withheld year', () => {
    const table = flatTable(build(['b']), 'en', true);
    const value = table.headers.indexOf('2033');
    const total = table.headers.indexOf('Campaign total (2031–2033)');
    const cells = (id: string) => must(table.rows.find((r) => r.cells[0] === id)).cells;
    expect(cells('cases')[total]).toBe('— (2032 withheld: no total)');
    expect(cells('funds')[value]).toBe('— (not applicable)');
    // Missing only for want of the year shown, whose own cell says why: left empty on screen.
    expect(cells('funds')[total]).toBe('');
    expect(cells('rate')[value]).toBe('— (not reported)');
    expect(cells('staff')[value]).toBe('—');
  });

  it('exports the total as a number, a status column and a footnote for each status', () => {
    const a = completionExport(build(['a']), 'zh', true);
    const col = (t: typeof a, name: string) => t.headers.indexOf(name);
    const row = (t: typeof a, id: string) => must(t.rows.find((r) => r[1] === id));
    expect(row(a, 'cases')[col(a, '大会战合计（2031–2033年）')]).toEqual({
      value: 60,
      decimals: 0,
    });
    expect(row(a, 'cases')[col(a, '合计说明')]).toBe('含初步数据');
    expect(row(a, 'funds')[col(a, '大会战合计（2031–2033年）')]).toEqual({
      value: 25_000_000,
      decimals: 0,
    });
    expect(a.headers).not.toContain('数据状态');

    const b = completionExport(build(['b']), 'zh', true);
    expect(row(b, 'funds')[col(b, '2033年')]).toBeNull();
    expect(row(b, 'funds')[col(b, '数据状态')]).toBe('不适用');
    expect(row(b, 'rate')[col(b, '数据状态')]).toBe('未报送');
    expect(row(b, 'staff')[col(b, '数据状态')]).toBeNull();
    // A status is its own column: the note does not say "no data" over it.
    expect(row(b, 'rate')[col(b, '备注')]).toBeNull();
    expect(row(b, 'staff')[col(b, '备注')]).toBe('暂无数据');
    expect(row(b, 'cases')[col(b, '大会战合计（2031–2033年）')]).toBeNull();
    expect(row(b, 'cases')[col(b, '合计说明')]).toBe('2032年保密，不合计');
    expect(b.notes).toEqual(
      expect.arrayContaining([
        '“—（未报送）”：数据未采集或尚未报送',
        '“—（不适用）”：该指标在此层级或年份不适用',
      ]),
    );
  });

  it('asks for the campaign’s years when the comparison year comes later', () => {
    expect(completionFilter(meta11, [byId('a')], 2033, 2032, campaign)).toEqual({
      region: 'C',
      from: 2031,
      to: 2033,
    });
    // Before the campaign starts there is no total to fetch for.
    expect(completionFilter(meta11, [byId('a')], 2030, null, campaign)).toMatchObject({
      from: 2029,
    });
  });
});
