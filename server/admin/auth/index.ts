/**
 * Sign-in for the data-keeper area (issue 14): the routes `GET /session`, `POST /sign-in`,
 * `POST /sign-out` and `GET /audit` (relative: the service mounts them at /admin/api), and
 * `requireWriter`, the gate every other admin route sits behind (a live session; on a write,
 * the session's CSRF token in `x-csrf-token` and no foreign Origin).
 * Every answer carries `cache-control: no-store`; every error is
 * `{ error: { code, message: { zh, en } } }`.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { MAX_NAME_LENGTH, findAccount } from './accounts';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, readAudit, writeAudit } from './audit';
import type { AuditEntry } from './audit';
import { clearFailures, ipBlockedUntil, nameLockedUntil, recordFailure } from './lockout';
import { adminError, authMessages } from './messages';
import type { Bilingual } from './messages';
import { MAX_PASSWORD_LENGTH, hashPassword, verifyPassword } from './passwords';
import { clientIp, isHttps, sameOrigin } from './request';
import { createSession, endSession, findSession, pruneSessions, touchSession } from './sessions';
import type { Session, SessionLimits } from './sessions';

export { clientIp } from './request';

export const SESSION_COOKIE = 'jindu_session';

type WriterEnv = { Variables: { adminUser: string } };

export interface AdminAuth {
  /** Mounted by the service at /admin/api. */
  routes: Hono;
  /** 401 {code:'signed-out'|'expired'} without a live session; on non-GET also 403 {code:'csrf'}; sets c.var.adminUser */
  requireWriter: MiddlewareHandler<WriterEnv>;
  audit(entry: AuditEntry): Promise<void>;
}

export interface AdminAuthOptions {
  /** Believe X-Forwarded-For/-Proto/-Host (behind a reverse proxy); default env TRUST_PROXY=1. */
  trustProxy?: boolean;
  now?: () => Date;
  /** Idle timeout; default env ADMIN_SESSION_IDLE_MIN or 30. */
  idleMinutes?: number;
  /** Absolute session limit; default env ADMIN_SESSION_MAX_HOURS or 12. */
  maxHours?: number;
  /** Where failures of the routes are logged; default stderr. */
  log?: (line: string) => void;
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!(Number.isFinite(n) && n > 0)) throw new Error(`${name} must be a number > 0, got "${raw}"`);
  return n;
}

/** Longest sign-in body read (a name and a password in JSON fit with room to spare). */
const SIGN_IN_BODY_BYTES = 8 * 1024;

