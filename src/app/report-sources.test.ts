/** What a report holds: the recipes of the views asked for, run through the query client. */
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '@/app/providers';
import { metaOptions } from '@/features/data/queries';
import { validateFilters } from '@/features/filters/resolve';
import { readRaw } from '@/features/filters/url-params';
import { demoConfig, startDemoServer } from '@/test/render-app';
import { collectReport } from './report-sources';

startDemoServer();

async function report(query: string, scope: 'view' | 'all') {
  const client = createQueryClient(false);
  const meta = (await client.query(metaOptions(demoConfig))).data;
  const valid = validateFilters(readRaw(new URLSearchParams(query)), meta);
  const ctx = { client, config: demoConfig, meta, valid, lang: 'zh' as const, demo: true };
  const { sources, table } = await collectReport(ctx, scope, new AbortController().signal);
  return { meta, sources, table };
}

const ids = (specs: { id: string }[]) => specs.map((s) => s.id);

describe('collectReport', () => {
  it('holds every programme with indicators in a report of all views, one section each', async () => {
    const { meta, sources } = await report('view=programmes&programme=educate', 'all');
    const programmes = meta.programmes.filter((p) =>
      meta.indicators.some((i) => i.programme === p.id),
    );
    expect(programmes).toHaveLength(9);
    expect(sources.map((s) => s.title)).toEqual([
      '概览',
      '趋势',
      ...programmes.map((p) => `专项工作：${p.name.zh}`),
      '考评排名',
      '红黑榜',
    ]);
    // The league of the headline indicator, as the screen shows it with no district chosen.
    const league = sources.find((s) => s.title === '红黑榜');
    expect(ids(league?.specs ?? [])).toEqual(['league-user-share-districts']);
    expect(league?.specs[0]?.kind).toBe('bar');
    for (const p of programmes) {
      const section = sources.find((s) => s.title === `专项工作：${p.name.zh}`);
      const expected = meta.indicators.filter((i) => i.programme === p.id);
      expect(ids(section?.specs ?? [])).toEqual(expected.map((i) => `programme-${p.id}-${i.id}`));
      for (const spec of section?.specs ?? []) {
        expect(spec.title).toMatch(new RegExp(`^${p.name.zh}：`));
        // Every programme over the same campaign years: the 2022 campaign with its baseline.
        expect(spec.table.columns).toEqual(['2019', '2020', '2021', '2022']);
      }
    }
    for (const s of sources) expect(s.specs.length).toBeGreaterThan(0);
  });

  it('holds only the programme on screen in a report of this view', async () => {
    const chosen = await report('view=programmes&programme=educate', 'view');
    expect(chosen.sources.map((s) => s.title)).toEqual(['专项工作']);
    expect(ids(chosen.sources[0]?.specs ?? [])).toEqual([
      'programme-educate-contest-participations',
      'programme-educate-drug-free-communities',
    ]);
    // No programme in the link: the one the screen defaults to, the first with indicators.
    const byDefault = await report('view=programmes', 'view');
    expect(ids(byDefault.sources[0]?.specs ?? [])).toEqual([
      'programme-strike-drug-cases',
      'programme-strike-suspects-arrested',
      'programme-strike-drugs-seized',
    ]);
  });

  it('leaves the place column and its note out of the completion table for the city, not a district', async () => {
    const { table: city } = await report('year=2022', 'view');
    expect(city?.headers).not.toContain('同级排名');
    expect(city?.rows.every((r) => r.cells.length === city.headers.length)).toBe(true);
    expect(city?.notes.join('')).not.toContain('同级排名');
    const { table: district } = await report('year=2022&district=460106', 'view');
    expect(district?.headers.at(-1)).toBe('同级排名');
    expect(district?.notes[0]).toMatch(/^同级排名：/);
  });
});
