/**
 * Sign-in, sessions, CSRF, lockout and the audit log over HTTP (Hono's app.request), on SQLite
 * and PostgreSQL. Time comes from an injected clock: expiry and unlocking are tested by moving
 * it, never by waiting.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../test/databases';
import type { TestDatabase } from '../../test/databases';
import { addAccount } from './accounts';
import { createAdminAuth } from './index';
import type { AdminAuthOptions } from './index';
import { hashPassword, verifyPassword } from './passwords';

const PASSWORD = 'correct horse battery';
const SITE = 'http://dash.example';
const START = Date.parse('2026-12-03T08:00:00.000Z');

function clock() {
  const state = { t: START };
  return {
    now: () => new Date(state.t),
    advanceMinutes: (m: number) => {
      state.t += m * 60_000;
    },
  };
}

/** A service like the real one: the auth routes at /admin/api, and a write route behind the gate. */
function harness(db: TestDatabase['db'], options: AdminAuthOptions = {}) {
  const time = clock();
  const logged: string[] = [];
  const auth = createAdminAuth(db, {
    now: time.now,
    idleMinutes: 30,
    maxHours: 12,
    log: (line) => logged.push(line),
    ...options,
  });
  const app = new Hono();
  app.route('/admin/api', auth.routes);
  const writes = new Hono<{ Variables: { adminUser: string } }>();
  writes.use(auth.requireWriter);
  writes.post('/thing', (c) => c.json({ user: c.get('adminUser') }));
  writes.get('/thing', (c) => c.json({ user: c.get('adminUser') }));
  app.route('/admin/api', writes);

  const call = (
    path: string,
    init: {
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      ip?: string;
      base?: string;
    } = {},
  ) =>
    app.request(
      `${init.base ?? SITE}/admin/api${path}`,
      { method: init.method ?? 'GET', headers: init.headers, body: init.body },
      { incoming: { socket: { remoteAddress: init.ip ?? '192.0.2.1' } } },
    );

  const signIn = async (
    name: string,
    password: string,
    init: { ip?: string; headers?: Record<string, string>; base?: string } = {},
  ) => {
    const res = await call('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: JSON.stringify({ name, password }),
      ...(init.ip ? { ip: init.ip } : {}),
      ...(init.base ? { base: init.base } : {}),
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    const cookie = /^jindu_session=([^;]+)/.exec(setCookie)?.[1] ?? '';
    return { res, setCookie, cookie: `jindu_session=${cookie}`, token: cookie };
  };

  return { auth, app, call, signIn, time, logged };
}

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

const errorCode = async (res: Response) =>
  ((await json(res)) as { error?: { code?: string } }).error?.code;

describe('passwords', () => {
  it('hash in the scrypt format and check: the right password only', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
    expect(stored).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword('correct horse battery!', stored)).toBe(false);
    expect(await verifyPassword(PASSWORD, stored.replace('$8$', '$9$'))).toBe(false);
    expect(await verifyPassword(PASSWORD, 'plain')).toBe(false);
    expect(await hashPassword(PASSWORD)).not.toBe(stored); // a new salt each time
  });
});

