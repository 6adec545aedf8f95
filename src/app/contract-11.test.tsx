/**
 * Contract 1.1 from the user's side: a server that lists capabilities gets asked for exactly
 * what a view shows, with the same figures as a 1.0 server; an expired login keeps the data on
 * screen and says how to sign in; a new edition is followed, never mixed.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createHandlers, endpointPath, jsonResponse } from '@mocks/handlers';
import { respond } from '@contract/filter';
import type { Endpoint } from '@contract/query';
import { asVersion10 } from '@contract/version-10';
import type { WireDataset } from '@contract/wire-types';
import { resolveConfig } from '@/features/data/config';
import { demoDataset } from '@/test/fixtures';
import { findKpiSection, renderApp, server, startDemoServer } from '@/test/render-app';

startDemoServer();

const v11: WireDataset = {
  ...demoDataset,
  meta: {
    ...demoDataset.meta,
    capabilities: ['region-list', 'depth', 'level', 'rankings-region'],
    dataVersion: 'ed-1',
  },
};
const v10 = asVersion10(v11);

/** Serve `dataset` and keep the query string of every request, per endpoint. */
function serve(dataset: WireDataset) {
  const asked: Record<Endpoint, string[]> = { meta: [], observations: [], rankings: [] };
  server.use(
    ...(['meta', 'observations', 'rankings'] as const).map((endpoint) =>
      http.get(endpointPath(endpoint), ({ request }) => {
        const url = new URL(request.url);
        asked[endpoint].push(decodeURIComponent(url.search));
        const result = respond(dataset, endpoint, url.searchParams);
        return jsonResponse(result.body, result.status);
      }),
    ),
  );
  return asked;
}

const card = (name: string) => screen.findByRole('article', { name });

/** A card's text apart from its campaign total, which needs 1.1's `aggregation`. */
function withoutTotal(article: HTMLElement): string {
  const copy = article.cloneNode(true) as HTMLElement;
  copy.querySelector('.kpi-card__total')?.remove();
  return copy.textContent;
}

describe('a 1.1 server', () => {
  it("asks for the district's own figures, with the same cards as from a 1.0 server", async () => {
    const texts: string[] = [];
    for (const dataset of [v11, v10]) {
      const asked = serve(dataset);
      const { unmount } = renderApp('/?district=460106&year=2019');
      await findKpiSection();
      texts.push(withoutTotal(await card('新发现吸毒人员')));
      const cards = asked.observations.find((q) => q.includes('new-users'));
      if (dataset === v11) {
        await screen.findByRole('table', { name: /指标完成情况表/ });
        expect(cards).toMatch(/region=460106&depth=0/);
        // The table: Longhua's parent and its children (the peers), not every township.
        expect(asked.observations.some((q) => /region=460100&depth=1/.test(q))).toBe(true);
        expect(asked.rankings.every((q) => q.includes('region=') && q.includes('460106'))).toBe(
          true,
        );
      } else {
        expect(asked.observations.every((q) => !q.includes('depth'))).toBe(true);
        expect(asked.rankings.every((q) => !q.includes('region='))).toBe(true);
      }
      unmount();
      server.resetHandlers();
    }
    expect(texts[0]).toBe(texts[1]);
    expect(texts[0]).toContain('10');
  });

  it('shows a flow’s campaign total only when the server says it is a flow', async () => {
    serve(v11);
    const { unmount } = renderApp('/?district=460106&year=2019');
    expect(await card('新发现吸毒人员')).toHaveTextContent('2017–2019年合计 147人');
    unmount();
    server.resetHandlers();
    serve(v10);
    renderApp('/?district=460106&year=2019');
    expect(await card('新发现吸毒人员')).not.toHaveTextContent('合计');
  });

  it("asks a city's overview for the city and its districts only", async () => {
    const texts: string[] = [];
    for (const dataset of [v11, v10]) {
      const asked = serve(dataset);
      const { unmount } = renderApp('/');
      await findKpiSection();
      texts.push(screen.getAllByRole('article').map(withoutTotal).join('|'));
      const cards = asked.observations.find((q) => q.includes('new-users')) ?? '';
      expect(cards.includes('region=460100&depth=1')).toBe(dataset === v11);
      unmount();
      server.resetHandlers();
    }
    expect(texts[0]).toBe(texts[1]);
  });

  it('asks the trends view for the city, its districts and the chosen district’s townships', async () => {
    const asked = serve(v11);
    renderApp('/?view=trends&indicator=new-users&district=460106');
    const towns = await screen.findByRole('figure', {
      name: '新发现吸毒人员：龙华区各镇/街道对比',
    });
    expect(towns).toBeInTheDocument();
    expect(asked.observations).toContain('?indicator=new-users&region=460100,460106&depth=1');
  });
});

