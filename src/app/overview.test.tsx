import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '@mocks/handlers';
import { demoDataset } from '@/test/fixtures';
import { findKpiSection, renderApp, server, startDemoServer } from '@/test/render-app';

startDemoServer();
afterEach(() => server.events.removeAllListeners());

/**
 * Every request for the headline cards from now on, as its query parameters. The completion
 * table's own request (every indicator, so no `indicator` parameter) is checked in
 * completion.test.tsx.
 */
function observationRequests(): URLSearchParams[] {
  const list: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/observations') && url.searchParams.has('indicator'))
      list.push(url.searchParams);
  });
  return list;
}

const card = (name: string | RegExp) => screen.getByRole('article', { name });

/** The badge of one assessment in the rank section. */
async function rankBadge(assessment: string): Promise<HTMLElement> {
  const ranks = screen.getByRole('region', { name: /考评排名|Assessment rankings/ });
  await within(ranks).findAllByRole('listitem');
  const item = within(ranks)
    .getAllByRole('listitem')
    .find((li) => within(li).queryByText(assessment));
  if (!item) throw new Error(`no badge for ${assessment}`);
  return item;
}

describe('overview', () => {
  it('shows Haikou in the latest year with six headline cards', async () => {
    renderApp('/');
    const section = await findKpiSection();
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent('海口市 · 2022年');
    expect(within(section).getAllByRole('article')).toHaveLength(6);
    expect(screen.getByRole('combobox', { name: '年份' })).toHaveValue('2022');
    expect(screen.getByRole('combobox', { name: '区' })).toHaveValue('');
    expect(card('新发现吸毒人员')).toHaveTextContent('初步数据');
    expect(screen.getByText('演示数据 / Demo data')).toBeInTheDocument();
  });

  it("shows Longhua's 2019 new users against the 2016 baseline, with arrow and words", async () => {
    renderApp('/?district=460106&year=2019');
    await findKpiSection();
    const newUsers = card('新发现吸毒人员');
    expect(within(newUsers).getByText('10')).toBeInTheDocument();
    expect(within(newUsers).getByText('人')).toBeInTheDocument();
    const vsBaseline = within(newUsers).getByText('较2016年（基线年）').closest('li');
    expect(vsBaseline).toHaveTextContent('▼ 93.4%');
    expect(vsBaseline).toHaveTextContent('向好');
    // Rates change in points: 4.27‰ → 1.27‰ is three per-mille points.
    expect(card('吸毒人员占常住人口比例')).toHaveTextContent('▼ 3.00个千分点');
    expect(card('戒断三年未复吸人员占比')).toHaveTextContent('▲ 18.0个百分点');
  });

  it('updates the cards when another year is chosen, and writes it to the link', async () => {
    const { user } = renderApp('/?district=460106');
    const section = await findKpiSection();
    expect(within(card('新发现吸毒人员')).getByText('5')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: '年份' }), '2019');

    expect(await within(section).findByText('龙华区 · 2019年')).toBeInTheDocument();
    expect(within(card('新发现吸毒人员')).getByText('10')).toBeInTheDocument();
    expect(card('新发现吸毒人员')).toHaveTextContent('较2016年（基线年）');
    expect(new URLSearchParams(window.location.search).get('year')).toBe('2019');
  });

  it('changes region with the district select, from the data already loaded', async () => {
    // A 1.0 server: the app asks for subtrees and cuts what it needs from them.
    server.use(...createHandlers(demoDataset, { revision: '1.0' }));
    const requests = observationRequests();
    const { user } = renderApp('/?year=2019');
    const section = await findKpiSection();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.get('region')).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: '区' }), '龙华区');
    expect(await within(section).findByText('龙华区 · 2019年')).toBeInTheDocument();
    expect(within(card('新发现吸毒人员')).getByText('10')).toBeInTheDocument();
    // The whole city's response already holds Longhua's subtree: no second request.
    expect(requests).toHaveLength(1);
  });

  it('fetches a district again when the data it was cut from must be fetched again', async () => {
    // A 1.0 server: the app asks for subtrees and cuts what it needs from them.
    server.use(...createHandlers(demoDataset, { revision: '1.0' }));
    const requests = observationRequests();
    const { user, client } = renderApp('/?year=2019');
    const section = await findKpiSection();
    // What start-up does to data restored from storage: shown at once, fetched again.
    await client.invalidateQueries({ refetchType: 'none' });
    await user.selectOptions(screen.getByRole('combobox', { name: '区' }), '龙华区');
    expect(await within(section).findByText('龙华区 · 2019年')).toBeInTheDocument();
    expect(within(card('新发现吸毒人员')).getByText('10')).toBeInTheDocument();
    await waitFor(() => expect(requests.map((p) => p.get('region'))).toEqual([null, '460106']));
  });

  it('keeps the same "all" region when a district is chosen, though the city has no figures', async () => {
    const HAIKOU = '460100';
    const observations = demoDataset.observations.filter((o) => o.region !== HAIKOU);
    server.use(...createHandlers({ ...demoDataset, observations }));
    const { user } = renderApp('/?year=2019');
    const section = await findKpiSection();
    // The highest region with figures of its own is on top (the first district, in meta order).
    const all = () =>
      within(screen.getByRole('combobox', { name: '区' })).getAllByRole('option')[0]?.textContent;
    expect(all()).toBe('全部（秀英区）');
    await user.selectOptions(screen.getByRole('combobox', { name: '区' }), '龙华区');
    expect(await within(section).findByText('龙华区 · 2019年')).toBeInTheDocument();
    expect(all()).toBe('全部（秀英区）');
  });

  it("asks only for the chosen district's subtree when a link names it", async () => {
    // A 1.0 server: the app asks for subtrees and cuts what it needs from them.
    server.use(...createHandlers(demoDataset, { revision: '1.0' }));
    const requests = observationRequests();
    const { user } = renderApp('/?district=460106&year=2019');
    await findKpiSection();
    expect(within(card('新发现吸毒人员')).getByText('10')).toBeInTheDocument();
    expect(requests.map((p) => p.get('region'))).toEqual(['460106']);
    expect(requests[0]?.get('indicator')?.split(',')).toHaveLength(6);
    // "All" is the city above it, although its figures were never fetched.
    const district = screen.getByRole('combobox', { name: '区' });
    expect(within(district).getByRole('option', { name: '全部（海口市）' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: '考评排名' }));
    const figures = await screen.findAllByRole('figure');
    // The rankings view takes its defaults from the same request, already cached.
    expect(requests.map((p) => p.get('region'))).toEqual(['460106']);
    // Ranks are not compared with a year: the subtitles name the place and year only.
    for (const f of figures) {
      expect(f).toHaveTextContent('海口市 › 龙华区 · 2019年度');
      expect(f).not.toHaveTextContent(/较\d{4}年/);
    }

    await user.click(screen.getByRole('link', { name: '概览' }));
    const section = await findKpiSection();
    await user.selectOptions(screen.getByRole('combobox', { name: '区' }), '');
    expect(await within(section).findByText('海口市 · 2019年')).toBeInTheDocument();
    expect(requests.map((p) => p.get('region'))).toEqual(['460106', null]);
  });

  it('shows Longhua first in the province in 2019', async () => {
    renderApp('/?district=460106&year=2019');
    await findKpiSection();
    expect(await rankBadge('全省禁毒工作综合考评')).toHaveTextContent('全省第1名（共19个）');
    expect(await rankBadge('全市禁毒工作考评')).toHaveTextContent('全市第1名（共4个）');
  });

  it('marks a shared rank as tied', async () => {
    // Xiuying and Longhua share 2nd of 4 in the city assessment of 2020.
    renderApp('/?district=460106&year=2020');
    await findKpiSection();
    expect(await rankBadge('全市禁毒工作考评')).toHaveTextContent('并列全市第2名');
  });

  it('speaks English with ?lang=en', async () => {
    renderApp('/?lang=en&district=460106&year=2019');
    await findKpiSection();
    expect(screen.getByRole('combobox', { name: 'Year' })).toHaveValue('2019');
    const district = screen.getByRole('combobox', { name: 'District' });
    expect(district).toHaveValue('460106');
    expect(within(district).getByRole('option', { name: 'All (Haikou)' })).toBeInTheDocument();
    const newUsers = card('Newly identified drug users');
    expect(newUsers).toHaveTextContent('vs 2016 (baseline)');
    expect(newUsers).toHaveTextContent('▼ 93.4%');
    expect(newUsers).toHaveTextContent('better');
    expect(within(newUsers).getByText('people')).toBeInTheDocument();
    expect(await rankBadge('Provincial overall drug-control assessment')).toHaveTextContent(
      '1st of 19 in the province',
    );
  });

  it('switches language from the header and keeps the filters', async () => {
    const { user } = renderApp('/?district=460106&year=2019');
    await findKpiSection();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(
      await screen.findByRole('article', { name: 'Newly identified drug users' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Year' })).toHaveValue('2019');
    expect(new URLSearchParams(window.location.search).get('lang')).toBe('en');
  });
});
