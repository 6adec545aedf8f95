/**
 * Contract 1.1 kinds of missing in a chart's files: the value cell stays empty (numbers stay
 * numbers), a "数据状态" column says which kind, and the notes explain each marker. Built from a
 * real chart spec of the small 1.1 data set, so the screen's table and tooltip are checked too.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildIndicatorSpec } from '@/features/charts/indicator-spec';
import { indexObservations } from '@/features/data/observation-index';
import type { Lang } from '@/lib/i18n';
import { parseMeta } from '@contract/parse-meta';
import { parseObservations } from '@contract/parse-records';
import { dataset11 } from '@/test/dataset-11';
import { chartCsv } from './csv';
import { chartXlsx } from './xlsx';

function chart(lang: Lang, withStatuses = true, focusYear = 2018) {
  const wireMeta = structuredClone(dataset11.meta);
  // 1.0 data: no statuses and no validity years.
  if (!withStatuses)
    for (const r of wireMeta.regions) {
      delete r.validFrom;
      delete r.validTo;
    }
  const meta = parseMeta(wireMeta).data;
  const wire = withStatuses
    ? dataset11.observations
    : dataset11.observations.map((o) => ({ ...o, status: undefined }));
  const index = indexObservations(
    parseObservations({ observations: structuredClone(wire) }, meta).data,
  );
  const indicator = meta.indicators.find((i) => i.id === 'new-users');
  if (!indicator) throw new Error('no indicator');
  const regions = meta.regions.filter((r) => r.level === 'township');
  return buildIndicatorSpec({
    id: 'c',
    meta,
    index,
    indicator,
    regions,
    selectedIds: new Set(['t1']),
    years: meta.years,
    campaign: meta.campaigns[0] ?? null,
    title: indicator.name[lang],
    scope: { path: [], towns: regions, year: 2019, compare: null },
    lang,
    demo: false,
    focus: { regionId: 't1', year: focusYear, compareYear: null },
  });
}

const rows = (csv: string) => Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;

describe('kinds of missing in a chart', () => {
  it('reads differently in the table twin, the tooltip and the summary', () => {
    const spec = chart('zh');
    const east = spec.table.rows.find((r) => r.header === '东镇');
    expect(east?.cells).toEqual(['30人', '20人', '—（保密）', '3人']);
    const west = spec.table.rows.find((r) => r.header === '西镇');
    // West Town was merged away after 2017: its later years say so rather than a bare "—".
    expect(west?.cells).toEqual(['12人', '—（未报送）', '—（2017年后撤并）', '—（2017年后撤并）']);
    expect(spec.series.find((s) => s.id === 't2')?.gaps).toEqual([
      null,
      '—（未报送）',
      '—（2017年后撤并）',
      '—（2017年后撤并）',
    ]);
    expect(spec.series.find((s) => s.id === 't1')?.gaps).toEqual([null, null, '—（保密）', null]);
    expect(spec.notes).toContain('“—（保密）”：数据涉密，不予公开');
    expect(spec.notes).toContain('“—（未报送）”：数据未采集或尚未报送');
    expect(spec.summary).toBe('2018年东镇新发现吸毒人员数据保密，不予公开。');
  });

  it('counts as peers only the townships that existed in the year, and says why there is no total', () => {
    // 2019: East Town and New West Town; West Town was merged away after 2017.
    expect(chart('zh', true, 2019).summary).toBe(
      '2019年东镇新发现吸毒人员3人；上年数据保密，无法比较；在甲区2个镇/街道中最低；因2018年保密，不计算2017–2019年合计。',
    );
  });

  it('writes a status column in the CSV, with the value cell left empty', () => {
    const [header, ...body] = rows(chartCsv(chart('en')));
    expect(header).toEqual([
      'indicator',
      'unit',
      'region',
      'year',
      'value',
      'status',
      'provisional',
      'note',
    ]);
    const withheld = body.find((r) => r[2] === 'East Town' && r[3] === '2018');
    expect(withheld?.slice(4, 6)).toEqual(['', 'withheld']);
    expect(withheld?.[7]).toBe('Too few');
    expect(body.find((r) => r[2] === 'West Town' && r[3] === '2017')?.[5]).toBe('not reported');
    expect(body.find((r) => r[2] === 'East Town' && r[3] === '2019')?.slice(4, 6)).toEqual([
      '3',
      '',
    ]);
  });

  it('says in the status column when a region did not exist in a year', () => {
    const [, ...body] = rows(chartCsv(chart('zh')));
    expect(body.find((r) => r[2] === '西镇' && r[3] === '2019')?.slice(4, 6)).toEqual([
      '',
      '2017年后撤并',
    ]);
  });

  it('leaves 1.0 data’s CSV without the column', () => {
    expect(rows(chartCsv(chart('zh', false)))[0]).not.toContain('数据状态');
  });

  it('writes the status column in the XLSX, numbers as numbers', async () => {
    const blob = await chartXlsx(chart('zh'), {
      title: 't',
      filters: 'f',
      scope: { path: [], towns: [], year: 2019, compare: null },
      source: null,
      dataAsOf: null,
      demo: false,
      lang: 'zh',
      exportedAt: '2026-12-03 10:00',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await blob.arrayBuffer());
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getRow(1).getCell(6).value).toBe('数据状态');
    const found: unknown[][] = [];
    ws.eachRow((row) => {
      const values = [2, 3, 4, 5, 6, 8].map((c) => row.getCell(c).value);
      if (values[1] === '东镇') found.push(values);
    });
    expect(found).toContainEqual(['人', '东镇', 2018, null, '保密', '人数过少']);
    expect(found).toContainEqual(['人', '东镇', 2019, 3, null, null]);
    const notes = wb.worksheets[1];
    const text: string[] = [];
    notes?.eachRow((row) => text.push(row.getCell(2).text));
    expect(text).toContain('“—（保密）”：数据涉密，不予公开');
  });
});
