import { describe, expect, it } from 'vitest';
import { indexObservations } from '@/features/data/observation-index';
import { validateFilters } from '@/features/filters/resolve';
import { resolveSelection } from '@/features/filters/selection';
import { readRaw } from '@/features/filters/url-params';
import { loadViewStrings } from '@/lib/i18n';
import { demoDataset, parsedDemoMeta } from '@/test/fixtures';
import { parseObservations } from '@contract/parse-records';
import { buildMapModel } from './map-model';
import { renderMapSvg } from './map-svg';

async function model(query: string, demo = true) {
  await loadViewStrings();
  const meta = parsedDemoMeta();
  const index = indexObservations(
    parseObservations({ observations: demoDataset.observations }, meta).data,
  );
  const valid = validateFilters(readRaw(new URLSearchParams(query)), meta);
  const indicator = meta.indicators.find((i) => i.id === 'new-users');
  if (!indicator) throw new Error('no indicator');
  const selection = resolveSelection(valid, meta, index);
  return buildMapModel({ meta, index, selection, indicator, lang: 'zh', demo });
}

describe('the exported map', () => {
  it('is a well-formed SVG image with title, legend, schematic mark, source and demo marker', async () => {
    const m = await model('view=map&district=460106&year=2019');
    const svg = renderMapSvg(m, { kind: 'tiles' });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')?.textContent ?? '').toBe('');
    const text = doc.documentElement.textContent;
    expect(text).toContain('新发现吸毒人员：龙华区各镇/街道分布');
    expect(text).toContain('示意图 / Schematic');
    expect(text).toContain('颜色越深越需关注');
    expect(text).toContain('演示数据 / Demo data');
    expect(text).toContain('数据截至');
    expect(doc.querySelectorAll('g.choropleth__region')).toHaveLength(m.regions.length);
  });
});
