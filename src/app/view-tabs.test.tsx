import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { translator } from '@/lib/i18n';
import { ViewTabs } from './view-tabs';

const prefetchView = vi.hoisted(() => vi.fn());
vi.mock('./view-loaders', () => ({ prefetchView }));

describe('view tabs', () => {
  it('start loading a view when the pointer or keyboard focus reaches its tab', () => {
    render(
      <Router>
        <ViewTabs current="overview" t={translator('zh')} />
      </Router>,
    );
    fireEvent.pointerEnter(screen.getByRole('link', { name: '趋势' }));
    fireEvent.focus(screen.getByRole('link', { name: '考评排名' }));
    expect(prefetchView.mock.calls).toEqual([['trends'], ['rankings']]);
  });
});
