/**
 * A cold overview link: start-up asks for the cards' data, then at once for the warnings line's
 * and the rank badges' (which need the year and region that answer settles). The view then reads
 * all three from the cache and asks for nothing more — no request twice, none for a region the
 * data had not yet chosen.
 */
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  findKpiSection,
  server,
  recordDataRequests,
  startDemoServer,
  startUp,
} from '@/test/render-app';

startDemoServer();

const seen = recordDataRequests();

describe('start-up of a cold overview link', () => {
  it.each(['/', '/?district=460106', '/?year=2019&compare=2016'])(
    '%s: the view asks for nothing the start-up did not',
    async (url) => {
      const { draw } = await startUp(url);
      const atStart = [...seen];
      // cards, then the warnings' table data and the rank badges
      expect(atStart.filter((u) => u.startsWith('observations'))).toHaveLength(2);
      expect(atStart.filter((u) => u.startsWith('rankings'))).toHaveLength(1);

      draw();
      await findKpiSection();
      const table = await screen.findByRole('region', { name: /指标完成情况表/ });
      await within(table).findByRole('table');
      const ranks = screen.getByRole('region', { name: /考评排名/ });
      await within(ranks).findAllByRole('listitem');
      expect(seen).toEqual(atStart);
    },
  );

  it('a refusal received at start-up is shown by the view, not asked for again', async () => {
    server.use(
      http.get('*/rankings', () =>
        HttpResponse.json(
          { error: { code: 'not-found', message: 'no rankings here' } },
          { status: 404 },
        ),
      ),
    );
    const { draw } = await startUp('/', { retry: true });
    expect(seen.filter((u) => u.startsWith('rankings'))).toHaveLength(1);
    draw();
    const ranks = await screen.findByRole('region', { name: /考评排名/ });
    await within(ranks).findByRole('alert');
    expect(seen.filter((u) => u.startsWith('rankings'))).toHaveLength(1);
  });
});
