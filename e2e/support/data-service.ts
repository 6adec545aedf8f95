import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { WireDataset } from '../../contract/wire-types';
import { templateBytes } from '../../contract/workbook/write-template';
import { createService } from '../../server/api/app';
import { connect } from '../../server/db/connect';
import { runImport } from '../../server/cli/import-command';
import type { RunningServer } from './static-server';

export interface DataService extends RunningServer {
  /** Every API request the service received (path + query) and its status. */
  requests: { path: string; status: number }[];
}

/**
 * The real data service (server/) on a free port, serving the production build (dist/) and
 * the API from a fresh SQLite file into which `dataset` was imported through the same path an
 * office uses: written as a template workbook, then read back by `npm run import`'s code.
 * `dataset: null` leaves the database empty.
 */
export async function serveDataService(dataset: WireDataset | null): Promise<DataService> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-service-'));
  const connection = await connect({ sqliteFile: join(dir, 'dashboard.sqlite') });
  if (dataset) {
    const outcome = await runImport(connection.db, {
      fileName: 'office-workbook.xlsx',
      bytes: await templateBytes(dataset),
      dryRun: false,
    });
    if (outcome.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(outcome)}`);
  }
  const app = createService({ db: connection.db, distDir: 'dist', suppressBelow: null });
  const requests: DataService['requests'] = [];
  const server = serve({
    fetch: async (req: Request) => {
      const res = await app.fetch(req);
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
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
