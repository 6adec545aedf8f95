/** The map view's tooltip and year play, on the demo data through the whole app. */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, startDemoServer } from '@/test/render-app';

startDemoServer();

const TOWNSHIPS = '新发现吸毒人员：龙华区各镇/街道分布';
const DISTRICTS = '新发现吸毒人员：各区分布';
const year = () => new URLSearchParams(window.location.search).get('year');

describe('map tooltip', () => {
  it('shows the figures on hover or focus, and hides on Esc or when focus leaves the map', async () => {
    const { user } = renderApp('/?view=map&indicator=new-users&district=460106&year=2019');
    const figure = await screen.findByRole('figure', { name: TOWNSHIPS });
    const town = within(figure).getByRole('button', { name: /^城西镇：/ });
    await user.hover(town);
    const tip = within(figure).getByRole('status');
    expect(tip).toHaveTextContent('城西镇');
    // Esc hides it without moving the pointer; the hint to tap stays under the map.
    await user.keyboard('{Escape}');
    expect(tip).toBeEmptyDOMElement();
    expect(within(figure).getByText(/点按地区查看数值/)).toBeInTheDocument();
    // Focus by keyboard shows it again, with the same words a screen reader hears.
    town.focus();
    await waitFor(() =>
      expect(tip).toHaveTextContent(/城西镇\s*\d+人\s*较2016年（基线年） ▼ [\d.]+% 向好\s*第\d+名/),
    );
    await user.click(screen.getByRole('heading', { name: /地图 ·/ }));
    expect(tip).toBeEmptyDOMElement();
  });
});

describe('map caption', () => {
  it('says which year is provisional, not that it is drawn as hollow dots (a map has none)', async () => {
    renderApp('/?view=map&indicator=new-users&year=2022');
    const figure = await screen.findByRole('figure', { name: DISTRICTS });
    await within(figure).findAllByRole('button', { name: /：/ });
    expect(figure).toHaveTextContent('2022年为初步数据');
    expect(figure).not.toHaveTextContent('空心点');
  });
});

describe('map year play and the Back button', () => {
  it('plays without a history entry per year: none when it ends where it began', async () => {
    const { user } = renderApp('/?view=map&indicator=new-users&year=2019');
    await screen.findByRole('figure', { name: DISTRICTS });
    const before = window.history.length;
    await user.click(screen.getByRole('button', { name: /播放年份/ }));
    expect(year()).toBe('2017');
    await waitFor(() => expect(year()).toBe('2018'), { timeout: 3000 });
    expect(window.history.length).toBe(before);
    await waitFor(() => expect(year()).toBe('2019'), { timeout: 3000 });
    await screen.findByRole('button', { name: /播放年份/ });
    expect(window.history.length).toBe(before);
  });

  it('leaves one entry for the year play paused on, and Back returns to where it began', async () => {
    const { user } = renderApp('/?view=map&indicator=new-users&year=2019');
    await screen.findByRole('figure', { name: DISTRICTS });
    const before = window.history.length;
    await user.click(screen.getByRole('button', { name: /播放年份/ }));
    await waitFor(() => expect(year()).toBe('2018'), { timeout: 3000 });
    await user.click(screen.getByRole('button', { name: /暂停/ }));
    expect(year()).toBe('2018');
    expect(window.history.length).toBe(before + 1);
    window.history.back();
    await waitFor(() => expect(year()).toBe('2019'));
    expect(await screen.findByText('2019年度')).toBeInTheDocument();
  });

  it('stops for good when the user goes elsewhere during play, even on coming Back', async () => {
    const { user } = renderApp('/?view=map&indicator=new-users&year=2019');
    const figure = await screen.findByRole('figure', { name: DISTRICTS });
    await user.click(screen.getByRole('button', { name: /播放年份/ }));
    expect(year()).toBe('2017');
    await user.click(within(figure).getByRole('button', { name: /^龙华区：/ }));
    await screen.findByRole('figure', { name: TOWNSHIPS });
    expect(screen.getByRole('button', { name: /播放年份/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    window.history.back();
    await screen.findByRole('figure', { name: DISTRICTS });
    expect(year()).toBe('2017');
    expect(screen.getByRole('button', { name: /播放年份/ })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });
});
