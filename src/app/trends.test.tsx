import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { QUIET, regionLook } from '@/components/chart/series-style';
import { createHandlers } from '@mocks/handlers';
import { demoDataset } from '@/test/fixtures';
import { renderApp, server, startDemoServer } from '@/test/render-app';

startDemoServer();

const DISTRICTS = '新发现吸毒人员：各区对比';
const TOWNSHIPS = '新发现吸毒人员：龙华区各镇/街道对比';

/** One group per series in the plot; the legend's small keys are outside it. */
const curves = (figure: HTMLElement) =>
  figure.querySelectorAll('.line-chart__plot svg g[data-series]');

describe('trends', () => {
  it('draws the districts and the townships of the chosen district', async () => {
    renderApp('/?view=trends&indicator=new-users&district=460106');
    const districts = await screen.findByRole('figure', { name: DISTRICTS });
    const towns = screen.getByRole('figure', { name: TOWNSHIPS });
    expect(screen.getAllByRole('figure')).toHaveLength(2);
    expect(screen.getByRole('combobox', { name: '指标' })).toHaveValue('new-users');
    expect(curves(districts)).toHaveLength(4);
    // Counts are compared without the parent, whose total would dwarf its parts.
    // Twelve: 遵谭镇 (to 2018) and 遵谭街道 (from 2019) each have their own years.
    expect(curves(towns)).toHaveLength(12);
    for (const group of curves(districts))
      expect(group.querySelector('polyline')?.getAttribute('points')).toMatch(
        /^[\d.]+,[\d.]+ [\d.]+,[\d.]+/,
      );
    expect(within(districts).getByText('龙华区')).toBeInTheDocument();
    expect(districts).toHaveTextContent('来源：');
  });

  it('shows the table twin, captioned with the chart title, with Longhua values', async () => {
    const { user } = renderApp('/?view=trends&indicator=new-users&district=460106');
    const districts = await screen.findByRole('figure', { name: DISTRICTS });
    expect(within(districts).queryByRole('table')).not.toBeInTheDocument();

    await user.click(within(districts).getByRole('button', { name: '显示表格' }));

    const table = within(districts).getByRole('table', { name: DISTRICTS });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual(['地区', '2016', '2017', '2018', '2019', '2020', '2021', '2022']);
    const longhua = within(table).getByRole('rowheader', { name: '龙华区' }).closest('tr');
    if (!longhua) throw new Error('no Longhua row');
    const cells = within(longhua)
      .getAllByRole('cell')
      .map((td) => td.textContent);
    // 2022 is provisional in the demo data, hence the asterisk.
    expect(cells).toEqual(['152人', '96人', '41人', '10人', '8人', '6人', '5人*']);
    expect(within(districts).getByRole('button', { name: '隐藏表格' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // The other figure keeps its chart.
    expect(within(screen.getByRole('figure', { name: TOWNSHIPS })).queryByRole('table')).toBeNull();

    await user.click(within(districts).getByRole('button', { name: '隐藏表格' }));
    expect(within(districts).queryByRole('table')).not.toBeInTheDocument();
  });

  it("compares a rate with the city's own figure as a reference", async () => {
    const { user } = renderApp('/?view=trends&indicator=user-share');
    const figure = await screen.findByRole('figure', { name: /吸毒人员占常住人口比例：各区对比/ });
    expect(screen.getAllByRole('figure')).toHaveLength(1);
    await user.click(within(figure).getByRole('button', { name: '显示表格' }));
    const rows = within(figure)
      .getAllByRole('rowheader')
      .map((th) => th.textContent);
    expect(rows).toEqual(['海口市', '秀英区', '龙华区', '琼山区', '美兰区']);
    const longhua = within(figure).getByRole('rowheader', { name: '龙华区' }).closest('tr');
    expect(longhua).toHaveTextContent('4.27‰');
  });

  it('speaks of the region whose parts are drawn: the city over its districts, a district over its townships', async () => {
    const summary = async (name: RegExp) =>
      (await screen.findByRole('figure', { name })).querySelector('.chart-frame__summary')
        ?.textContent;
    const city = renderApp('/?view=trends&indicator=drug-cases');
    expect(await summary(/破获毒品刑事案件：各区对比/)).toBe(
      '2022年海口市破获毒品刑事案件340起（初步数据），较2019年（基线年）下降26.9%，较上年下降0.3%；海口市4个区中美兰区最多（98起）；2020–2022年合计1,085起（含初步数据）。',
    );
    city.unmount();
    const en = renderApp('/?view=trends&indicator=drug-cases&district=460106&lang=en');
    expect(await summary(/townships of Longhua/)).toBe(
      'In 2022, Longhua recorded 97 drug criminal cases solved (provisional), 26.5% fewer than in 2019 (baseline) and 6.7% fewer than the year before. Of the 11 townships of Longhua, Jinmao Subdistrict recorded the most (14 cases). The 2020–2022 total is 319 cases (including provisional figures).',
    );
    // The districts chart keeps the chosen district's own figure and its place among its peers.
    expect(await summary(/districts compared/)).toBe(
      'In 2022, Longhua recorded 97 drug criminal cases solved (provisional), 26.5% fewer than in 2019 (baseline) and 6.7% fewer than the year before. 2nd highest of the 4 districts of Haikou. The 2020–2022 total is 319 cases (including provisional figures).',
    );
    en.unmount();
  });

  it('keeps eleven townships quiet until one is chosen, which then takes its own colour', async () => {
    const { user } = renderApp('/?view=trends&indicator=new-users&district=460106');
    const towns = await screen.findByRole('figure', { name: TOWNSHIPS });
    const legend = within(towns).getByRole('list', { name: '图例' });
    const key = () =>
      within(legend)
        .getByRole('button', { name: /中山街道/ })
        .querySelector('line');
    const line = () => towns.querySelector('g[data-series="460106001"] polyline');
    expect(key()).toHaveAttribute('stroke', QUIET);
    expect(line()).toHaveAttribute('stroke', QUIET);

    await user.click(screen.getByRole('checkbox', { name: '中山街道' }));

    const own = regionLook('460106001').color;
    expect(key()).toHaveAttribute('stroke', own);
    expect(key()).toHaveAttribute('stroke-width', '3.5');
    expect(line()).toHaveAttribute('stroke', own);
    expect(line()).toHaveAttribute('stroke-width', '3.5');
    expect(within(legend).getByRole('button', { name: /中山街道（已选）/ })).toBeInTheDocument();
  });

  it('shows one line alone from its legend key, and all again on a second click', async () => {
    const { user } = renderApp('/?view=trends&indicator=new-users&district=460106');
    const districts = await screen.findByRole('figure', { name: DISTRICTS });
    const legend = within(districts).getByRole('list', { name: '图例' });
    const visible = () =>
      [...curves(districts)].filter((g) => g.getAttribute('opacity') !== '0').length;
    expect(visible()).toBe(4);
    const key = within(legend).getByRole('button', { name: /琼山区/ });

    await user.click(key);
    expect(key).toHaveAttribute('aria-pressed', 'true');
    expect(visible()).toBe(1);

    await user.click(key);
    expect(key).toHaveAttribute('aria-pressed', 'false');
    expect(visible()).toBe(4);
  });

  it('switches indicator with the Indicator select', async () => {
    const { user } = renderApp('/?view=trends&district=460106');
    await screen.findAllByRole('figure');
    await user.selectOptions(screen.getByRole('combobox', { name: '指标' }), '新发现吸毒人员');
    expect(await screen.findByRole('figure', { name: DISTRICTS })).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('indicator')).toBe('new-users');
  });

  it('shows in the Indicator select the indicator its charts show when the link names none', async () => {
    // Indicators other than the headline ones first: the charts default to the first headline
    // indicator, and a select with no value of its own would show the first option instead.
    const { meta } = demoDataset;
    const indicators = [
      ...meta.indicators.filter((i) => i.headline !== true),
      ...meta.indicators.filter((i) => i.headline === true),
    ];
    server.use(...createHandlers({ ...demoDataset, meta: { ...meta, indicators } }));
    renderApp('/?view=trends');
    await screen.findByRole('figure', { name: '吸毒人员占常住人口比例：各区对比' });
    expect(
      screen.getByRole('heading', { level: 2, name: /^吸毒人员占常住人口比例/ }),
    ).toBeVisible();
    expect(screen.getByRole('combobox', { name: '指标' })).toHaveValue('user-share');
    expect(new URLSearchParams(window.location.search).get('indicator')).toBeNull();
  });

  it('opens from the view tab', async () => {
    const { user } = renderApp('/?district=460106');
    await screen.findAllByRole('article');
    await user.click(screen.getByRole('link', { name: '趋势' }));
    expect(await screen.findByRole('figure', { name: /龙华区各镇\/街道对比/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '趋势' })).toHaveAttribute('aria-current', 'page');
  });
});
