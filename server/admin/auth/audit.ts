/**
 * The audit log: one row per thing done in the data-keeper area (sign-in, failed sign-in, lock,
 * sign-out, refused CSRF, expired session, and the editions helper's upload, confirm, cancel,
 * rollback), kept in the database and never deleted by the app. `detail` is a JSON object; keys
 * that could carry a secret are dropped before it is written, whoever the caller is.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface AuditEntry {
  user: string | null;
  action: string;
  ip: string | null;
  detail?: Record<string, unknown>;
}

export interface StoredAuditEntry {
  id: number;
  at: string;
  user: string | null;
  action: string;
  ip: string | null;
  detail: Record<string, unknown>;
}

const SECRET_KEY = /pass(word|wd)?|secret|token|cookie|hash/i;

/** JSON of `detail` without any key that names a secret, at any depth. */
export function safeDetail(detail: Record<string, unknown> | undefined): string {
  return JSON.stringify(detail ?? {}, (key, value: unknown) =>
    key !== '' && SECRET_KEY.test(key) ? undefined : value,
  );
}

export async function writeAudit(db: Kysely<Database>, at: Date, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      user_name: entry.user,
      action: entry.action,
      ip: entry.ip,
      detail: safeDetail(entry.detail),
    })
    .execute();
}

export const AUDIT_PAGE_DEFAULT = 100;
export const AUDIT_PAGE_MAX = 500;

/** Newest first; `before` = an id from the previous page (entries with smaller ids follow). */
export async function readAudit(
  db: Kysely<Database>,
  page: { limit: number; before: number | null },
): Promise<StoredAuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(page.limit);
  if (page.before !== null) query = query.where('id', '<', page.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    user: r.user_name,
    action: r.action,
    ip: r.ip,
    detail: parseDetail(r.detail),
  }));
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { text };
  }
}