export function createAdminAuth(db: Kysely<Database>, options: AdminAuthOptions = {}): AdminAuth {
  const trustProxy = options.trustProxy ?? process.env.TRUST_PROXY === '1';
  const now = options.now ?? (() => new Date());
  const limits: SessionLimits = {
    idleMs: (options.idleMinutes ?? envNumber('ADMIN_SESSION_IDLE_MIN', 30)) * 60_000,
    maxMs: (options.maxHours ?? envNumber('ADMIN_SESSION_MAX_HOURS', 12)) * 3600_000,
  };
  const log = options.log ?? ((line: string) => console.error(line));
  // Checked against when the name has no account, so that "no such user" takes as long as
  // "wrong password" (made once, on first use).
  let dummyHash: Promise<string> | null = null;

  const audit = (entry: AuditEntry) => writeAudit(db, now(), entry);

  const fail = (
    c: Context,
    status: ContentfulStatusCode,
    code: string,
    message: Bilingual,
    extra: Record<string, unknown> = {},
  ) => {
    c.header('cache-control', 'no-store');
    return c.json({ ...adminError(code, message), ...extra }, status);
  };

  const failure = (c: Context, error: unknown) => {
    if (isDatabaseUnavailable(error)) {
      c.header('retry-after', '5');
      return fail(c, 503, 'unavailable', authMessages.unavailable());
    }
    log(
      `admin ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return fail(c, 500, 'internal', authMessages.internal());
  };

  const sessionAnswer = (session: Session, expiresAt: string) => ({
    user: { name: session.user },
    csrfToken: session.csrfToken,
    expiresAt,
  });

  /** The live session of this request (not yet slid), or the 401 to answer. */
  const liveSession = async (c: Context): Promise<{ session: Session } | { refuse: Response }> => {
    const token = getCookie(c, SESSION_COOKIE);
    const lookup = await findSession(db, token, now());
    if (lookup.state === 'live') return { session: lookup.session };
    if (token !== undefined) deleteCookie(c, SESSION_COOKIE, { path: '/' });
    if (lookup.state === 'expired') {
      await audit({ user: lookup.user, action: 'session-expired', ip: clientIp(c, trustProxy) });
      return { refuse: fail(c, 401, 'expired', authMessages.expired()) };
    }
    return { refuse: fail(c, 401, 'signed-out', authMessages.signedOut()) };
  };

  const refuseCsrf = async (c: Context, user: string | null, reason: string) => {
    await audit({
      user,
      action: 'csrf-refused',
      ip: clientIp(c, trustProxy),
      detail: {
        method: c.req.method,
        path: c.req.path,
        reason,
        origin: c.req.header('origin') ?? null,
      },
    });
    return fail(c, 403, 'csrf', authMessages.csrf());
  };

  const tokenMatches = (given: string | undefined, expected: string): boolean => {
    if (given === undefined) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const requireWriter: MiddlewareHandler<WriterEnv> = async (c, next) => {
    let session: Session;
    try {
      const live = await liveSession(c);
      if ('refuse' in live) return live.refuse;
      session = live.session;
      const method = c.req.method.toUpperCase();
      if (method !== 'GET' && method !== 'HEAD') {
        if (!sameOrigin(c, trustProxy)) return await refuseCsrf(c, session.user, 'origin');
        if (!tokenMatches(c.req.header('x-csrf-token'), session.csrfToken))
          return await refuseCsrf(c, session.user, 'token');
      }
      await touchSession(db, session, now(), limits);
    } catch (error) {
      return failure(c, error);
    }
    c.set('adminUser', session.user);
    await next();
    c.header('cache-control', 'no-store');
  };

  const routes = new Hono();
  routes.use(async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });
  routes.onError((error, c) => failure(c, error));

  routes.get('/session', async (c) => {
    const live = await liveSession(c);
    if ('refuse' in live) return live.refuse;
    const expiresAt = await touchSession(db, live.session, now(), limits);
    return c.json(sessionAnswer(live.session, expiresAt));
  });

  // A sign-in body is small; a bigger one (declared or streamed) is refused unread.
  const signInLimit = bodyLimit({
    maxSize: SIGN_IN_BODY_BYTES,
    onError: (c) => fail(c, 413, 'too-large', authMessages.tooLarge()),
  });

  routes.post('/sign-in', signInLimit, async (c) => {
    const ip = clientIp(c, trustProxy);
    // No session yet, so no CSRF token: a cross-site page can neither send JSON without a
    // preflight (which this service never grants) nor hide its Origin from a browser.
    if (!sameOrigin(c, trustProxy)) return refuseCsrf(c, null, 'origin');
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      await audit({
        user: null,
        action: 'csrf-refused',
        ip,
        detail: {
          method: 'POST',
          path: c.req.path,
          reason: 'content-type',
          contentType: type ?? null,
        },
      });
      return fail(c, 415, 'json-required', authMessages.jsonRequired());
    }
    const text = await c.req.text(); // over the limit: throws, and bodyLimit answers 413
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    const name = (body as { name?: unknown } | null)?.name;
    const password = (body as { password?: unknown } | null)?.password;
    if (typeof name !== 'string' || typeof password !== 'string' || name.trim() === '')
      return fail(c, 400, 'bad-request', authMessages.badRequest());
    const userName = name.trim().slice(0, MAX_NAME_LENGTH);

    const at = now();
    const ipUntil = await ipBlockedUntil(db, ip, at);
    if (ipUntil) {
      const retryAfterSeconds = Math.ceil((ipUntil.getTime() - at.getTime()) / 1000);
      await audit({
        user: null,
        action: 'sign-in-failed',
        ip,
        detail: { reason: 'too-many-attempts' },
      });
      c.header('retry-after', String(retryAfterSeconds));
      return fail(c, 429, 'too-many-attempts', authMessages.tooManyAttempts(retryAfterSeconds), {
        retryAfterSeconds,
      });
    }
    const account = await findAccount(db, userName);
    // A name with no account is not written down: it may be a password typed in the wrong box.
    const typed = account ? {} : { unknownName: true };
    const lockedAnswer = (until: Date) => {
      const retryAfterSeconds = Math.ceil((until.getTime() - at.getTime()) / 1000);
      c.header('retry-after', String(retryAfterSeconds));
      return fail(c, 423, 'locked', authMessages.locked(retryAfterSeconds), { retryAfterSeconds });
    };
    const lockedUntil = await nameLockedUntil(db, userName, at);
    if (lockedUntil) {
      await audit({
        user: account?.name ?? null,
        action: 'sign-in-failed',
        ip,
        detail: { reason: 'locked', ...typed },
      });
      return lockedAnswer(lockedUntil);
    }

    dummyHash ??= hashPassword('not a password anyone has');
    const ok =
      name.length <= MAX_NAME_LENGTH &&
      password.length <= MAX_PASSWORD_LENGTH &&
      (await verifyPassword(password, account?.passwordHash ?? (await dummyHash))) &&
      account !== null;
    if (!ok) {
      const user = account?.name ?? null;
      await audit({
        user,
        action: 'sign-in-failed',
        ip,
        detail: { reason: 'bad-credentials', ...typed },
      });
      const until = await recordFailure(db, userName, ip, at);
      if (until) {
        await audit({
          user,
          action: 'locked',
          ip,
          detail: { until: until.toISOString(), ...typed },
        });
        return lockedAnswer(until);
      }
      return fail(c, 401, 'bad-credentials', authMessages.badCredentials());
    }

    await clearFailures(db, userName);
    await db
      .updateTable('users')
      .set({ last_sign_in_at: at.toISOString() })
      .where('name', '=', userName)
      .execute();
    await pruneSessions(db, at);
    const { token, session } = await createSession(db, userName, at, limits);
    await audit({ user: userName, action: 'sign-in', ip });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: isHttps(c, trustProxy),
    });
    return c.json(sessionAnswer(session, session.expiresAt));
  });

  routes.post('/sign-out', async (c) => {
    const lookup = await findSession(db, getCookie(c, SESSION_COOKIE), now());
    if (lookup.state === 'live') {
      const { session } = lookup;
      if (!sameOrigin(c, trustProxy)) return refuseCsrf(c, session.user, 'origin');
      if (!tokenMatches(c.req.header('x-csrf-token'), session.csrfToken))
        return refuseCsrf(c, session.user, 'token');
      await endSession(db, session.tokenHash);
      await audit({ user: session.user, action: 'sign-out', ip: clientIp(c, trustProxy) });
    } else if (lookup.state === 'expired') {
      await audit({ user: lookup.user, action: 'session-expired', ip: clientIp(c, trustProxy) });
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  routes.get('/audit', requireWriter, async (c) => {
    const limitRaw = c.req.query('limit');
    const beforeRaw = c.req.query('before');
    const limit = limitRaw === undefined ? AUDIT_PAGE_DEFAULT : Number(limitRaw);
    const before = beforeRaw === undefined ? null : Number(beforeRaw);
    if (
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > AUDIT_PAGE_MAX ||
      (before !== null && !(Number.isInteger(before) && before > 0))
    )
      return fail(c, 400, 'bad-request', authMessages.badQuery());
    return c.json({ entries: await readAudit(db, { limit, before }) });
  });

  return { routes, requireWriter, audit };
}
