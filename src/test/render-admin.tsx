import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HttpHandler } from 'msw';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '@mocks/node';
import { adminHandlers, adminMockState } from '@mocks/admin/handlers';
import type { AdminMockState } from '@mocks/admin/handlers';
import { AdminPage, createAdminClient } from '@/features/admin/admin-page';

export { MOCK_USER } from '@mocks/admin/handlers';
export { server };

/** The admin page's dom tests (src/features/admin): the stand-in admin API (mocks/admin). */

/** The shared msw server for this file; every request must be answered by a handler. */
export function startAdminServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

/** The admin page at `?page=data` against a fresh stand-in of the admin API. */
export function renderAdmin(
  patch: Partial<AdminMockState> = {},
  url = '/?page=data',
  /** Answers that take precedence over the stand-in's (a malformed one, a 404, …). */
  overrides: HttpHandler[] = [],
) {
  const state = adminMockState(patch);
  server.use(...overrides, ...adminHandlers(state));
  window.history.replaceState(null, '', url);
  const user = userEvent.setup();
  const result = render(<AdminPage client={createAdminClient()} />);
  return { state, user, ...result };
}