describe.each(engines)('admin sign-in on %s', (engine) => {
  let database: TestDatabase;
  const accounts = [
    'clerk',
    'keeper',
    'lockme',
    'iplimit',
    'idle',
    'absolute',
    'writer',
    'auditor',
    'spread',
    'leaver',
  ];
  beforeAll(async () => {
    database = await freshDatabase(engine);
    for (const name of accounts)
      await addAccount(database.db, name, PASSWORD, new Date(START - 86_400_000));
  });
  afterAll(async () => {
    await database.close();
  });

  it('signs in: a cookie with the right attributes, the session answer, only a hash stored', async () => {
    const h = harness(database.db);
    const { res, setCookie, cookie, token } = await h.signIn('clerk', PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const body = (await json(res)) as {
      user: { name: string };
      csrfToken: string;
      expiresAt: string;
    };
    expect(body.user).toEqual({ name: 'clerk' });
    expect(body.expiresAt).toBe(new Date(START + 30 * 60_000).toISOString());
    expect(body.csrfToken.length).toBeGreaterThan(30);

    const rows = await database.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_name', '=', 'clerk')
      .execute();
    expect(rows.map((r) => r.token_hash)).toContain(
      createHash('sha256').update(token).digest('hex'),
    );
    expect(JSON.stringify(rows)).not.toContain(token);

    const session = await h.call('/session', { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('no-store');
    expect(await json(session)).toEqual({ ...body, expiresAt: body.expiresAt });
    const last = await database.db
      .selectFrom('users')
      .select('last_sign_in_at')
      .where('name', '=', 'clerk')
      .executeTakeFirst();
    expect(last?.last_sign_in_at).toBe(new Date(START).toISOString());
  });

  it('marks the cookie Secure over https, and behind a trusted proxy that says https', async () => {
    expect(
      (await harness(database.db).signIn('clerk', PASSWORD, { base: 'https://dash.example' }))
        .setCookie,
    ).toMatch(/; Secure/);
    const proxied = {
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'dash.example' },
    };
    expect(
      (await harness(database.db, { trustProxy: true }).signIn('clerk', PASSWORD, proxied))
        .setCookie,
    ).toMatch(/; Secure/);
    // Without --trust-proxy, anyone could send the header: it is ignored.
    const untrusted = await harness(database.db, { trustProxy: false }).signIn('clerk', PASSWORD, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(untrusted.res.status).toBe(200);
    expect(untrusted.setCookie).not.toMatch(/Secure/);
  });

  it('answers 401 signed-out without a session, or with an unknown token', async () => {
    const h = harness(database.db);
    const none = await h.call('/session');
    expect(none.status).toBe(401);
    expect(none.headers.get('set-cookie')).toBeNull(); // nothing to clear
    expect(none.headers.get('cache-control')).toBe('no-store');
    expect(await json(none)).toEqual({
      error: {
        code: 'signed-out',
        message: { zh: '尚未登录，请先登录。', en: 'You are not signed in. Please sign in.' },
      },
    });
    expect(
      await errorCode(await h.call('/session', { headers: { cookie: 'jindu_session=forged' } })),
    ).toBe('signed-out');
  });

  it('ends a session after 30 idle minutes; each request slides it', async () => {
    const h = harness(database.db);
    const { cookie } = await h.signIn('idle', PASSWORD);
    h.time.advanceMinutes(29);
    expect((await h.call('/session', { headers: { cookie } })).status).toBe(200);
    h.time.advanceMinutes(29);
    const slid = await h.call('/session', { headers: { cookie } });
    expect(slid.status).toBe(200);
    expect(((await json(slid)) as { expiresAt: string }).expiresAt).toBe(
      new Date(START + 88 * 60_000).toISOString(),
    );
    h.time.advanceMinutes(30);
    const expired = await h.call('/session', { headers: { cookie } });
    expect(expired.status).toBe(401);
    expect(await errorCode(expired)).toBe('expired');
    expect(expired.headers.get('set-cookie')).toMatch(/jindu_session=;.*Max-Age=0/);
    expect(await errorCode(await h.call('/session', { headers: { cookie } }))).toBe('signed-out');
    const entries = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('user_name', '=', 'idle')
      .execute();
    expect(entries.map((e) => e.action)).toEqual(['sign-in', 'session-expired']);
  });

  it('ends a session 12 hours after sign-in however busy it is', async () => {
    const h = harness(database.db);
    const { cookie } = await h.signIn('absolute', PASSWORD);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      h.time.advanceMinutes(20);
      const res = await h.call('/thing', { headers: { cookie } });
      expect(res.status, `after ${minutes} minutes`).toBe(200);
    }
    h.time.advanceMinutes(10); // 11 h 50: the expiry is capped at 12 h
    const last = await h.call('/session', { headers: { cookie } });
    expect(((await json(last)) as { expiresAt: string }).expiresAt).toBe(
      new Date(START + 12 * 3600_000).toISOString(),
    );
    h.time.advanceMinutes(10);
    expect(await errorCode(await h.call('/thing', { headers: { cookie } }))).toBe('expired');
  });

  it('lets a write through requireWriter only with the session, its CSRF token and no foreign Origin', async () => {
    const h = harness(database.db);
    const { res, cookie } = await h.signIn('writer', PASSWORD);
    const { csrfToken } = (await json(res)) as { csrfToken: string };

    const noSession = await h.call('/thing', {
      method: 'POST',
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(noSession.status).toBe(401);
    expect(await errorCode(noSession)).toBe('signed-out');

    const refused: Record<string, string>[] = [
      { cookie },
      { cookie, 'x-csrf-token': 'wrong' },
      { cookie, 'x-csrf-token': `${csrfToken}x` },
      { cookie, 'x-csrf-token': csrfToken, origin: 'https://evil.example' },
      { cookie, 'x-csrf-token': csrfToken, origin: 'null' },
      { cookie, 'x-csrf-token': csrfToken, origin: 'https://dash.example' }, // other scheme
    ];
    for (const headers of refused) {
      const r = await h.call('/thing', { method: 'POST', headers });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(await json(r)).toEqual({
        error: {
          code: 'csrf',
          message: {
            zh: '请求被拒绝：它不是从本页面发出的（跨站请求防护）。请刷新页面后重试。',
            en: 'Request refused: it did not come from this page (cross-site request protection). Reload the page and try again.',
          },
        },
      });
    }
    const ok = await h.call('/thing', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, origin: SITE },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await json(ok)).toEqual({ user: 'writer' });
    expect(
      (await h.call('/thing', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } }))
        .status,
    ).toBe(200);
    expect((await h.call('/thing', { headers: { cookie } })).status).toBe(200); // a read needs no token

    const refusals = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'csrf-refused')
      .where('user_name', '=', 'writer')
      .execute();
    expect(refusals.map((r) => (JSON.parse(r.detail) as { reason: string }).reason)).toEqual([
      'token',
      'token',
      'token',
      'origin',
      'origin',
      'origin',
    ]);
  });

  it('takes the origin from X-Forwarded-Host/-Proto only behind a trusted proxy', async () => {
    const proxy = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'data.gov.example' };
    const trusted = harness(database.db, { trustProxy: true });
    const { res, cookie } = await trusted.signIn('writer', PASSWORD, {
      headers: { ...proxy, origin: 'https://data.gov.example' },
    });
    expect(res.status).toBe(200);
    const { csrfToken } = (await json(res)) as { csrfToken: string };
    const headers = {
      ...proxy,
      cookie,
      'x-csrf-token': csrfToken,
      origin: 'https://data.gov.example',
    };
    expect((await trusted.call('/thing', { method: 'POST', headers })).status).toBe(200);
    const untrusted = harness(database.db, { trustProxy: false });
    expect((await untrusted.call('/thing', { method: 'POST', headers })).status).toBe(403);
  });

  it('refuses a sign-in that is not JSON or comes from another site', async () => {
    const h = harness(database.db);
    const form = await h.call('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `name=clerk&password=${encodeURIComponent(PASSWORD)}`,
      ip: '198.51.100.70',
    });
    expect(form.status).toBe(415);
    expect(await errorCode(form)).toBe('json-required');
    expect(form.headers.get('set-cookie')).toBeNull();
    const plain = await h.call('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ name: 'clerk', password: PASSWORD }),
      ip: '198.51.100.70',
    });
    expect(plain.status).toBe(415);
    const foreign = await h.signIn('clerk', PASSWORD, {
      headers: { origin: 'https://evil.example' },
      ip: '198.51.100.70',
    });
    expect(foreign.res.status).toBe(403);
    expect(await errorCode(foreign.res)).toBe('csrf');
    expect(foreign.setCookie).toBe('');
    const sameSite = await h.signIn('clerk', PASSWORD, {
      headers: { origin: SITE },
      ip: '198.51.100.70',
    });
    expect(sameSite.res.status).toBe(200);
    const refused = await database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('ip', '=', '198.51.100.70')
      .orderBy('id')
      .execute();
    expect(
      refused.map((r) => [r.action, (JSON.parse(r.detail) as { reason?: string }).reason]),
    ).toEqual([
      ['csrf-refused', 'content-type'],
      ['csrf-refused', 'content-type'],
      ['csrf-refused', 'origin'],
      ['sign-in', undefined],
    ]);
    const huge = await h.call('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'clerk', password: 'x'.repeat(20_000) }),
    });
    expect(huge.status).toBe(413);
    expect(await errorCode(huge)).toBe('too-large');
    const streamed = await h.app.request(`${SITE}/admin/api/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 40; i++)
            controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const malformed = await h.call('/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": "clerk"',
    });
    expect(malformed.status).toBe(400);
    expect(await errorCode(malformed)).toBe('bad-request');
  });

  it('answers an unknown name exactly as a wrong password', async () => {
    const h = harness(database.db);
    const wrong = await h.signIn('keeper', 'not the password', { ip: '198.51.100.1' });
    const unknown = await h.signIn('nobody-here', 'not the password', { ip: '198.51.100.1' });
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    const body = await json(wrong.res);
    expect(body).toEqual({
      error: {
        code: 'bad-credentials',
        message: { zh: '用户名或密码不正确。', en: 'The user name or password is wrong.' },
      },
    });
    expect(await json(unknown.res)).toEqual(body);
  });

  it('locks a name for 15 minutes after 5 failures in 15 minutes, then lets the right password in', async () => {
    const h = harness(database.db);
    const ip = '198.51.100.5';
    for (let i = 1; i <= 4; i++) {
      h.time.advanceMinutes(3);
      expect((await h.signIn('lockme', `wrong password ${i}`, { ip })).res.status).toBe(401);
    }
    h.time.advanceMinutes(2); // 14 minutes after the first failure
    const fifth = await h.signIn('lockme', 'wrong password 5', { ip });
    expect(fifth.res.status).toBe(423);
    expect(fifth.res.headers.get('retry-after')).toBe('900');
    expect(await json(fifth.res)).toEqual({
      error: {
        code: 'locked',
        message: {
          zh: '登录失败次数过多，账户已锁定，请 15 分钟后再试。',
          en: 'Too many failed sign-ins: the account is locked. Try again in 15 minutes.',
        },
      },
      retryAfterSeconds: 900,
    });
    h.time.advanceMinutes(10);
    const right = await h.signIn('lockme', PASSWORD, { ip });
    expect(right.res.status).toBe(423);
    expect(((await json(right.res)) as { retryAfterSeconds: number }).retryAfterSeconds).toBe(300);
    expect(right.setCookie).toBe('');
    h.time.advanceMinutes(5);
    expect((await h.signIn('lockme', PASSWORD, { ip })).res.status).toBe(200);
    // The success cleared the count: one failure now is just a failure.
    expect((await h.signIn('lockme', 'wrong again', { ip })).res.status).toBe(401);
    const actions = await database.db
      .selectFrom('audit_log')
      .select(['action', 'user_name', 'detail'])
      .where('ip', '=', ip)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'sign-in-failed',
      'sign-in-failed',
      'sign-in-failed',
      'sign-in-failed',
      'sign-in-failed',
      'locked',
      'sign-in-failed',
      'sign-in',
      'sign-in-failed',
    ]);
    expect(actions.every((a) => a.user_name === 'lockme')).toBe(true);
  });

  it('does not lock for 5 failures spread over more than 15 minutes', async () => {
    const h = harness(database.db);
    for (let i = 1; i <= 6; i++) {
      h.time.advanceMinutes(4);
      expect((await h.signIn('spread', `wrong ${i}`, { ip: '198.51.100.6' })).res.status).toBe(401);
    }
  });

  it('locks a name that has no account the same way (a lock tells nothing)', async () => {
    const h = harness(database.db);
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await h.signIn('ghost', `guess ${i}`, { ip: '198.51.100.7' })).res.status);
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
  });

  it('refuses an IP after 20 failures in 15 minutes (429) while others still sign in', async () => {
    const h = harness(database.db);
    const ip = '203.0.113.9';
    for (let i = 0; i < 20; i++) {
      const r = await h.signIn(`guess-${i}`, 'wrong password', { ip });
      expect(r.res.status).toBe(401);
    }
    h.time.advanceMinutes(1);
    const blocked = await h.signIn('iplimit', PASSWORD, { ip });
    expect(blocked.res.status).toBe(429);
    expect(await json(blocked.res)).toEqual({
      error: {
        code: 'too-many-attempts',
        message: {
          zh: '此电脑登录失败次数过多，请 14 分钟后再试。',
          en: 'Too many failed sign-ins from this computer. Try again in 14 minutes.',
        },
      },
      retryAfterSeconds: 840,
    });
    expect((await h.signIn('iplimit', PASSWORD, { ip: '203.0.113.10' })).res.status).toBe(200);
    h.time.advanceMinutes(14);
    expect((await h.signIn('iplimit', PASSWORD, { ip })).res.status).toBe(200);
  });

  it('behind a trusted proxy counts the client address the proxy appended, not the one sent', async () => {
    const h = harness(database.db, { trustProxy: true });
    for (let i = 0; i < 20; i++) {
      const r = await h.signIn(`spoof-${i}`, 'wrong password', {
        headers: { 'x-forwarded-for': `10.9.${i}.1, 203.0.113.77` },
      });
      expect(r.res.status).toBe(401);
    }
    const blocked = await h.signIn('iplimit', PASSWORD, {
      headers: { 'x-forwarded-for': '10.0.0.1, 203.0.113.77' },
    });
    expect(blocked.res.status).toBe(429);
  });

  it('signs out (204, cookie cleared, session gone) only with the CSRF token', async () => {
    const h = harness(database.db);
    const { res, cookie } = await h.signIn('auditor', PASSWORD, { ip: '198.51.100.20' });
    const { csrfToken } = (await json(res)) as { csrfToken: string };
    expect((await h.call('/sign-out', { method: 'POST', headers: { cookie } })).status).toBe(403);
    expect((await h.call('/session', { headers: { cookie } })).status).toBe(200);
    const out = await h.call('/sign-out', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/jindu_session=;.*Max-Age=0/);
    expect(await errorCode(await h.call('/session', { headers: { cookie } }))).toBe('signed-out');
    expect((await h.call('/sign-out', { method: 'POST' })).status).toBe(204);
  });

  it('signing out of an expired session records the expiry and clears the cookie', async () => {
    const h = harness(database.db);
    const { res, cookie } = await h.signIn('leaver', PASSWORD);
    expect(res.status).toBe(200);
    const { csrfToken } = (await json(res)) as { csrfToken: string };
    h.time.advanceMinutes(31);
    const out = await h.call('/sign-out', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/jindu_session=;.*Max-Age=0/);
    const actions = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('user_name', '=', 'leaver')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['sign-in', 'session-expired']);
  });

  it('writes the audit log for each action and pages it newest first by `before`', async () => {
    const h = harness(database.db);
    const ip = '198.51.100.30';
    expect((await h.call('/audit')).status).toBe(401);
    await h.signIn('auditor', 'a wrong password', { ip });
    const { res, cookie } = await h.signIn('auditor', PASSWORD, { ip });
    const { csrfToken } = (await json(res)) as { csrfToken: string };
    await h.call('/thing', { method: 'POST', headers: { cookie }, ip });
    await h.auth.audit({
      user: 'auditor',
      action: 'upload',
      ip,
      detail: { fileName: 'a.xlsx', status: 'preview', password: 'x' },
    });

    const first = await h.call('/audit?limit=3', { headers: { cookie } });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const page1 = (
      (await json(first)) as {
        entries: {
          id: number;
          at: string;
          user: string | null;
          action: string;
          ip: string | null;
          detail: Record<string, unknown>;
        }[];
      }
    ).entries;
    expect(page1.map((e) => e.action)).toEqual(['upload', 'csrf-refused', 'sign-in']);
    expect(page1[0]).toEqual({
      id: expect.any(Number) as number,
      at: new Date(START).toISOString(),
      user: 'auditor',
      action: 'upload',
      ip,
      detail: { fileName: 'a.xlsx', status: 'preview' }, // the password key is dropped
    });
    expect(page1[1]?.detail).toMatchObject({
      method: 'POST',
      path: '/admin/api/thing',
      reason: 'token',
    });
    const before = page1[2]?.id ?? 0;
    const second = await h.call(`/audit?limit=3&before=${before}`, { headers: { cookie } });
    const page2 = (
      (await json(second)) as {
        entries: { id: number; action: string; user: string | null; ip: string | null }[];
      }
    ).entries;
    expect(page2[0]).toMatchObject({ action: 'sign-in-failed', user: 'auditor', ip });
    expect(page2.every((e) => e.id < before)).toBe(true);
    expect(page2.map((e) => e.id)).toEqual([...page2.map((e) => e.id)].sort((a, b) => b - a));
    await h.call('/sign-out', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
      ip,
    });
    const last = await database.db
      .selectFrom('audit_log')
      .select(['action', 'user_name'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(last).toEqual({ action: 'sign-out', user_name: 'auditor' });

    const again = (await h.signIn('auditor', PASSWORD, { ip })).cookie;
    for (const query of ['limit=0', 'limit=501', 'limit=x', 'before=-1', 'before=1.5'])
      expect((await h.call(`/audit?${query}`, { headers: { cookie: again } })).status, query).toBe(
        400,
      );
  });

  it('keeps every password out of the audit log, the sessions and the log', async () => {
    const h = harness(database.db);
    const secrets = ['a-secret-wrong-password', PASSWORD, 'ghost-password-0001'];
    await h.signIn('clerk', secrets[0] ?? '', { ip: '198.51.100.40' });
    await h.signIn('clerk', PASSWORD, { ip: '198.51.100.40' });
    await h.signIn('ghost-2', secrets[2] ?? '', { ip: '198.51.100.40' });
    // Someone types the password into the name box: the name is not written down either.
    await h.signIn(PASSWORD, 'whatever-else', { ip: '198.51.100.40' });
    const everything = JSON.stringify([
      await database.db.selectFrom('audit_log').selectAll().execute(),
      await database.db.selectFrom('sessions').selectAll().execute(),
      await database.db.selectFrom('sign_in_failures').selectAll().execute(),
      await database.db.selectFrom('users').selectAll().execute(),
      h.logged,
    ]);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  it('answers a database failure with JSON 500, logged, never HTML', async () => {
    const other = await database.reopen();
    const h = harness(other.db);
    await other.close();
    const res = await h.call('/session', { headers: { cookie: 'jindu_session=abc' } });
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const code = await errorCode(res);
    if (res.status === 500) {
      expect(code).toBe('internal');
      expect(h.logged).toHaveLength(1);
    } else {
      expect([res.status, code]).toEqual([503, 'unavailable']);
    }
  });
});
