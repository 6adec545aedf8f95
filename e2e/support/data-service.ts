import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { WireDataset } from '../../contract/wire-types';
import { templateBytes } from '../../contract/workbook/write-template';
import { createService } from '../../server/api/app';
import { addAccount } from '../../server/admin/auth/accounts';
import { runImport } from '../../server/cli/import-command';
import { freshDatabase } from '../../server/test/databases';
import type { TestDatabase } from '../../server/test/databases';
import type { Engine } from '../../server/db/schema';
import type { RunningServer } from './static-server';

export interface DataService extends RunningServer {
  /** Every API request the service received (path + query) and its status. */
  requests: { path: string; status: number }[];
  /** The service's database, for checks behind the browser's back (editions, audit log). */
  database: TestDatabase;
}

export interface DataServiceOptions {
  /** SQLite (default) or PostgreSQL (TEST_DATABASE_URL, a schema of its own). */
  engine?: Engine;
  /** The data-keeper area (issue 14) with these accounts; absent: a read-only service. */
  accounts?: { name: string; password: string }[];
  /** Session limits for the area (tests of an expired session). */
  idleMinutes?: number;
}

/**
 * The real data service (server/) on a free port, serving the production build (dist/) and
 * the API from a fresh SQLite file into which `dataset` was imported through the same path an
 * office uses: written as a template workbook, then read back by `npm run import`'s code.
 * `dataset: null` leaves the database empty.
 */
export async function serveDataService(
  dataset: WireDataset | null,
  options: DataServiceOptions = {},
): Promise<DataService> {
  const connection = await freshDatabase(options.engine ?? 'sqlite');
  if (dataset) {
    const outcome = await runImport(connection.db, {
      fileName: 'office-workbook.xlsx',
      bytes: await templateBytes(dataset),
      dryRun: false,
    });
    if (outcome.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`);
  }
  for (const account of options.accounts ?? [])
    await addAccount(connection.db, account.name, account.password, new Date());
  const app = createService({
    db: connection.db,
    distDir: 'dist',
    suppressBelow: null,
    admin: options.accounts
      ? { ...(options.idleMinutes ? { idleMinutes: options.idleMinutes } : {}) }
      : null,
  });
  const requests: DataService['requests'] = [];
  const server = serve({
    // The node server's bindings (env.incoming: the socket) pass through, as `npm run serve`
    // passes them: the admin area reads the client's address from them (lockout, audit log).
    fetch: async (req: Request, env: unknown) => {
      const res = await app.fetch(req, env);
      const url = new URL(req.url);
      if (url.pathname.startsWith('/api/'))
        requests.push({ path: url.pathname + url.search, status: res.status });
      return res;
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    database: connection,
    close: async () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
    },
  };
}
