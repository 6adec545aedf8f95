import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoConfig, renderApp, server, startDemoServer } from '@/test/render-app';

startDemoServer();

const TOWNSHIPS = '新发现吸毒人员：龙华区各镇/街道分布';
const DISTRICTS = '新发现吸毒人员：各区分布';

/** Each drawn region: id, class (1 = lowest values, "none" = hatched), fill, spoken label. */
const drawn = (figure: HTMLElement) =>
  [...figure.querySelectorAll('svg g.choropleth__region')].map((g) => ({
    id: g.getAttribute('data-region'),
    cls: g.getAttribute('data-class'),
    fill: g.getAttribute('data-fill'),
    label: g.getAttribute('aria-label'),
  }));

const region = (figure: HTMLElement, id: string) => {
  const found = drawn(figure).find((r) => r.id === id);
  if (!found) throw new Error(`region ${id} not drawn`);
  return found;
};

const square = (x: number, y: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.1, y],
      [x + 0.1, y + 0.1],
      [x, y + 0.1],
      [x, y],
    ],
  ],
});

describe('map (地图)', () => {
  it('draws one square per township, classed by its value, and the table twin says the same', async () => {
    const { user } = renderApp('/?view=map&indicator=new-users&district=460106&year=2016');
    const figure = await screen.findByRole('figure', { name: TOWNSHIPS });
    const regions = drawn(figure);
    expect(regions).toHaveLength(11);
    // 8, 9 | 11 | 13, 13 | 15, 15, 18 | 19, 22, 23 — fewer is better, so more is darker.
    expect(region(figure, '460106010')).toMatchObject({ cls: '1', fill: '#fef0d9' });
    expect(region(figure, '460106007')).toMatchObject({ cls: '3', fill: '#fc8d59' });
    expect(region(figure, '460106001')).toMatchObject({ cls: '5', fill: '#b30000' });
    expect(region(figure, '460106007').label).toBe('城西镇：13人；第4名（共11个）');
    expect(figure).toHaveTextContent('颜色越深越需关注（数值越高）');
    expect(figure).toHaveTextContent('8人 – 9人');
    expect(within(figure).getByText('示意图')).toBeInTheDocument();

    await user.click(within(figure).getByRole('button', { name: /显示表格/ }));
    const rows = within(figure)
      .getAllByRole('row')
      .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows[0]).toEqual(['地区', '2016年', '分级', '变化', '名次']);
    expect(rows.find((r) => r[0] === '城西镇')).toEqual([
      '城西镇',
      '13人',
      '第3级（共5级）',
      '—',
      '4',
    ]);
    expect(rows.find((r) => r[0] === '遵谭镇')).toEqual([
      '遵谭镇',
      '8人',
      '第1级（共5级）',
      '—',
      '1',
    ]);
    expect(rows).toHaveLength(12);
  });

  it('hatches suppressed small counts instead of colouring them as low', async () => {
    renderApp('/?view=map&indicator=new-users&district=460106&year=2021', {
      ...demoConfig,
      suppressBelow: 5,
    });
    const figure = await screen.findByRole('figure', { name: TOWNSHIPS });
    const hatched = drawn(figure).filter((r) => r.fill === 'hatch');
    expect(hatched.length).toBeGreaterThan(0);
    for (const r of hatched) {
      expect(r.cls).toBe('none');
      expect(r.label).toMatch(/：<5；.*未排名$/);
    }
    expect(figure).toHaveTextContent('无数据');
  });

  it('tells the change against the baseline and the rank when a region is hovered or focused', async () => {
    const { user } = renderApp('/?view=map&indicator=new-users&district=460106&year=2019');
    const figure = await screen.findByRole('figure', { name: TOWNSHIPS });
    const town = within(figure).getByRole('button', { name: /^城西镇：/ });
    expect(town.getAttribute('aria-label')).toMatch(
      /较2016年（基线年） ▼ [\d.]+% 向好；第\d+名（共\d+个）/,
    );
    await user.hover(town);
    const tip = within(figure).getByRole('status');
    expect(tip).toHaveTextContent('城西镇');
    expect(tip).toHaveTextContent('较2016年（基线年）');
  });

  it('drills down from a district to its townships by click or Enter, and back', async () => {
    const { user } = renderApp('/?view=map&indicator=new-users&year=2016');
    const figure = await screen.findByRole('figure', { name: DISTRICTS });
    expect(drawn(figure).map((r) => r.id)).toEqual(['460105', '460106', '460107', '460108']);
    await user.click(within(figure).getByRole('button', { name: /^龙华区：/ }));
    expect(new URLSearchParams(window.location.search).get('district')).toBe('460106');
    const towns = await screen.findByRole('figure', { name: TOWNSHIPS });
    within(towns)
      .getByRole('button', { name: /^城西镇：/ })
      .focus();
    await user.keyboard('{Enter}');
    expect(new URLSearchParams(window.location.search).get('town')).toBe('460106007');
    await user.click(screen.getByRole('button', { name: /海口市各区/ }));
    expect(new URLSearchParams(window.location.search).get('district')).toBeNull();
    await screen.findByRole('figure', { name: DISTRICTS });
  });

  it('draws the boundaries file when there is one, and lists what does not match', async () => {
    server.use(
      http.get('*/shapes.geojson', () =>
        HttpResponse.json({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { code: '460105' }, geometry: square(110, 20) },
            { type: 'Feature', properties: { code: '460106' }, geometry: square(110.1, 20) },
            { type: 'Feature', properties: { code: '460107' }, geometry: square(110.2, 20) },
            { type: 'Feature', properties: { code: '469999' }, geometry: square(110.3, 20) },
          ],
        }),
      ),
    );
    const { user } = renderApp('/?view=map&indicator=new-users&year=2016', {
      ...demoConfig,
      boundariesUrl: 'shapes.geojson',
      boundariesIdProperty: 'code',
    });
    const figure = await screen.findByRole('figure', { name: DISTRICTS });
    await waitFor(() => expect(figure.querySelectorAll('svg path')).toHaveLength(3));
    expect(within(figure).queryByText('示意图')).toBeNull();
    expect(figure).toHaveTextContent('边界图形与地区目录不一致（2处）');
    expect(figure).toHaveTextContent('地区目录中没有的图形编号：469999');
    expect(figure).toHaveTextContent('没有边界图形的地区（未画出）：美兰区');
    // The page's data-quality notice lists both, with where and why.
    const notice = await screen.findByRole('region', {
      name: '数据质量提示：2 处地图边界与地区目录不一致',
    });
    expect(
      within(notice).getByRole('row', { name: /shapes\.geojson 469999 code/ }),
    ).toBeInTheDocument();
    expect(within(notice).getByRole('row', { name: /meta\.regions 美兰区 id/ })).toHaveTextContent(
      '边界文件 shapes.geojson 中没有该地区的图形，地图上未画出',
    );
    // Another view has no map: the notice goes with it.
    await user.click(screen.getByRole('link', { name: '概览' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /地图边界/ })).toBeNull());
  });

  it('says so inside the map panel when the boundaries file is broken, and falls back to the schematic', async () => {
    server.use(
      http.get('*/broken.geojson', () => new HttpResponse('<html>oops</html>', { status: 200 })),
    );
    renderApp('/?view=map&indicator=new-users&year=2016', {
      ...demoConfig,
      boundariesUrl: 'broken.geojson',
    });
    const figure = await screen.findByRole('figure', { name: DISTRICTS });
    const alert = await within(figure).findByRole('alert');
    expect(alert).toHaveTextContent('边界文件无法使用：not JSON');
    expect(within(figure).getByText('示意图')).toBeInTheDocument();
    expect(drawn(figure)).toHaveLength(4);
    // The rest of the page is untouched: no error outside the map's frame.
    expect(screen.getAllByRole('alert')).toEqual([alert]);
    expect(screen.getByRole('link', { name: '地图' })).toBeInTheDocument();
  });
  it('plays the campaign years one a second into the URL and stops on the last', async () => {
    const { user } = renderApp('/?view=map&indicator=new-users&year=2019');
    await screen.findByRole('figure', { name: DISTRICTS });
    const year = () => new URLSearchParams(window.location.search).get('year');
    await user.click(screen.getByRole('button', { name: /播放年份/ }));
    // From the last year, play starts again at the campaign's first.
    expect(year()).toBe('2017');
    expect(screen.getByRole('button', { name: /暂停/ })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(year()).toBe('2018'), { timeout: 3000 });
    await waitFor(() => expect(year()).toBe('2019'), { timeout: 3000 });
    expect(await screen.findByRole('button', { name: /播放年份/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('offers only the all-views report on the map, and says where the map’s own export is', async () => {
    const { user } = renderApp('/?view=map&indicator=new-users&year=2016');
    await screen.findByRole('figure', { name: DISTRICTS });
    await user.click(screen.getByRole('button', { name: '导出报告' }));
    const dialog = await screen.findByRole('dialog', { name: '导出报告' });
    expect(within(dialog).queryByRole('radio', { name: /当前视图/ })).toBeNull();
    expect(within(dialog).getByRole('radio', { name: /全部视图/ })).toBeChecked();
    expect(dialog).toHaveTextContent('“地图”不在报告中');
  });
});
