import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoConfig, renderApp, startDemoServer } from '@/test/render-app';

startDemoServer();

const TOWNSHIPS = '新发现吸毒人员：龙华区各镇/街道红黑榜';
const DISTRICTS = '新发现吸毒人员：各区红黑榜';

/** The table twin of a figure, as rows of text: region first, then its cells. */
async function tableOf(figure: HTMLElement, user: ReturnType<typeof renderApp>['user']) {
  await user.click(within(figure).getByRole('button', { name: /显示表格|Show table/ }));
  const table = within(figure).getByRole('table');
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((th) => th.textContent);
  const rows = within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent));
  return { headers, rows };
}

/** Each drawn row, top to bottom: region id, whether it has a bar, whether it is marked. */
const drawn = (figure: HTMLElement) =>
  [...figure.querySelectorAll('svg[role="img"] g.bar-row')].map((g) => ({
    id: g.getAttribute('data-region'),
    bar: g.querySelector('rect.bar') !== null,
    selected: g.getAttribute('data-selected') === 'true',
  }));

const rgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];
/** WCAG contrast of a colour against white. */
function contrastOnWhite(hex: string) {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = rgb(hex).map(lin) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('league (红黑榜)', () => {
  it('ranks the townships best first, ties sharing a place, with the chosen one marked', async () => {
    const { user } = renderApp(
      '/?view=league&indicator=new-users&district=460106&year=2016&town=460106007',
    );
    const figure = await screen.findByRole('figure', { name: TOWNSHIPS });
    expect(screen.getByRole('figure', { name: DISTRICTS })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '指标' })).toHaveValue('new-users');
    const marked = drawn(figure).filter((r) => r.selected);
    expect(marked.map((r) => r.id)).toEqual(['460106007']);
    expect(figure).toHaveTextContent('红榜（前3名）');
    expect(figure).toHaveTextContent('城西镇并列第4名（共11名）');

    const { headers, rows } = await tableOf(figure, user);
    // 2016 is the first campaign's baseline itself: there is nothing to compare it with.
    expect(headers).toEqual(['地区', '名次', '数值', '变化', '榜单']);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['—']));
    expect(rows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['遵谭镇', '1', '8人', '红榜'],
      ['新坡镇', '2', '9人', '红榜'],
      ['龙桥镇', '3', '11人', '红榜'],
      ['城西镇', '4', '13人', '—'],
      ['龙泉镇', '4', '13人', '—'],
      ['海垦街道', '6', '15人', '—'],
      ['金宇街道', '6', '15人', '—'],
      ['大同街道', '8', '18人', '—'],
      ['滨海街道', '9', '19人', '黑榜'],
      ['金贸街道', '10', '22人', '黑榜'],
      ['中山街道', '11', '23人', '黑榜'],
    ]);
  });

  it('draws 红榜 red and 黑榜 black, key swatch and bars alike, readable on white', async () => {
    renderApp('/?view=league&indicator=new-users&district=460106&year=2016');
    const figure = await screen.findByRole('figure', { name: TOWNSHIPS });
    const fillOf = (sel: string) => [
      ...new Set([...figure.querySelectorAll(sel)].map((r) => r.getAttribute('fill') ?? '')),
    ];
    const red = fillOf('g.bar-row[data-tone="top"] rect.bar');
    const black = fillOf('g.bar-row[data-tone="bottom"] rect.bar');
    expect(red).toHaveLength(1);
    expect(black).toHaveLength(1);
    expect(fillOf('g[data-key="top"] rect')).toEqual(red);
    expect(fillOf('g[data-key="bottom"] rect')).toEqual(black);
    const [r, g, b] = rgb(red.join(''));
    expect(r).toBeGreaterThan(180);
    expect(Math.max(g, b)).toBeLessThan(70);
    expect(Math.max(...rgb(black.join('')))).toBeLessThan(60);
    expect(contrastOnWhite(red.join(''))).toBeGreaterThanOrEqual(3);
    // The words stay: colour is never the only cue.
    expect(figure).toHaveTextContent('红榜（前3名）');
    expect(figure).toHaveTextContent('黑榜（后3名）');
  });

  it('shows suppressed small counts as "<5", unranked after the ranked ones, with no bar', async () => {
    const { user } = renderApp('/?view=league&indicator=new-users&district=460106&year=2021', {
      ...demoConfig,
      suppressBelow: 5,
    });
    const figure = await screen.findByRole('figure', { name: TOWNSHIPS });
    const rows = drawn(figure);
    // Six townships at 0 share the first place; five below five are listed after them.
    expect(rows.map((r) => r.bar)).toEqual([
      ...Array<boolean>(6).fill(true),
      ...Array<boolean>(5).fill(false),
    ]);
    expect(figure).toHaveTextContent('另有5个数值小于5，未参与排名');
    expect(figure).toHaveTextContent('“<5”：数值小于5');
    const table = await tableOf(figure, user);
    expect(table.rows.slice(6).map((r) => [r[1], r[2], r[3]])).toEqual(
      Array(5).fill(['—', '<5', '—']),
    );
  });

  it('compares districts with the baseline, marks the chosen district, and words the change', async () => {
    const { user } = renderApp('/?view=league&indicator=new-users&district=460106&year=2019');
    const figure = await screen.findByRole('figure', { name: DISTRICTS });
    expect(drawn(figure).map((r) => [r.id, r.selected])).toEqual([
      ['460105', false],
      ['460107', false],
      ['460106', true],
      ['460108', false],
    ]);
    expect(figure).toHaveTextContent(
      '2019年，海口市4个区中新发现吸毒人员最少的是秀英区（5人），最多的是龙华区、美兰区（10人）；龙华区并列第3名（共4名）。',
    );
    const { headers, rows } = await tableOf(figure, user);
    expect(headers[3]).toBe('较2016年变化');
    expect(rows.find((r) => r[0] === '龙华区')).toEqual([
      '龙华区',
      '3',
      '10人',
      '▼ 93.4% 向好',
      '黑榜',
    ]);
  });

  it('lists a missing value last, saying why, and says whether each region met its target', async () => {
    const { user } = renderApp('/?view=league&indicator=rehab-reporting-rate&year=2021');
    const figure = await screen.findByRole('figure', { name: /社区康复.*各区红黑榜/ });
    expect(screen.getAllByRole('figure')).toHaveLength(1);
    expect(figure).toHaveTextContent('目标 95.0%');
    expect(figure.querySelectorAll('line.bar-target')).toHaveLength(3);
    const { headers, rows } = await tableOf(figure, user);
    expect(headers).toEqual(['地区', '名次', '数值', '较2019年变化', '目标', '达标情况', '榜单']);
    expect(rows.map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      ['龙华区', '1', '98.5%', '已达标'],
      ['秀英区', '2', '97.2%', '已达标'],
      ['琼山区', '3', '94.0%', '未达标'],
      // The demo marks this cell `missing` (not reported), which the league says.
      ['美兰区', '—', '—（未报送）', '—'],
    ]);
  });

  it('orders a neutral indicator largest first, without lists', async () => {
    renderApp('/?view=league&indicator=drug-cases&year=2021');
    const figure = await screen.findByRole('figure', { name: '破获毒品刑事案件：各区排序' });
    expect(drawn(figure).map((r) => r.id)).toEqual(['460106', '460108', '460107', '460105']);
    expect(figure.querySelector('[data-key]')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('不分好坏');
  });

  it('speaks English, and is reached from its tab', async () => {
    const { user } = renderApp('/?lang=en&indicator=new-users&year=2019');
    await user.click(await screen.findByRole('link', { name: 'League' }));
    const figure = await screen.findByRole('figure', {
      name: 'Newly identified drug users: league of districts',
    });
    expect(window.location.search).toContain('view=league');
    expect(figure).toHaveTextContent(
      'In 2019, among the 4 districts of Haikou, the figure for newly identified drug users was lowest in Xiuying',
    );
    const { headers } = await tableOf(figure, user);
    expect(headers).toEqual(['Region', 'Rank', 'Value', 'Change since 2016', 'List']);
  });
});
