import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, startAdminServer } from '@/test/render-admin';
import { hasAdminArea } from './area';

startAdminServer();

const answer = (response: () => Response) => server.use(http.get('*/admin/api/session', response));

describe('hasAdminArea', () => {
  it('is true when the session check answers JSON, signed in or not', async () => {
    answer(() => HttpResponse.json({ user: { name: 'clerk' }, csrfToken: 'x', expiresAt: '' }));
    expect(await hasAdminArea()).toBe(true);
    answer(() => HttpResponse.json({ error: { code: 'signed-out' } }, { status: 401 }));
    expect(await hasAdminArea()).toBe(true);
  });

  it('is false on a static or demo host: 404, or its index.html', async () => {
    answer(() => new HttpResponse('not found', { status: 404 }));
    expect(await hasAdminArea()).toBe(false);
    answer(() => HttpResponse.html('<!doctype html><div id="root"></div>'));
    expect(await hasAdminArea()).toBe(false);
    answer(() => HttpResponse.error());
    expect(await hasAdminArea()).toBe(false);
  });
});
