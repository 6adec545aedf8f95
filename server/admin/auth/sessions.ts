/**
 * Sessions: the cookie carries a random 32-byte token (base64url); the database keeps only its
 * SHA-256, so a copy of the database (a backup) signs no one in. Each session has its own CSRF
 * token. A session ends after `idleMs` without a request (every request slides it) or `maxMs`
 * after sign-in, whichever is first.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface Session {
  tokenHash: string;
  user: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionLimits {
  idleMs: number;
  maxMs: number;
}

export const hashToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

const expiry = (createdAt: Date, seenAt: Date, limits: SessionLimits): string =>
  new Date(
    Math.min(seenAt.getTime() + limits.idleMs, createdAt.getTime() + limits.maxMs),
  ).toISOString();

/** A new session; the token goes into the cookie and nowhere else. */
export async function createSession(
  db: Kysely<Database>,
  user: string,
  now: Date,
  limits: SessionLimits,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const session: Session = {
    tokenHash: hashToken(token),
    user,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now.toISOString(),
    expiresAt: expiry(now, now, limits),
  };
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_name: user,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
  return { token, session };
}

export type Lookup =
  { state: 'live'; session: Session } | { state: 'expired'; user: string } | { state: 'none' };

/** The session a cookie token names; an expired one is deleted as it is found. */
export async function findSession(
  db: Kysely<Database>,
  token: string | undefined,
  now: Date,
): Promise<Lookup> {
  if (!token || token.length > 100) return { state: 'none' };
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return { state: 'none' };
  if (now.toISOString() >= row.expires_at) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return { state: 'expired', user: row.user_name };
  }
  return {
    state: 'live',
    session: {
      tokenHash,
      user: row.user_name,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    },
  };
}

/** Slide the idle timeout; returns the new expiry. */
export async function touchSession(
  db: Kysely<Database>,
  session: Session,
  now: Date,
  limits: SessionLimits,
): Promise<string> {
  const expiresAt = expiry(new Date(session.createdAt), now, limits);
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString(), expires_at: expiresAt })
    .where('token_hash', '=', session.tokenHash)
    .execute();
  return expiresAt;
}

export async function endSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/**
 * Forget sessions that ended over a day ago without anyone coming back to them (a recently
 * expired one stays, so that its browser is told "expired" rather than "signed out").
 */
export async function pruneSessions(db: Kysely<Database>, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 24 * 3600_000).toISOString();
  await db.deleteFrom('sessions').where('expires_at', '<', cutoff).execute();
}
