/**
 * The two engines the service runs on, for tests: SQLite in a temporary file, and the
 * PostgreSQL named by TEST_DATABASE_URL (started by scripts/start-postgres.sh; `.ci/run` does
 * this, so in CI a missing PostgreSQL is a failure, never a skip).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { connect } from '../db/connect';
import type { Connection, ConnectOptions } from '../db/connect';
import type { Engine } from '../db/schema';

export const postgresUrl = process.env.TEST_DATABASE_URL?.trim() || null;

if (!postgresUrl && process.env.CI)
  throw new Error(
    'TEST_DATABASE_URL is not set: CI must run the PostgreSQL suite (see scripts/start-postgres.sh)',
  );

/** Engines to run a suite on: both when PostgreSQL is available, else SQLite only. */
export const engines: Engine[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** A test database: a connection, and how to reach the same data again. */
export interface TestDatabase extends Connection {
  /** Environment for a command run as a child process, so it uses this same database. */
  env: Record<string, string>;
  /** Another connection (its own pool or SQLite handle) to the same database. */
  reopen(): Promise<Connection>;
}

/** An empty, migrated database of that engine; close() also removes what it made. */
export async function freshDatabase(
  engine: Engine,
  options: Omit<ConnectOptions, 'databaseUrl' | 'sqliteFile' | 'schema'> = {},
): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-db-'));
    const sqliteFile = join(dir, 'test.sqlite');
    const connection = await connect({ ...options, sqliteFile });
    return {
      ...connection,
      env: { DATABASE_URL: '', DASHBOARD_DB: sqliteFile },
      reopen: () => connect({ sqliteFile }),
      close: async () => {
        await connection.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error('no TEST_DATABASE_URL for the PostgreSQL suite');
  // Test files run in parallel on one database: each gets its own schema, dropped on close.
  const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  const connection = await connect({ poolSize: 4, ...options, databaseUrl: postgresUrl, schema });
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  url.searchParams.set('application_name', schema);
  return {
    ...connection,
    env: { DATABASE_URL: url.toString() },
    reopen: () => connect({ databaseUrl: postgresUrl, poolSize: 4, schema }),
    close: async () => {
      await connection.close();
      await admin(`drop schema ${schema} cascade`);
    },
  };
}

/**
 * A database of the engine with no migration run, for tests of migrations on older shapes
 * (a PostgreSQL schema of its own, or a temporary SQLite file); close() removes it.
 */
export async function bareDatabase<DB = unknown>(
  engine: Engine,
): Promise<{ db: Kysely<DB>; schema: string | undefined; close: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-bare-'));
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: new SQLite(join(dir, 'old.sqlite')) }),
    });
    return {
      db,
      schema: undefined,
      close: async () => {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error('no TEST_DATABASE_URL for the PostgreSQL suite');
  const schema = `test_bare_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const pool = new pg.Pool({
    connectionString: postgresUrl,
    max: 3,
    options: `-c search_path=${schema}`,
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await sql.raw(`create schema ${schema}`).execute(db);
  return {
    db,
    schema,
    close: async () => {
      await sql.raw(`drop schema ${schema} cascade`).execute(db);
      await db.destroy();
    },
  };
}
