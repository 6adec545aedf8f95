import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { translator } from '@/lib/i18n';
import { viewLoaders } from './view-loaders';
import { ViewTabs } from './view-tabs';

describe('view tabs', () => {
  it('start loading a view when the pointer or keyboard focus reaches its tab', () => {
    // The loaders are what React.lazy imports the views with; spied on, nothing is loaded here.
    const loaded: string[] = [];
    const load = <T,>(view: string) => {
      loaded.push(view);
      return new Promise<T>(() => undefined);
    };
    vi.spyOn(viewLoaders, 'trends').mockImplementation(() => load('trends'));
    vi.spyOn(viewLoaders, 'programmes').mockImplementation(() => load('programmes'));
    vi.spyOn(viewLoaders, 'rankings').mockImplementation(() => load('rankings'));
    render(
      <Router>
        <ViewTabs current="overview" t={translator('zh')} />
      </Router>,
    );
    fireEvent.pointerEnter(screen.getByRole('link', { name: '趋势' }));
    fireEvent.focus(screen.getByRole('link', { name: '考评排名' }));
    expect(loaded).toEqual(['trends', 'rankings']);
  });
});
