import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActionMenu } from './action-menu';

const menu = (name: string, run: () => Promise<string>) => (
  <ActionMenu
    label={`导出${name}`}
    name={`导出“${name}”`}
    actions={[
      { id: 'csv', label: 'CSV', run },
      { id: 'xlsx', label: 'Excel', run },
    ]}
    working="正在生成…"
    failed={(message) => `导出失败：${message}`}
  />
);

describe('the action menu (every export menu)', () => {
  it('runs an action and shows what it did; a failure says why', async () => {
    const user = userEvent.setup();
    let fail = false;
    render(
      menu('表', () =>
        fail ? Promise.reject(new Error('磁盘已满')) : Promise.resolve('已导出：表.csv'),
      ),
    );
    await user.click(screen.getByRole('button', { name: '导出“表”' }));
    const panel = screen.getByRole('group', { name: '导出“表”' });
    await user.click(screen.getByRole('button', { name: 'CSV' }));
    expect(await screen.findByText('已导出：表.csv')).toBeTruthy();
    fail = true;
    await user.click(screen.getByRole('button', { name: 'Excel' }));
    expect(await screen.findByText('导出失败：磁盘已满')).toBeTruthy();
    expect(panel.hidden).toBe(false);
  });

  it('keeps one menu open at a time, and Esc closes it', async () => {
    const user = userEvent.setup();
    const done = () => Promise.resolve('ok');
    render(
      <>
        {menu('甲', done)}
        {menu('乙', done)}
      </>,
    );
    await user.click(screen.getByRole('button', { name: '导出“甲”' }));
    expect(screen.queryByRole('group', { name: '导出“甲”' })).not.toBeNull();
    await user.click(screen.getByRole('button', { name: '导出“乙”' }));
    expect(screen.queryByRole('group', { name: '导出“甲”' })).toBeNull();
    expect(screen.queryByRole('group', { name: '导出“乙”' })).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: '导出“乙”' })).toBeNull();
  });
});
