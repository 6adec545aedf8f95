/**
 * Imports run one at a time, across processes and machines, on both engines: the importer
 * takes the lock, reads the current edition, works out its diff and writes, all in one
 * transaction, so an import can never be computed against an edition that another import is
 * replacing.
 *
 * - PostgreSQL: the single row of `import_lock`, taken with SELECT … FOR UPDATE, waited for at
 *   most `waitMs` (lock_timeout).
 * - SQLite: BEGIN IMMEDIATE takes the database's one write lock, waited for at most `waitMs`
 *   (busy_timeout). Readers are never blocked (WAL).
 *
 * When the wait runs out, ImportBusyError is thrown: the caller says that another import is
 * running, never the engine's raw "database is locked" or "lock timeout".
 */
import { SqliteAdapter, sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export class ImportBusyError extends Error {
  constructor(readonly waitMs: number) {
    super(`another import is running (waited ${waitMs} ms)`);
    this.name = 'ImportBusyError';
  }
}

const code = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';

/**
 * Run `work` inside a transaction that holds the import lock; commits when it returns. When
 * the lock is not free at once, `onWait` is called (to say so), then the wait goes on for up to
 * `waitMs`.
 */
export async function withImportLock<T>(
  db: Kysely<Database>,
  waitMs: number,
  work: (trx: Kysely<Database>) => Promise<T>,
  onWait?: () => void,
): Promise<T> {
  if (onWait && waitMs > 1) {
    try {
      return await locked(db, 1, work);
    } catch (error) {
      if (!(error instanceof ImportBusyError)) throw error;
      onWait();
    }
  }
  return locked(db, waitMs, work);
}

async function locked<T>(
  db: Kysely<Database>,
  waitMs: number,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const wait = Math.max(1, Math.round(waitMs));
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return db.connection().execute(async (conn) => {
    if (sqlite) {
      const before = await sql<{ timeout: number }>`pragma busy_timeout`.execute(conn);
      const restore = before.rows[0]?.timeout ?? 5000;
      await sql.raw(`pragma busy_timeout = ${wait}`).execute(conn);
      try {
        await sql`begin immediate`.execute(conn);
      } catch (error) {
        if (code(error).startsWith('SQLITE_BUSY')) throw new ImportBusyError(wait);
        throw error;
      } finally {
        await sql.raw(`pragma busy_timeout = ${restore}`).execute(conn);
      }
    } else {
      await sql`begin`.execute(conn);
      try {
        await sql.raw(`set local lock_timeout = ${wait}`).execute(conn);
        await sql`select id from import_lock where id = 1 for update`.execute(conn);
        await sql`set local lock_timeout to default`.execute(conn);
      } catch (error) {
        await sql`rollback`.execute(conn).catch(() => undefined);
        // 55P03 lock_not_available: the wait ran out.
        if (code(error) === '55P03') throw new ImportBusyError(wait);
        throw error;
      }
    }
    let result: T;
    try {
      result = await work(conn);
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
    try {
      await sql`commit`.execute(conn);
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
    return result;
  });
}
