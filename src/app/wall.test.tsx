import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findKpiSection, renderApp, scenarios, server, startDemoServer } from '@/test/render-app';

startDemoServer();

/** Each headline card as its name, figure and first change, as the reader sees them. */
function overviewCards(section: HTMLElement) {
  return within(section)
    .getAllByRole('article')
    .map((a) => ({
      name: a.getAttribute('aria-label'),
      number: a.querySelector('.kpi-card__number')?.textContent ?? null,
      unit: a.querySelector('.kpi-card__unit')?.textContent ?? null,
      change: a.querySelector('.change__amount')?.textContent ?? null,
      verdict: a.querySelector('.change__verdict')?.textContent ?? null,
    }));
}

async function findWall(): Promise<HTMLElement> {
  const cards = await screen.findByRole('region', { name: /·/ }, { timeout: 3000 });
  await within(cards).findAllByRole('article');
  return cards;
}

function wallCards(section: HTMLElement) {
  return within(section)
    .getAllByRole('article')
    .map((a) => ({
      name: a.getAttribute('aria-label'),
      number: a.querySelector('.wall-card__number')?.textContent ?? null,
      unit: a.querySelector('.wall-card__unit')?.textContent ?? null,
      change: a.querySelector('.wall-card__change-text')?.textContent ?? null,
      verdict: a.querySelector('.wall-card__verdict')?.textContent ?? null,
    }));
}

const position = () => screen.getByTestId('wall-position').textContent;
/** The name of the region on show (the cycle's panel heading). */
const onShow = () => document.getElementById('wall-current-name')?.textContent;

describe('wall mode (大屏模式)', () => {
  it('shows the same headline figures and changes as the overview for the same region and year', async () => {
    const overview = renderApp('/?district=460106&year=2020');
    const expected = overviewCards(await findKpiSection());
    overview.unmount();
    renderApp('/?district=460106&year=2020&screen=wall');
    const wall = await findWall();
    expect(wall).toHaveAccessibleName('龙华区 · 2020年');
    expect(wallCards(wall)).toEqual(expected);
    expect(expected.some((c) => c.change?.includes('▼'))).toBe(true);
  });

  it('has no filters, menus or links: the exit button is its only control', async () => {
    renderApp('/?district=460106&screen=wall');
    await findWall();
    expect(screen.queryAllByRole('combobox')).toEqual([]);
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.queryAllByRole('tab')).toEqual([]);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['退出大屏（Esc）']);
  });

  it("cycles through the district's townships, highlighting each on the map and in the ranking", async () => {
    renderApp('/?district=460106&year=2022&screen=wall&cycle=1');
    await findWall();
    await waitFor(() => expect(position()).toBe('1/11'));
    const first = onShow();
    await waitFor(() => expect(position()).toBe('2/11'), { timeout: 2500 });
    const second = onShow();
    expect(second).not.toBe(first);
    const marked = document.querySelectorAll('.wall-rank[aria-current="true"]');
    expect([...marked].map((li) => li.querySelector('.wall-rank__name')?.textContent)).toEqual([
      second,
    ]);
    const outlined = document.querySelector('[data-active="true"]');
    expect(outlined).not.toBeNull();
    expect(screen.getByRole('img', { name: /各镇\/街道|镇\/街道/ })).toBeInTheDocument();
  });

  it('cycles through the districts when no district is chosen, on a schematic map', async () => {
    renderApp('/?screen=wall&cycle=1');
    await findWall();
    await waitFor(() => expect(position()).toBe('1/4'));
    expect(document.querySelector('[data-schematic="true"]')).toHaveTextContent('示意图');
  });

  it('leaves on Esc, keeping the filters, and comes back with the toolbar button', async () => {
    const { user } = renderApp('/?district=460106&screen=wall');
    await findWall();
    await user.keyboard('{Escape}');
    await findKpiSection();
    expect(window.location.search).toBe('?district=460106');
    await user.click(screen.getByRole('button', { name: '大屏模式' }));
    await findWall();
    expect(new URLSearchParams(window.location.search).get('screen')).toBe('wall');
    await user.click(screen.getByRole('button', { name: '退出大屏（Esc）' }));
    await findKpiSection();
  });

  it('keeps the last good data, marked with its time, when the server stops answering', async () => {
    renderApp('/?district=460106&year=2022&screen=wall&refresh=0.01');
    const wall = await findWall();
    const before = wallCards(wall);
    expect(await screen.findByText(/^数据更新于 \d\d:\d\d$/)).toBeInTheDocument();
    act(() => {
      server.use(
        scenarios.serverError('meta'),
        scenarios.serverError('observations'),
        scenarios.serverError('rankings'),
      );
    });
    const stale = await screen.findByText(/^数据更新于 \d\d:\d\d（连接中断）$/, undefined, {
      timeout: 4000,
    });
    expect(stale).toHaveAttribute('role', 'alert');
    expect(wallCards(wall)).toEqual(before);
    expect(screen.getByText('数据截至 2023-01-15')).toBeInTheDocument();
  });

  it('speaks English with lang=en', async () => {
    renderApp('/?district=460106&year=2022&screen=wall&lang=en');
    await findWall();
    expect(await screen.findByText(/^Last updated \d\d:\d\d$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Leave wall mode (Esc)' })).toBeInTheDocument();
    expect(screen.getByText('Needs attention')).toBeInTheDocument();
  });
});
