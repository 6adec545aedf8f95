/**
 * A cold wall link (`screen=wall`): start-up asks for what the wall reads — the cards' data and
 * the map's lead indicator at once, then the warnings' table data — and not the overview's rank
 * badges' rankings, which the wall does not show. The wall then asks for nothing more.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '@/app/app';
import { createQueryClient, Providers } from '@/app/providers';
import { metaOptions } from '@/features/data/queries';
import { demoConfig, recordDataRequests, startDemoServer } from '@/test/render-app';
import { prestartViewData } from './prestart';

startDemoServer();

const seen = recordDataRequests();

describe('start-up of a cold wall link', () => {
  it.each(['/?screen=wall&cycle=600', '/?screen=wall&district=460106&year=2022&cycle=600'])(
    '%s: what the wall reads, no rankings, and the wall asks for nothing more',
    async (url) => {
      window.history.replaceState(null, '', url);
      const client = createQueryClient(false);
      const meta = (await client.query(metaOptions(demoConfig))).data;
      await prestartViewData(client, demoConfig, meta, window.location.search);
      const atStart = [...seen];
      expect(atStart.filter((u) => u.startsWith('observations'))).toHaveLength(3);
      expect(atStart.filter((u) => u.startsWith('rankings'))).toEqual([]);

      render(
        <Providers config={demoConfig} client={client}>
          <App config={demoConfig} />
        </Providers>,
      );
      const cards = await screen.findByRole('region', { name: /·/ }, { timeout: 3000 });
      await within(cards).findAllByRole('article');
      const warnings = await screen.findByRole('region', { name: /需关注/ });
      await within(warnings).findAllByRole('listitem');
      await screen.findByRole('region', { name: /排名/ });
      expect(seen).toEqual(atStart);
    },
  );
});
