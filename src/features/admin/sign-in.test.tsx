import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MOCK_USER, renderAdmin, server, startAdminServer } from '@/test/render-admin';

startAdminServer();

async function signIn(user: ReturnType<typeof renderAdmin>['user'], password = MOCK_USER.password) {
  await user.type(await screen.findByLabelText('用户名'), MOCK_USER.name);
  await user.type(screen.getByLabelText('密码'), password);
  await user.click(screen.getByRole('button', { name: '登录' }));
}

describe('signing in', () => {
  it('signs in with the right password and shows the user, sign-out and the way back', async () => {
    const { user } = renderAdmin();
    expect(await screen.findByRole('heading', { level: 2, name: '登录' })).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('密码')).toHaveAttribute('autocomplete', 'current-password');
    await signIn(user);
    expect(await screen.findByText('已登录：clerk')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回数据看板' })).toHaveAttribute('href', './');
    expect(screen.getByRole('heading', { level: 2, name: '上传数据文件' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByText('已退出登录。')).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toBeInTheDocument();
  });

  it('switches language the way the dashboard does (?lang=en)', async () => {
    const { user } = renderAdmin();
    await user.click(await screen.findByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Sign in' })).toBeInTheDocument();
    expect(location.search).toBe('?page=data&lang=en');
    expect(screen.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute(
      'href',
      './?lang=en',
    );
  });

  it("shows the server's message for a wrong password, in the page's language", async () => {
    const { user } = renderAdmin({}, '/?page=data&lang=en');
    await user.type(await screen.findByLabelText('User name'), MOCK_USER.name);
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong user name or password.');
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
  });

  it('says for how many minutes a locked account stays locked', async () => {
    const { user } = renderAdmin({ lockedFor: 14 * 60 + 5 });
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('约 15 分钟后再试');
  });

  it('says too many attempts from this address (429) with the server words', async () => {
    const { user } = renderAdmin();
    server.use(
      http.post('*/admin/api/sign-in', () =>
        HttpResponse.json(
          {
            error: {
              code: 'too-many-attempts',
              message: { zh: '尝试次数过多。', en: 'Too many attempts.' },
            },
          },
          { status: 429 },
        ),
      ),
    );
    await signIn(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('尝试次数过多。');
  });

  it('says so when the deployment has no data area (static or demo: 404)', async () => {
    renderAdmin({}, undefined, [
      http.get('*/admin/api/session', () => new HttpResponse('<!doctype html>', { status: 404 })),
    ]);
    expect(await screen.findByRole('alert')).toHaveTextContent('此部署没有数据管理功能');
  });

  it('shows a clear message, not a crash, for a malformed session answer', async () => {
    renderAdmin({}, undefined, [
      http.get('*/admin/api/session', () => HttpResponse.json({ user: 'clerk' })),
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('数据服务的回答格式不对');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument();
  });
});
