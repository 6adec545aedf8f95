/**
 * The data-keeper area's API (issue 14), mounted by the service at /admin/api: sign-in,
 * sessions and the audit log (auth/) in front of uploads, editions and roll back (editions/).
 * The read API beside it stays as open as before; only these routes need an account.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { clientIp, createAdminAuth } from './auth';
import type { AdminAuthOptions } from './auth';
import { createEditionRoutes } from './editions/routes';
import type { EditionDeps } from './editions/routes';

export const ADMIN_API_PATH = '/admin/api';

export interface AdminOptions extends AdminAuthOptions {
  /**
   * Where imports run. A preview or a confirm holds the import lock on its connection for as
   * long as it takes (seconds for a large workbook); with SQLite (one connection per handle) a
   * handle of its own keeps /meta and the sign-in answering meanwhile. Default: the service's db.
   */
  importDb?: Kysely<Database>;
  /** Tests only: lower the upload cap, parse in this process, shorten the lock waits. */
  editions?: Pick<EditionDeps, 'maxUploadBytes' | 'isolated' | 'previewWaitMs' | 'commitWaitMs'>;
}

export function createAdminApi(db: Kysely<Database>, options: AdminOptions = {}): Hono {
  const trustProxy = options.trustProxy ?? process.env.TRUST_PROXY === '1';
  const auth = createAdminAuth(db, { ...options, trustProxy });
  const editions = createEditionRoutes(options.importDb ?? db, {
    requireWriter: auth.requireWriter,
    audit: (entry) => auth.audit(entry),
    clientIp: (c) => clientIp(c, trustProxy),
    ...(options.now ? { now: options.now } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...options.editions,
  });
  const api = new Hono();
  api.route('/', auth.routes);
  api.route('/', editions as unknown as Hono);
  // Anything else under the area is a JSON 404, never the dashboard's HTML.
  api.all('*', (c) =>
    c.json(
      {
        error: {
          code: 'not-found',
          message: { zh: '没有这个数据管理接口。', en: 'No such data-management endpoint.' },
        },
      },
      404,
      { 'cache-control': 'no-store' },
    ),
  );
  return api;
}
