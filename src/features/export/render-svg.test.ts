import { describe, expect, it } from 'vitest';
import type { ChartSpec, SpecSeries } from '@/features/charts/chart-spec';
import { renderChartSvg } from './render-svg';

const SVG_NS = 'http://www.w3.org/2000/svg';
const DRAWING = new Set([
  'svg',
  'title',
  'desc',
  'style',
  'g',
  'rect',
  'line',
  'polyline',
  'circle',
  'text',
]);

function series(name: string, values: (number | null)[], selected = false): SpecSeries {
  return { id: name, name, selected, values, provisional: values.map(() => false) };
}

function makeSpec(over: Partial<ChartSpec> = {}): ChartSpec {
  const years = over.years ?? [2016, 2017, 2018, 2019, 2020];
  return {
    id: 'new-users',
    kind: 'line',
    lang: 'zh',
    title: '新发现吸毒人员：各区对比',
    scope: { path: [], towns: [], year: 2020, compare: null },
    subtitle: '全市各区，2016–2020年',
    years,
    series: [
      series('东城区', [120, 110, 90, 80, 70], true),
      series('西城区', [60, 65, 55, 50, 40]),
    ],
    unit: { unit: 'count', decimals: 0, label: '人', better: 'lower' },
    yLabel: '新发现吸毒人员（人）',
    formatTick: (v) => String(v),
    formatValue: (v) => `${v}人`,
    band: { from: 2017, to: 2019, label: '专项行动' },
    baseline: { year: 2016, label: '基线年' },
    reversed: false,
    rankOf: null,
    captionLines: ['来源：市禁毒办', '数据截至：2023-03-31'],
    source: '市禁毒办',
    dataAsOf: '2023-03-31',
    notes: ['注：* 为初步数据'],
    summary: '各区新发现吸毒人员逐年下降。',
    demo: false,
    table: { rowHeader: '地区', columns: years.map(String), rows: [] },
    records: [],
    ...over,
  };
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const texts = (doc: Document) => Array.from(doc.querySelectorAll('text'), (t) => t.textContent);
const seriesGroup = (doc: Document, id: string) => doc.querySelector(`g[data-series="${id}"]`);

describe('renderChartSvg', () => {
  it('draws title, subtitle, legend names and footer lines as text inside the image', () => {
    const all = texts(parse(renderChartSvg(makeSpec())));
    for (const s of ['新发现吸毒人员：各区对比', '全市各区，2016–2020年', '东城区', '西城区'])
      expect(all).toContain(s);
    for (const s of [
      '注：* 为初步数据',
      '来源：市禁毒办',
      '数据截至：2023-03-31',
      '专项行动',
      '基线年',
    ])
      expect(all).toContain(s);
    expect(all).toContain('新发现吸毒人员（人）');
    expect(all).toContain('2016');
  });

  it('writes hostile labels as literal text and only SVG drawing elements', () => {
    const evil = '<img src=x onerror=alert(1)> & "q" \'a\'';
    const svg = renderChartSvg(
      makeSpec({
        title: evil,
        series: [series(evil, [1, 2, 3, 4, 5])],
        captionLines: [`来源：${evil}`],
        band: { from: 2017, to: 2018, label: '</text><script>alert(1)</script>' },
      }),
    );
    const doc = parse(svg);
    const all = texts(doc);
    expect(all).toContain(evil);
    expect(all).toContain(`来源：${evil}`);
    expect(all).toContain('</text><script>alert(1)</script>');
    const elements = Array.from(doc.getElementsByTagName('*'));
    for (const e of elements) {
      expect(e.namespaceURI).toBe(SVG_NS);
      expect(DRAWING).toContain(e.localName);
    }
    expect(doc.querySelector('img, script, foreignObject, image')).toBeNull();
  });

  it('breaks a series at nulls and keeps isolated values as dots', () => {
    const spec = makeSpec({
      years: [2016, 2017, 2018, 2019, 2020, 2021, 2022],
      series: [series('东城区', [5, 6, null, 7, 8, null, 9])],
    });
    const g = seriesGroup(parse(renderChartSvg(spec)), '东城区');
    expect(g?.querySelectorAll('polyline')).toHaveLength(2);
    expect(g?.querySelectorAll('circle')).toHaveLength(5);
  });

  it('draws provisional values as hollow dots', () => {
    const s = {
      ...series('东城区', [1, 2, 3, 4, 5]),
      provisional: [false, false, false, false, true],
    };
    const dots = seriesGroup(
      parse(renderChartSvg(makeSpec({ series: [s] }))),
      '东城区',
    )?.querySelectorAll('circle');
    const fills = Array.from(dots ?? [], (c) => c.getAttribute('fill'));
    expect(fills.slice(0, 4)).not.toContain('#fff');
    expect(fills[4]).toBe('#fff');
  });

  it('puts rank 1 above rank 4 on a reversed axis', () => {
    const spec = makeSpec({
      kind: 'rank',
      reversed: true,
      yLabel: '名次（越小越好）',
      years: [2016, 2017],
      series: [series('东城区', [1, 4])],
    });
    const dots = seriesGroup(parse(renderChartSvg(spec)), '东城区')?.querySelectorAll('circle');
    const cy = (i: number) => Number(dots?.[i]?.getAttribute('cy'));
    expect(cy(0)).toBeLessThan(cy(1));
  });

  it('marks demo data with a watermark and a corner tag, and only demo data', () => {
    const demo = parse(renderChartSvg(makeSpec({ demo: true })));
    expect(demo.querySelector('[data-watermark]')?.textContent).toBe('演示数据 / Demo data');
    expect(texts(demo).filter((t) => t === '演示数据 / Demo data')).toHaveLength(2);
    const real = parse(renderChartSvg(makeSpec({ demo: false })));
    expect(real.querySelector('[data-watermark]')).toBeNull();
    expect(texts(real)).not.toContain('演示数据 / Demo data');
  });

  it.each([
    ['wide', '960', '540'],
    ['column', '680', '520'],
  ] as const)('is %s-sized in CSS pixels on a white ground', (size, w, h) => {
    const root = parse(renderChartSvg(makeSpec(), size)).documentElement;
    expect(root.getAttribute('width')).toBe(w);
    expect(root.getAttribute('height')).toBe(h);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${w} ${h}`);
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#fff');
    expect(root.getAttribute('font-family')).toContain('"Noto Sans CJK SC"');
  });

  it('wraps a long title to two lines and keeps every drawing inside the image', () => {
    const title =
      '新发现吸毒人员、戒断三年未复吸人数及社区戒毒社区康复执行率：全市各区与各街道乡镇历年对比分析';
    const doc = parse(renderChartSvg(makeSpec({ title }), 'column'));
    const lines = Array.from(doc.querySelectorAll('text[font-size="20"]'), (t) => t.textContent);
    expect(lines).toHaveLength(2);
    for (const y of Array.from(doc.querySelectorAll('text'), (t) => Number(t.getAttribute('y'))))
      expect(y).toBeLessThanOrEqual(520);
  });

  it.each<[string, Partial<ChartSpec>]>([
    ['no series', { series: [] }],
    ['only gaps', { series: [series('东城区', [null, null, null, null, null])] }],
    ['one year', { years: [2020], series: [series('东城区', [3])], band: null }],
    ['flat negative values', { series: [series('东城区', [-2, -2, -2, -2, -2])] }],
  ])('draws a sound figure with %s', (_, over) => {
    const svg = renderChartSvg(makeSpec(over));
    parse(svg);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });
});