describe('an expired login', () => {
  it('keeps the figures, links to the sign-in page and asks again when the user is back', async () => {
    serve(v11);
    const config = {
      ...resolveConfig(null, undefined),
      loginUrl: 'https://sso.example.gov.cn/login',
    };
    const { client } = renderApp('/?district=460106&year=2019', config);
    await findKpiSection();
    // The service starts answering 401 to everything.
    server.use(
      http.get(endpointPath('observations'), () =>
        jsonResponse({ error: { code: 'unauthorized', message: 'session expired' } }, 401),
      ),
    );
    await client.invalidateQueries({ queryKey: ['data'] });
    const notice = (await screen.findByText('登录已过期')).closest('[role=alert]');
    if (!(notice instanceof HTMLElement)) throw new Error('no sign-in notice');
    expect(within(notice).getByRole('link', { name: '重新登录' })).toHaveAttribute(
      'href',
      'https://sso.example.gov.cn/login',
    );
    expect(await card('新发现吸毒人员')).toHaveTextContent('10');

    server.resetHandlers();
    serve(v11);
    fireEvent.focus(window);
    await screen.findByRole('article', { name: '新发现吸毒人员' });
    await expect.poll(() => screen.queryByText('登录已过期')).toBeNull();
  });

  it('says plainly to sign in again when the deployment names no sign-in page', async () => {
    server.use(
      http.get(endpointPath('meta'), () =>
        jsonResponse({ error: { code: 'unauthorized', message: 'x' } }, 401),
      ),
      ...createHandlers(v11),
    );
    renderApp('/');
    expect(await screen.findByText('请重新登录后回到本页。')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '重新登录' })).not.toBeInTheDocument();
  });
});

describe('a new edition while the page is open', () => {
  it('fetches meta again and shows the new figures, not a mix', async () => {
    const next: WireDataset = {
      ...v11,
      meta: { ...v11.meta, dataVersion: 'ed-2' },
      observations: v11.observations.map((o) =>
        o.indicator === 'new-users' && o.region === '460106' && o.year === 2019
          ? { ...o, value: 12 }
          : o,
      ),
    };
    let metaAnswers = 0;
    server.use(
      http.get(endpointPath('meta'), () => {
        metaAnswers++;
        // The first meta is the old edition; the data (and meta asked again) the new one.
        return jsonResponse(metaAnswers === 1 ? v11.meta : next.meta);
      }),
      http.get(endpointPath('observations'), ({ request }) =>
        jsonResponse(respond(next, 'observations', new URL(request.url).searchParams).body),
      ),
      http.get(endpointPath('rankings'), ({ request }) =>
        jsonResponse(respond(next, 'rankings', new URL(request.url).searchParams).body),
      ),
    );
    renderApp('/?district=460106&year=2019');
    await expect.poll(async () => (await card('新发现吸毒人员')).textContent).toContain('12');
    expect(metaAnswers).toBe(2);
    expect(screen.queryByText('页面上的数据来自两个数据版本。')).not.toBeInTheDocument();
  });
});
