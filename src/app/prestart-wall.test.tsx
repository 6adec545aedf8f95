/**
 * A cold wall link (`screen=wall`): start-up asks for what the wall reads — the cards' data and
 * the map's lead indicator at once, then the warnings' table data — and not the overview's rank
 * badges' rankings, which the wall does not show. The wall then asks for nothing more.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { recordDataRequests, startDemoServer, startUp } from '@/test/render-app';

startDemoServer();

const seen = recordDataRequests();

describe('start-up of a cold wall link', () => {
  it.each(['/?screen=wall&cycle=600', '/?screen=wall&district=460106&year=2022&cycle=600'])(
    '%s: what the wall reads, no rankings, and the wall asks for nothing more',
    async (url) => {
      const { draw } = await startUp(url);
      const atStart = [...seen];
      expect(atStart.filter((u) => u.startsWith('observations'))).toHaveLength(3);
      expect(atStart.filter((u) => u.startsWith('rankings'))).toEqual([]);

      draw();
      const cards = await screen.findByRole('region', { name: /·/ }, { timeout: 3000 });
      await within(cards).findAllByRole('article');
      const warnings = await screen.findByRole('region', { name: /需关注/ });
      await within(warnings).findAllByRole('listitem');
      await screen.findByRole('region', { name: /排名/ });
      expect(seen).toEqual(atStart);
    },
  );
});
