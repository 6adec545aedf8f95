import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '@/features/data/config';
import { renderApp, startDemoServer } from '@/test/render-app';

startDemoServer();

describe('the header', () => {
  it('links the data-keeper page when the deployment names one, in the reader’s language', async () => {
    const config = resolveConfig(JSON.stringify({ dataAdminUrl: './?page=data' }), undefined);
    const { user } = renderApp('/', config);
    expect(await screen.findByRole('link', { name: '数据管理' })).toHaveAttribute(
      'href',
      './?page=data',
    );
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('link', { name: 'Data' })).toHaveAttribute(
      'href',
      './?page=data&lang=en',
    );
  });

  it('has no such link where there is none (a static or demo deployment)', async () => {
    renderApp('/');
    await screen.findByRole('button', { name: 'English' });
    expect(screen.queryByRole('link', { name: '数据管理' })).not.toBeInTheDocument();
  });
});
