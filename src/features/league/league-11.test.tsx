import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { config11, serve11 } from '@/test/dataset-11';
import { renderApp, startDemoServer } from '@/test/render-app';

startDemoServer();

describe('league with contract 1.1 data', () => {
  it('leaves out a township that did not exist in the year, and says why a figure is missing', async () => {
    serve11();
    const { user } = renderApp('/?view=league&indicator=new-users&district=d&year=2018', config11);
    const figure = await screen.findByRole('figure', { name: /甲区各镇\/街道红黑榜/ });
    const ids = [...figure.querySelectorAll('svg[role="img"] g.bar-row')].map((g) =>
      g.getAttribute('data-region'),
    );
    // West Town was merged away after 2017.
    expect(ids.sort()).toEqual(['t1', 't3']);
    expect(figure).toHaveTextContent('保密');
    expect(figure).toHaveTextContent('“—（保密）”：数据涉密，不予公开');
    expect(figure).not.toHaveTextContent('“无数据”');
    // The summary names the kind of missing rather than "1个无数据".
    expect(figure).toHaveTextContent('1个保密');
    expect(figure).not.toHaveTextContent('个无数据');
    await user.click(within(figure).getByRole('button', { name: '显示表格' }));
    const table = within(figure).getByRole('table');
    expect(within(table).getByRole('row', { name: /东镇/ })).toHaveTextContent('保密');
  });
});
