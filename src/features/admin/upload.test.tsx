import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MOCK_USER, renderAdmin, startAdminServer } from '@/test/render-admin';

startAdminServer();

const workbook = (name: string) => new File(['PK\u0003\u0004 not really a workbook'], name);

async function choose(user: ReturnType<typeof renderAdmin>['user'], name: string) {
  await user.upload(await screen.findByLabelText('数据文件（.xlsx 或 .csv）'), workbook(name));
  await user.click(screen.getByRole('button', { name: '检查并预览' }));
}

describe('uploading a workbook', () => {
  it('shows the diff with old → new, confirms exactly that upload, and says the new edition', async () => {
    const { user, state } = renderAdmin({ signedIn: true });
    await choose(user, 'longhua-2026.xlsx');
    expect(
      await screen.findByRole('heading', { name: '预览：longhua-2026.xlsx' }),
    ).toBeInTheDocument();
    const totals = screen.getByRole('table', { name: '变化汇总' });
    expect(within(totals).getByRole('row', { name: /数值/ })).toHaveTextContent('+1~2−1');
    const cells = screen.getByRole('table', { name: '破获毒品刑事案件 · 龙华区 的变化' });
    const changed = within(cells).getByRole('row', { name: /2024/ });
    expect(changed).toHaveTextContent('修改');
    expect(
      within(changed)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['修改', '120', '→ 135']);
    expect(within(cells).getByRole('row', { name: /2025/ })).toHaveTextContent('98（初步）');
    // Changed description fields by their names, not the wire's keys.
    expect(screen.getByText('说明信息变化：数据截止日期')).toBeInTheDocument();
    // Only the dimensions that changed, by their Chinese names.
    const dimensions = screen.getByRole('list', { name: '地区、指标等的变化' });
    expect(
      within(dimensions)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['地区：修改 meilan']);
    const meilan = screen.getByRole('table', { name: '破获毒品刑事案件 · 美兰区 的变化' });
    expect(within(meilan).getByRole('row', { name: /2023/ })).toHaveTextContent('41→ —（保密）');

    await user.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText('已导入，新版本为 #4。')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('link', { name: '查看数据看板' })).toHaveAttribute('href', './');
    const writes = state.log.filter((r) => r.method === 'POST');
    expect(writes.map((r) => r.path.replace(/up-[^/]+/, 'ID'))).toEqual([
      '/admin/api/uploads?file=longhua-2026.xlsx',
      '/admin/api/uploads/ID/confirm',
    ]);
    expect(writes.every((r) => r.csrf)).toBe(true);
    // The editions list learns of the new edition.
    expect(await screen.findByRole('rowheader', { name: /#4/ })).toBeInTheDocument();
  });

  it('sends the as-of date and filters the groups by indicator or region', async () => {
    const { user, state } = renderAdmin({ signedIn: true });
    await user.upload(await screen.findByLabelText('数据文件（.xlsx 或 .csv）'), workbook('a.csv'));
    await user.type(screen.getByLabelText('数据截止日期（可选）'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: '检查并预览' }));
    await screen.findByRole('heading', { name: '预览：a.csv' });
    expect(state.log.at(-1)?.path).toBe('/admin/api/uploads?file=a.csv&asOf=2026-11-30');
    await user.type(screen.getByLabelText('筛选指标或地区'), '美兰');
    expect(await screen.findByText('显示 1 / 3 组')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /龙华区 的变化/ })).not.toBeInTheDocument();
    // Groups fold away and open again.
    const group = screen.getByRole('button', { name: /美兰区/ });
    await user.click(group);
    expect(group).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table', { name: /美兰区 的变化/ })).not.toBeInTheDocument();
  });

  it("lists a bad file's problems in the page's language, with no confirm button", async () => {
    const { user } = renderAdmin({ signedIn: true }, '/?page=data&lang=en');
    await user.upload(
      await screen.findByLabelText('Data file (.xlsx or .csv)'),
      workbook('bad.xlsx'),
    );
    await user.click(screen.getByRole('button', { name: 'Check and preview' }));
    expect(
      await screen.findByRole('heading', {
        name: 'The file has 2 problem(s); nothing was written',
      }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Problems in bad.xlsx' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first?.textContent).toBe('数据7E"十二" is not a number');
    expect(second).toHaveTextContent('地区——The column "上级地区" is missing');
    expect(screen.queryByRole('button', { name: 'Confirm import' })).not.toBeInTheDocument();
  });

  it('says a file equal to the current edition needs no import', async () => {
    const { user } = renderAdmin({ signedIn: true });
    await choose(user, 'same.xlsx');
    expect(
      await screen.findByText('文件 same.xlsx 的数据与当前版本 #3 相同，无需导入。'),
    ).toBeInTheDocument();
  });

  it('explains a file over the size cap with the limit', async () => {
    const { user } = renderAdmin({ signedIn: true });
    await choose(user, 'huge.xlsx');
    expect(await screen.findByRole('alert')).toHaveTextContent('文件超过 20 MB 上限。');
  });

  it('says another edition landed since the preview, and previews again', async () => {
    const { user, state } = renderAdmin({ signedIn: true, moveNext: true });
    await choose(user, 'longhua-2026.xlsx');
    await user.click(await screen.findByRole('button', { name: '确认导入' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '预览之后已有新版本写入，请重新预览。',
    );
    expect(screen.queryByRole('button', { name: '确认导入' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '重新预览' }));
    expect(await screen.findByText('与当前版本 #4 比较', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText('已导入，新版本为 #5。')).toBeInTheDocument();
    expect(
      state.log.filter((r) => r.path === '/admin/api/uploads?file=longhua-2026.xlsx'),
    ).toHaveLength(2);
  });

  it('says when the diff lists only part of the changes', async () => {
    const { user } = renderAdmin({ signedIn: true });
    await choose(user, 'many.xlsx');
    expect(await screen.findByRole('note')).toHaveTextContent(
      '变化过多，只列出前 5 项；上面的汇总数字是完整的。',
    );
  });

  it('explains a busy lock at confirm and lets the keeper try again', async () => {
    const { user } = renderAdmin({ signedIn: true, busyNext: true });
    await choose(user, 'longhua-2026.xlsx');
    await user.click(await screen.findByRole('button', { name: '确认导入' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('另一项导入正在进行');
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('已导入，新版本为 #4。')).toBeInTheDocument();
  });

  it('cancels a preview: nothing written, back to the file form', async () => {
    const { user, state } = renderAdmin({ signedIn: true });
    await choose(user, 'longhua-2026.xlsx');
    await user.click(await screen.findByRole('button', { name: '取消' }));
    expect(await screen.findByText('已取消，未写入任何数据。')).toBeInTheDocument();
    expect(state.log.some((r) => r.path.endsWith('/cancel'))).toBe(true);
    expect(state.editions[0]?.id).toBe(3);
  });

  it('sends an expired session back to sign-in, saying so, and keeps the chosen file', async () => {
    const { user, state } = renderAdmin({ signedIn: true });
    await screen.findByText('已登录：clerk');
    state.expireNext = true;
    await choose(user, 'longhua-2026.xlsx');
    expect(await screen.findByText('登录已过期，请重新登录。')).toHaveAttribute('role', 'status');
    expect(
      screen.getByText('已选文件 longhua-2026.xlsx 尚未上传；登录后可继续。'),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('用户名'), MOCK_USER.name);
    await user.type(screen.getByLabelText('密码'), MOCK_USER.password);
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText(/^已选：longhua-2026\.xlsx（\d+ B）$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '检查并预览' }));
    expect(
      await screen.findByRole('heading', { name: '预览：longhua-2026.xlsx' }),
    ).toBeInTheDocument();
  });

  it('shows a malformed upload answer as a message, not a crash', async () => {
    const { user } = renderAdmin({ signedIn: true }, undefined, [
      http.post('*/admin/api/uploads', () => HttpResponse.json({ status: 'preview', upload: {} })),
    ]);
    await choose(user, 'longhua-2026.xlsx');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /数据服务的回答格式不对（uploads\?file=longhua-2026\.xlsx: upload/,
    );
  });
});
