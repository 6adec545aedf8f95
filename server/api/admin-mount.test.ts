// @vitest-environment node
/**
 * The service mounts the data-keeper area (issue 14) at /admin/api only when asked: its routes
 * answer JSON (never the dashboard's HTML), config.json points the dashboard's header at the
 * page, and a read-only service has neither. A signed-in keeper's import through the mounted
 * routes changes what the read API serves (the whole path is in e2e/admin.e2e.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { templateBytes } from '@contract/workbook/write-template';
import { demoDataset } from '@mocks/demo/dataset';
import { addAccount } from '../admin/auth/accounts';
import { createService } from './app';
import { freshDatabase } from '../test/databases';
import type { TestDatabase } from '../test/databases';

let open: TestDatabase | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const ORIGIN = 'http://127.0.0.1:9';

describe('the data-keeper area on the service', () => {
  it('answers JSON under /admin/api and names its page in config.json', async () => {
    open = await freshDatabase('sqlite');
    const app = createService({ db: open.db, admin: { editions: { isolated: false } } });
    const session = await app.request(`${ORIGIN}/admin/api/session`);
    expect(session.status).toBe(401);
    expect(((await session.json()) as { error: { code: string } }).error.code).toBe('signed-out');
    const unknown = await app.request(`${ORIGIN}/admin/api/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/json/);
    const config = (await (await app.request(`${ORIGIN}/config.json`)).json()) as Record<
      string,
      unknown
    >;
    expect(config.dataAdminUrl).toBe('./?page=data');
  });

  it('leaves the area out of a read-only service', async () => {
    open = await freshDatabase('sqlite');
    const app = createService({ db: open.db });
    expect((await app.request(`${ORIGIN}/admin/api/session`)).status).toBe(404);
    const config = (await (await app.request(`${ORIGIN}/config.json`)).json()) as Record<
      string,
      unknown
    >;
    expect(config.dataAdminUrl).toBeUndefined();
  });

  it('lets a signed-in keeper import a workbook that the read API then serves', async () => {
    open = await freshDatabase('sqlite');
    const app = createService({ db: open.db, admin: { editions: { isolated: false } } });
    await addAccount(open.db, 'clerk', 'correct horse battery', new Date());
    const signIn = await app.request(`${ORIGIN}/admin/api/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ name: 'clerk', password: 'correct horse battery' }),
    });
    expect(signIn.status).toBe(200);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const headers = { cookie, 'x-csrf-token': csrfToken, origin: ORIGIN };
    const upload = await app.request(`${ORIGIN}/admin/api/uploads?file=office.xlsx`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: new Blob([new Uint8Array(await templateBytes(demoDataset))]),
    });
    const preview = (await upload.json()) as { status: string; upload: { id: string } };
    expect(preview.status).toBe('preview');
    const regionsServed = async () =>
      ((await (await app.request(`${ORIGIN}/api/v1/meta`)).json()) as { regions?: unknown[] })
        .regions?.length ?? 0;
    expect(await regionsServed()).toBe(0); // nothing is written before the confirm
    const confirm = await app.request(`${ORIGIN}/admin/api/uploads/${preview.upload.id}/confirm`, {
      method: 'POST',
      headers,
    });
    expect(confirm.status).toBe(200);
    expect(await regionsServed()).toBe(demoDataset.meta.regions.length);
  });
});
