import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDataset } from '@/test/fixtures';
import { renderApp, server, startDemoServer } from '@/test/render-app';

startDemoServer();
afterEach(() => server.events.removeAllListeners());

const table = async (name: RegExp) => {
  const section = await screen.findByRole('region', { name });
  return within(section).findByRole('table');
};

/** The table row of an indicator, as its cells' texts. */
function rowOf(t: HTMLElement, indicator: string): string[] {
  const header = within(t).getByRole('rowheader', { name: indicator });
  const row = header.closest('tr');
  if (!row) throw new Error(`no row for ${indicator}`);
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);
}

const value = (indicator: string, region: string, year: number) =>
  demoDataset.observations.find(
    (o) => o.indicator === indicator && o.region === region && o.year === year,
  )?.value;

describe('指标完成情况表', () => {
  it("reads Longhua's 2019 figures against the 2016 baseline, the previous year and its peers", async () => {
    renderApp('/?district=460106&year=2019');
    const t = await table(/指标完成情况表/);
    const headers = within(t)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      '指标',
      '2019年',
      '大会战合计（2017–2019年）',
      '较2016年（基线年）',
      '较上年（2018年）',
      '目标',
      '达标情况',
      '同级排名',
    ]);
    const [v, total, vsBase, vsPrev, , , rank] = rowOf(t, '新发现吸毒人员');
    expect(v).toBe(`${value('new-users', '460106', 2019)}人`);
    // A flow: the campaign's years added up, from the data.
    const sum = [2017, 2018, 2019].reduce(
      (a, y) => a + (value('new-users', '460106', y) ?? NaN),
      0,
    );
    expect(total).toContain(`${sum}人`);
    expect(vsBase).toBe('▼ 93.4% 向好');
    // The place among Haikou's districts, from the data: fewer new users is better.
    const districts = demoDataset.meta.regions.filter((r) => r.parent === '460100');
    const values = districts
      .map((d) => value('new-users', d.id, 2019))
      .filter((x): x is number => typeof x === 'number');
    const own = value('new-users', '460106', 2019);
    if (own == null) throw new Error('the demo has no 2019 figure');
    const place = values.filter((x) => x < own).length + 1;
    expect(rank).toMatch(new RegExp(`第${place}位（共${values.length}个）`));
    expect(vsPrev).toMatch(/^[▲▼■] /);
  });

  it('leaves the place column out for the city, which has no peers, in both languages', async () => {
    const city = renderApp('/?year=2022');
    const t = await table(/指标完成情况表/);
    const headers = within(t)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      '指标',
      '2022年',
      '大会战合计（2020–2022年）',
      '较2019年（基线年）',
      '较上年（2021年）',
      '目标',
      '达标情况',
    ]);
    expect(rowOf(t, '新发现吸毒人员')).toHaveLength(headers.length - 1);
    expect(t.closest('section')).not.toHaveTextContent('同级排名');
    city.unmount();
    renderApp('/?year=2022&lang=en');
    const en = await table(/Indicator completion table/);
    expect(en.closest('section')).not.toHaveTextContent(/place among peers|Rank among peers/i);
  });

  it("asks once for every indicator of the district's peers, from the baseline to the year", async () => {
    const asked: URLSearchParams[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/observations') && !url.searchParams.has('indicator'))
        asked.push(url.searchParams);
    });
    renderApp('/?district=460106&year=2019');
    await table(/指标完成情况表/);
    expect(asked.map((p) => Object.fromEntries(p))).toEqual([
      // 1.1 (the demo lists `depth`): the city and its districts, not every township.
      { region: '460100', depth: '1', from: '2016', to: '2019' },
    ]);
  });

  it('compares several townships side by side, a column each, and says the cards show the first', async () => {
    const towns = demoDataset.meta.regions.filter((r) => r.parent === '460106').slice(0, 2);
    renderApp(`/?district=460106&town=${towns.map((r) => r.id).join(',')}&year=2021&lang=en`);
    const t = await table(/Indicator completion table/);
    const headers = within(t)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Indicator', ...towns.map((r) => r.name.en)]);
    expect(await screen.findByText(/The cards show the first chosen township/)).toBeInTheDocument();
  });

  it('counts what needs attention in English with the right number: 1 indicator, 4 indicators', async () => {
    renderApp('/?lang=en&district=460106&year=2022');
    const one = (await screen.findByText('Needs attention')).closest('summary');
    expect(one).toHaveTextContent(
      'Needs attention 1 indicator got worse than the previous year or missed its target',
    );
    cleanup();
    renderApp('/?lang=en&year=2022');
    const many = (await screen.findByText('Needs attention')).closest('summary');
    expect(many).toHaveTextContent(
      /\d+ indicators got worse than the previous year or missed their target/,
    );
    expect(many).not.toHaveTextContent(/^Needs attention 1 indicators/);
  });

  it('lists what needs attention, each a link to its trend', async () => {
    const { user } = renderApp('/?year=2022');
    const warnings = (await screen.findByText('需关注')).closest('details');
    if (!warnings) throw new Error('no warnings list');
    const links = within(warnings).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    const [first] = links;
    if (!first) throw new Error('no link');
    await user.click(first);
    expect(new URLSearchParams(window.location.search).get('view')).toBe('trends');
    expect(new URLSearchParams(window.location.search).get('indicator')).toBeTruthy();
  });
});
