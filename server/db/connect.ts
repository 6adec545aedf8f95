/**
 * One typed query layer (Kysely) over two engines: SQLite (better-sqlite3, one file, no set-up)
 * by default, PostgreSQL when a `postgres://` URL is given (DATABASE_URL). Everything above
 * this file is engine-neutral.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations';
import type { Database, Engine } from './schema';

export interface Connection {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for logs: the SQLite file, or the PostgreSQL URL without password. */
  where: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A postgres:// or postgresql:// URL; when set, sqliteFile is ignored. */
  databaseUrl?: string | undefined;
  /** Path of the SQLite file (created with its folder when missing), or ':memory:'. */
  sqliteFile?: string;
  /** Largest PostgreSQL pool per process. */
  poolSize?: number;
  /** PostgreSQL schema to work in (tests give each suite its own); default: the URL's. */
  schema?: string;
  /** PostgreSQL application_name (seen in pg_stat_activity); default PGAPPNAME or jindu-dashboard. */
  applicationName?: string;
  /** Give up opening a PostgreSQL connection after this long (the request then gets a 503). */
  connectTimeoutMs?: number;
  /** How long a SQLite reader waits for another process's lock before giving up. */
  sqliteBusyTimeoutMs?: number;
  /** Where lost PostgreSQL connections are reported; default stderr. */
  log?: (line: string) => void;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

/**
 * The database the commands use: PostgreSQL when DATABASE_URL is set, else the SQLite file from
 * `--db`, DASHBOARD_DB or data/dashboard.sqlite.
 */
export function connectConfigured(dbOption: string | undefined): Promise<Connection> {
  return connect({
    databaseUrl: process.env.DATABASE_URL,
    sqliteFile: dbOption ?? process.env.DASHBOARD_DB ?? 'data/dashboard.sqlite',
  });
}

/** Open the database and bring its schema up to date. */
export async function connect(options: ConnectOptions): Promise<Connection> {
  const url = options.databaseUrl?.trim();
  let connection: Connection;
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url))
      throw new Error(`DATABASE_URL must start with postgres:// or postgresql://`);
    // Integers we store fit in JS numbers; counts come back as bigint strings otherwise.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? process.env.PGAPPNAME ?? 'jindu-dashboard',
      // Without a limit a request waits for ever while the database host is unreachable.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // The database may close any connection at any time (pg_terminate_backend, a restart, a
    // failover, an idle timeout). An idle pooled client that loses its connection is emitted
    // as the pool's 'error' event — with no listener, Node ends the process. The pool has
    // already dropped that client; the next request opens a new connection, so log and go on.
    const log = options.log ?? ((line: string) => console.error(line));
    pool.on('error', (error: Error & { code?: string }) => {
      log(
        `PostgreSQL closed an idle connection (${error.code ?? 'no code'}: ${error.message}); ` +
          'the next request reconnects',
      );
    });
    // A checked-out client that loses its connection between two queries emits 'error' on
    // itself: the query that uses it next fails (503) and Kysely hands it back to the pool,
    // which discards it. Nothing to do here but keep the event from ending the process.
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    connection = { db, engine: 'postgres', where: redactUrl(url), close: () => db.destroy() };
  } else {
    const file = options.sqliteFile ?? 'data/dashboard.sqlite';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    let database: SQLite.Database;
    try {
      database = new SQLite(file);
      // WAL: readers never wait for the importer's transaction; NORMAL sync is safe with WAL.
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = NORMAL');
      database.pragma(
        `busy_timeout = ${Math.max(0, Math.trunc(options.sqliteBusyTimeoutMs ?? 5000))}`,
      );
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot use the SQLite file ${file}: ${cause}`, { cause: error });
    }
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    connection = { db, engine: 'sqlite', where: file, close: () => db.destroy() };
  }
  try {
    // The migrator's bookkeeping lives in the schema the data lives in: without one named, it
    // would take another schema's kysely_migration table (another app's, a test's) for its own.
    const schema =
      connection.engine === 'postgres'
        ? (options.schema ??
          (await sql<{ schema: string }>`select current_schema() as schema`.execute(connection.db))
            .rows[0]?.schema)
        : undefined;
    await migrateToLatest(connection.db as unknown as Kysely<unknown>, connection.engine, schema);
  } catch (error) {
    await connection.close().catch(() => undefined);
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(
      connection.engine === 'postgres'
        ? `Cannot use the PostgreSQL database ${connection.where}: ${cause}`
        : `Cannot use the SQLite file ${connection.where}: ${cause}`,
      { cause: error },
    );
  }
  return connection;
}
