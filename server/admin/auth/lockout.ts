/**
 * Failed sign-ins and what they lock. Per name: the 5th failure within 15 minutes locks that
 * name for 15 minutes from then (the same for a name that has no account, so a lock does not
 * tell which names exist); attempts while locked are refused unchecked and not counted; a
 * successful sign-in or a new password clears the name's failures. Per client IP: 20 failures
 * within 15 minutes refuse that IP until the oldest of them is 15 minutes old.
 * One table (sign_in_failures) holds it all, so every replica of the service sees the same.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
export const NAME_LIMIT = 5;
export const IP_LIMIT = 20;

const iso = (ms: number) => new Date(ms).toISOString();

/** What the failures table keeps of a name typed: its hash (it may be a misplaced password). */
export const nameKey = (name: string): string =>
  createHash('sha256').update(`sign-in name:${name}`, 'utf8').digest('hex');

/** When the name's lock ends, or null when it is not locked. */
export async function nameLockedUntil(
  db: Kysely<Database>,
  name: string,
  now: Date,
): Promise<Date | null> {
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('at')
    .where('name_key', '=', nameKey(name))
    .where('at', '>', iso(now.getTime() - WINDOW_MS - LOCK_MS))
    .orderBy('at', 'desc')
    .limit(NAME_LIMIT)
    .execute();
  if (rows.length < NAME_LIMIT) return null;
  const newest = Date.parse(rows[0]?.at ?? '');
  const oldest = Date.parse(rows[rows.length - 1]?.at ?? '');
  if (newest - oldest > WINDOW_MS) return null;
  const until = newest + LOCK_MS;
  return until > now.getTime() ? new Date(until) : null;
}

/** When the IP may try again, or null when it may now. */
export async function ipBlockedUntil(
  db: Kysely<Database>,
  ip: string | null,
  now: Date,
): Promise<Date | null> {
  if (ip === null) return null;
  const rows = await db
    .selectFrom('sign_in_failures')
    .select('at')
    .where('ip', '=', ip)
    .where('at', '>', iso(now.getTime() - WINDOW_MS))
    .orderBy('at', 'desc')
    .limit(IP_LIMIT)
    .execute();
  if (rows.length < IP_LIMIT) return null;
  return new Date(Date.parse(rows[rows.length - 1]?.at ?? '') + WINDOW_MS);
}

/** Record a failure (and forget those too old to matter); is the name locked now? */
export async function recordFailure(
  db: Kysely<Database>,
  name: string,
  ip: string | null,
  now: Date,
): Promise<Date | null> {
  await db
    .insertInto('sign_in_failures')
    .values({ at: now.toISOString(), name_key: nameKey(name), ip })
    .execute();
  await db
    .deleteFrom('sign_in_failures')
    .where('at', '<', iso(now.getTime() - WINDOW_MS - LOCK_MS))
    .execute();
  return nameLockedUntil(db, name, now);
}

export async function clearFailures(db: Kysely<Database>, name: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('name_key', '=', nameKey(name)).execute();
}
