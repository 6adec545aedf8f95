import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderAdmin, startAdminServer } from '@/test/render-admin';

startAdminServer();

const editionsTable = () => screen.findByRole('table', { name: '数据版本（最新在前）' });

describe('editions', () => {
  it('lists editions newest first with who, file, shortened SHA-256 and counts', async () => {
    renderAdmin({ signedIn: true });
    const rows = within(await editionsTable())
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      '#3当前',
      '#2',
      '#1',
    ]);
    const oldest = screen.getByRole('rowheader', { name: '#1' }).closest('tr');
    expect(oldest).toHaveTextContent('（命令行）');
    const sha = within(oldest ?? document.body).getByTitle(/^[0-9a-f]{64}$/);
    expect(sha.textContent).toMatch(/^[0-9a-f]{12}…$/);
    expect(rows[0]).toHaveTextContent('+3 ~2 −0');
    // The current edition and the one without a snapshot cannot be rolled back to.
    expect(screen.queryByRole('button', { name: '回退到版本 #3' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '回退到版本 #1' })).not.toBeInTheDocument();
    // Relative to the page, like every admin call: the area works under any sub-path.
    const href = (name: string) => screen.getByRole('link', { name }).getAttribute('href');
    expect(href('下载版本 #2 的数据（Excel）')).toBe(
      `${location.origin}/admin/api/editions/2/workbook`,
    );
    expect(href('下载当前数据（Excel）')).toBe(
      `${location.origin}/admin/api/editions/current/workbook`,
    );
    expect(screen.getByRole('link', { name: '下载空白模板（Excel）' })).toHaveAttribute(
      'href',
      './templates/jindu-data-template.xlsx',
    );
  });

  it('compares any two editions with the same diff view', async () => {
    const { user, state } = renderAdmin({ signedIn: true });
    await editionsTable();
    const compare = screen.getByRole('button', { name: '比较所选版本' });
    expect(compare).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: '选择版本 #3 进行比较' }));
    await user.click(screen.getByRole('checkbox', { name: '选择版本 #1 进行比较' }));
    await user.click(compare);
    expect(await screen.findByRole('heading', { name: '版本 #1 → #3' })).toBeInTheDocument();
    expect(state.log.at(-1)?.path).toBe('/admin/api/editions/compare?from=1&to=3');
    const cells = await screen.findByRole('table', { name: '破获毒品刑事案件 · 龙华区 的变化' });
    expect(within(cells).getByRole('row', { name: /2024/ })).toHaveTextContent('120→ 135');
  });

  it('asks before a rollback: Cancel writes nothing and gives focus back; Confirm writes a new edition', async () => {
    const { user, state } = renderAdmin({ signedIn: true });
    await editionsTable();
    const button = screen.getByRole('button', { name: '回退到版本 #2' });
    await user.click(button);
    const dialog = screen.getByRole('alertdialog', { name: '回退到版本 #2？' });
    expect(dialog).toHaveAccessibleDescription(/已有版本都会保留/);
    const cancel = within(dialog).getByRole('button', { name: '取消' });
    expect(cancel).toHaveFocus();
    // Tab stays inside the dialog.
    await user.tab();
    expect(within(dialog).getByRole('button', { name: '确认回退' })).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.click(cancel);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(state.log.some((r) => r.path.includes('rollback'))).toBe(false);

    await user.click(button);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await user.click(button);
    await user.click(screen.getByRole('button', { name: '确认回退' }));
    expect(await screen.findByText('已回退：新版本 #4 的数据等于版本 #2。')).toHaveAttribute(
      'role',
      'status',
    );
    expect(state.log.find((r) => r.path.includes('rollback'))).toEqual({
      method: 'POST',
      path: '/admin/api/editions/2/rollback',
      csrf: true,
    });
    const newest = await screen.findByRole('rowheader', { name: /#4/ });
    expect(newest).toHaveTextContent('回退自 #2');
  });

  it('shows a malformed editions answer as a message with a retry', async () => {
    renderAdmin({ signedIn: true }, undefined, [
      http.get('*/admin/api/editions', () => HttpResponse.json({ editions: [{ id: 'one' }] })),
    ]);
    const alert = await screen.findByText(/数据服务的回答格式不对（editions: editions\.0\.id）/);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
  });
});

describe('audit log', () => {
  it('shows the newest entries in words and loads earlier ones page by page', async () => {
    const { user, state } = renderAdmin({ signedIn: true });
    const table = await screen.findByRole('table', { name: '操作日志（最新在前）' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    const first = within(table).getAllByRole('row')[1];
    expect(first).toHaveTextContent(/clerk登录10\.0\.0\.7$/);
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('登录失败');
    expect(within(table).getAllByRole('row')[5]).toHaveTextContent(
      '文件 entry-116.xlsx · 结果：已预览',
    );
    await user.click(screen.getByRole('button', { name: '加载更早的记录' }));
    expect(await within(table).findAllByRole('row')).toHaveLength(101);
    expect(state.log.at(-1)?.path).toBe('/admin/api/audit?limit=50&before=71');
    await user.click(screen.getByRole('button', { name: '加载更早的记录' }));
    expect(await screen.findByText('已是最早的记录。')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(121);
    expect(screen.queryByRole('button', { name: '加载更早的记录' })).not.toBeInTheDocument();
  });
});
