/**
 * For the editions API's tests: the routes mounted as the service mounts them, behind a
 * stand-in for the accounts helper's requireWriter (the user named by `x-test-user`, default
 * 'tester'; `x-test-user: none` is signed out) and an audit that records; the demo workbook
 * and variants of it.
 */
import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { demoDataset } from '@mocks/demo/dataset';
import { templateBytes } from '@contract/workbook/write-template';
import { OBSERVATIONS_SHEET } from '@contract/workbook/layout';
import type { Database } from '../db/schema';
import { columnWith, loadWorkbook, rowWith, sheetOf, toBytes } from '../import/test-support';
import { createEditionRoutes } from '../admin/editions/routes';
import type { EditionDeps } from '../admin/editions/routes';

export interface AuditEntry {
  user: string | null;
  action: string;
  ip: string | null;
  detail?: Record<string, unknown>;
}

export const BASE = '/admin/api';

const standIn: MiddlewareHandler<{ Variables: { adminUser: string } }> = async (c, next) => {
  const user = c.req.header('x-test-user') ?? 'tester';
  if (user === 'none')
    return c.json({ error: { code: 'signed-out', message: { zh: '请登录', en: 'Sign in' } } }, 401);
  c.set('adminUser', user);
  await next();
};

export function mount(db: Kysely<Database>, extra: Partial<EditionDeps> = {}) {
  const audits: AuditEntry[] = [];
  const logs: string[] = [];
  const service = new Hono();
  service.route(
    BASE,
    createEditionRoutes(db, {
      requireWriter: standIn,
      audit: (entry) => {
        audits.push(entry);
        return Promise.resolve();
      },
      clientIp: () => '192.0.2.1',
      isolated: false,
      log: (line) => logs.push(line),
      ...extra,
    }),
  );
  const request = (path: string, init?: RequestInit) => service.request(`${BASE}${path}`, init);
  const upload = (bytes: Uint8Array, file = 'demo.xlsx', headers: Record<string, string> = {}) =>
    request(`/uploads?file=${encodeURIComponent(file)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
  const post = (path: string, headers: Record<string, string> = {}) =>
    request(path, { method: 'POST', headers });
  return { service, request, upload, post, audits, logs };
}

let demo: Promise<Uint8Array> | null = null;
export const demoWorkbook = () => (demo ??= templateBytes(demoDataset));

/** The demo cell the tests change: new-users in 460106 (Longhua), 2019. */
export const CELL = { indicator: 'new-users', region: '460106', year: 2019 } as const;
export const cellValue = () =>
  demoDataset.observations.find(
    (o) => o.indicator === CELL.indicator && o.region === CELL.region && o.year === CELL.year,
  )?.value;

/** The demo workbook with CELL set to `value` (a number, or text to make it invalid). */
export async function withCell(value: number | string): Promise<Uint8Array> {
  const wb = await loadWorkbook(await demoWorkbook());
  const ws = sheetOf(wb, OBSERVATIONS_SHEET);
  ws.getCell(rowWith(ws, CELL.indicator, CELL.region), columnWith(ws, CELL.year)).value = value;
  return toBytes(wb);
}
