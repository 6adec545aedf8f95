import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@mocks/handlers';
import { demoDataset } from '@/test/fixtures';
import { renderApp, server, startDemoServer } from '@/test/render-app';

startDemoServer();
afterEach(() => server.events.removeAllListeners());

function observationRequests(): URL[] {
  const urls: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/observations')) urls.push(url);
  });
  return urls;
}

describe('programmes', () => {
  it('asks only for the campaign years (baseline first) and shows exactly those', async () => {
    const urls = observationRequests();
    const { user } = renderApp('/?view=programmes&programme=strike');
    const figures = await screen.findAllByRole('figure');
    expect(figures.length).toBeGreaterThan(0);
    // The demo's latest year is 2022, in the second campaign (2020–2022, baseline 2019).
    expect(
      urls.some(
        (u) => u.searchParams.get('from') === '2019' && u.searchParams.get('to') === '2022',
      ),
    ).toBe(true);
    const first = figures[0];
    if (!first) throw new Error('no figure');
    await user.click(within(first).getByRole('button', { name: '显示表格' }));
    const headers = within(first)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers.slice(1)).toEqual(['2019', '2020', '2021', '2022']);

    await user.selectOptions(screen.getByRole('combobox', { name: '大会战' }), 'round-1');
    await waitFor(() =>
      expect(
        urls.some(
          (u) => u.searchParams.get('from') === '2016' && u.searchParams.get('to') === '2019',
        ),
      ).toBe(true),
    );
  });

  it('shows in the Programme select the programme its charts show when the link names none', async () => {
    // A programme with no indicators first: the charts show the first one that has indicators,
    // and a select with no value of its own would show the first option instead.
    const { meta } = demoDataset;
    const programmes = [{ id: 'plan', name: { zh: '规划', en: 'Plan' } }, ...meta.programmes];
    server.use(...createHandlers({ ...demoDataset, meta: { ...meta, programmes } }));
    renderApp('/?view=programmes');
    await screen.findByRole('figure', { name: '严打：破获毒品刑事案件（各区对比）' });
    const titles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles).toHaveLength(3);
    for (const title of titles) expect(title).toMatch(/^严打：/);
    expect(screen.getByRole('heading', { level: 2, name: '严打' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: '专项' })).toHaveValue('strike');
  });

  it('speaks of the city, not its leading district, when the city is selected', async () => {
    const summary = async () =>
      (
        await screen.findByRole('figure', { name: /破获毒品刑事案件|Drug criminal cases solved/ })
      ).querySelector('.chart-frame__summary')?.textContent;
    const { unmount } = renderApp('/?view=programmes&programme=strike');
    expect(await summary()).toBe(
      '2022年海口市破获毒品刑事案件340起（初步数据），较2019年（基线年）下降26.9%，较上年下降0.3%；海口市4个区中美兰区最多（98起）；2020–2022年合计1,085起（含初步数据）。',
    );
    unmount();
    const en = renderApp('/?view=programmes&programme=strike&lang=en');
    expect(await summary()).toBe(
      'In 2022, Haikou recorded 340 drug criminal cases solved (provisional), 26.9% fewer than in 2019 (baseline) and 0.3% fewer than the year before. Of the 4 districts of Haikou, Meilan recorded the most (98 cases). The 2020–2022 total is 1,085 cases (including provisional figures).',
    );
    en.unmount();
    // A chosen district: its own figure, then its place among the districts, as before.
    renderApp('/?view=programmes&programme=strike&district=460106');
    expect(await summary()).toBe(
      '2022年龙华区破获毒品刑事案件97起（初步数据），较2019年（基线年）下降26.5%，较上年下降6.7%；在海口市4个区中由高到低居第2位；2020–2022年合计319起（含初步数据）。',
    );
  });
});
