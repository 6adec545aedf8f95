/**
 * The two engines the service runs on, for tests: SQLite in a temporary file, and the
 * PostgreSQL named by TEST_DATABASE_URL (started by scripts/start-postgres.sh; `.ci/run` does
 * this, so in CI a missing PostgreSQL is a failure, never a skip).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** An empty, migrated database of that engine; close() also removes what it made. */
export async function freshDatabase(
  engine: Engine,
  options: Omit<ConnectOptions, 'databaseUrl' | 'sqliteFile' | 'schema'> = {},
): Promise<Connection> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dashboard-db-'));
    const connection = await connect({ ...options, sqliteFile: join(dir, 'test.sqlite') });
    return {
      ...connection,
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
  return {
    ...connection,
    close: async () => {
      await connection.close();
      await admin(`drop schema ${schema} cascade`);
    },
  };
}
