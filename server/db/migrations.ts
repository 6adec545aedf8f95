/**
 * Schema migrations, in code so that they ship inside the service and run at start-up
 * (Kysely's Migrator records which ones ran in its own table). Append new migrations; never
 * edit one that has shipped.
 */
import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { pathDepth } from './region-paths';
import type { Engine } from './schema';

function migrations(engine: Engine): Record<string, Migration> {
  const serial = engine === 'postgres' ? 'serial' : 'integer';
  return {
    '001-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('editions')
          .addColumn('id', serial, (c) =>
            engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('as_of', 'text', (c) => c.notNull())
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('checksum', 'text', (c) => c.notNull())
          .addColumn('imported_at', 'text', (c) => c.notNull())
          .addColumn('title_zh', 'text', (c) => c.notNull())
          .addColumn('title_en', 'text', (c) => c.notNull())
          .addColumn('source_zh', 'text', (c) => c.notNull())
          .addColumn('source_en', 'text', (c) => c.notNull())
          .addColumn('first_year', 'integer', (c) => c.notNull())
          .addColumn('last_year', 'integer', (c) => c.notNull())
          .addColumn('regions', 'integer', (c) => c.notNull())
          .addColumn('indicators', 'integer', (c) => c.notNull())
          .addColumn('observations', 'integer', (c) => c.notNull())
          .addColumn('rankings', 'integer', (c) => c.notNull())
          .addColumn('cells_added', 'integer', (c) => c.notNull())
          .addColumn('cells_changed', 'integer', (c) => c.notNull())
          .addColumn('cells_removed', 'integer', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('regions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('level', 'text', (c) => c.notNull())
          .addColumn('parent', 'text')
          .addColumn('path', 'text', (c) => c.notNull())
          .addColumn('name_zh', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('campaigns')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('name_zh', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text', (c) => c.notNull())
          .addColumn('start_year', 'integer', (c) => c.notNull())
          .addColumn('end_year', 'integer', (c) => c.notNull())
          .addColumn('baseline_year', 'integer', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('programmes')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('name_zh', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('indicators')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('name_zh', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text', (c) => c.notNull())
          .addColumn('unit', 'text', (c) => c.notNull())
          .addColumn('unit_label_zh', 'text')
          .addColumn('unit_label_en', 'text')
          .addColumn('decimals', 'integer', (c) => c.notNull())
          .addColumn('better', 'text', (c) => c.notNull())
          .addColumn('programme', 'text')
          .addColumn('headline', 'integer', (c) => c.notNull())
          .addColumn('description_zh', 'text')
          .addColumn('description_en', 'text')
          .execute();

        await db.schema
          .createTable('assessments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('name_zh', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text', (c) => c.notNull())
          .addColumn('scope', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('observations')
          .addColumn('indicator', 'text', (c) => c.notNull())
          .addColumn('region', 'text', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('value', 'double precision')
          .addColumn('target', 'double precision')
          .addColumn('provisional', 'integer', (c) => c.notNull())
          .addColumn('note_zh', 'text')
          .addColumn('note_en', 'text')
          .addPrimaryKeyConstraint('observations_pk', ['indicator', 'region', 'year'])
          .execute();
        // The contract's filters: indicator list (the primary key's prefix), region subtree
        // (joined through regions.path, then by region), year bounds; output in workbook order.
        await db.schema
          .createIndex('observations_region')
          .on('observations')
          .columns(['region', 'indicator', 'year'])
          .execute();
        await db.schema.createIndex('observations_seq').on('observations').column('seq').execute();

        await db.schema
          .createTable('rankings')
          .addColumn('assessment', 'text', (c) => c.notNull())
          .addColumn('year', 'integer', (c) => c.notNull())
          .addColumn('region', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('rank', 'integer', (c) => c.notNull())
          .addColumn('of', 'integer', (c) => c.notNull())
          .addColumn('score', 'double precision')
          .addPrimaryKeyConstraint('rankings_pk', ['assessment', 'year', 'region'])
          .execute();
        await db.schema.createIndex('regions_path').on('regions').column('path').execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of [
          'rankings',
          'observations',
          'assessments',
          'indicators',
          'programmes',
          'campaigns',
          'regions',
          'editions',
        ])
          await db.schema.dropTable(table).execute();
      },
    },
    // One row that an import holds (SELECT … FOR UPDATE on PostgreSQL) while it reads the
    // current edition, diffs and writes: imports from any process run one at a time.
    '002-import-lock': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('import_lock')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .execute();
        await sql`insert into import_lock (id) values (1)`.execute(db);
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('import_lock').execute();
      },
    },
    // Contract revision 1.1: region validity years and depth, indicator aggregation, observation
    // status, an assessment scope that may be null plus its name, better and score decimals.
    // Every new column is nullable (or backfilled), so an old database keeps serving exactly
    // what it served; the depth of each region is worked out from its stored path.
    '003-revision-11': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('regions').addColumn('valid_from', 'integer').execute();
        await db.schema.alterTable('regions').addColumn('valid_to', 'integer').execute();
        await db.schema
          .alterTable('regions')
          .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        const regions = await sql<{
          id: string;
          path: string;
        }>`select id, path from regions`.execute(db);
        for (const r of regions.rows)
          await sql`update regions set depth = ${pathDepth(r.path)} where id = ${r.id}`.execute(db);

        await db.schema.alterTable('indicators').addColumn('aggregation', 'text').execute();
        await db.schema.alterTable('observations').addColumn('status', 'text').execute();

        if (engine === 'postgres') {
          await sql`alter table assessments alter column scope drop not null`.execute(db);
          for (const column of ['scope_name_zh', 'scope_name_en', 'better'])
            await db.schema.alterTable('assessments').addColumn(column, 'text').execute();
          await db.schema
            .alterTable('assessments')
            .addColumn('score_decimals', 'integer')
            .execute();
          return;
        }
        // SQLite cannot drop a NOT NULL: the table is rebuilt with the same rows.
        await db.schema
          .createTable('assessments_11')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('name_zh', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text', (c) => c.notNull())
          .addColumn('scope', 'text')
          .addColumn('scope_name_zh', 'text')
          .addColumn('scope_name_en', 'text')
          .addColumn('better', 'text')
          .addColumn('score_decimals', 'integer')
          .execute();
        await sql`insert into assessments_11 (id, seq, name_zh, name_en, scope)
                  select id, seq, name_zh, name_en, scope from assessments`.execute(db);
        await db.schema.dropTable('assessments').execute();
        await db.schema.alterTable('assessments_11').renameTo('assessments').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('regions').dropColumn('valid_from').execute();
        await db.schema.alterTable('regions').dropColumn('valid_to').execute();
        await db.schema.alterTable('regions').dropColumn('depth').execute();
        await db.schema.alterTable('indicators').dropColumn('aggregation').execute();
        await db.schema.alterTable('observations').dropColumn('status').execute();
        for (const column of ['scope_name_zh', 'scope_name_en', 'better', 'score_decimals'])
          await db.schema.alterTable('assessments').dropColumn(column).execute();
      },
    },
    // Issue 14, the data-keeper area: accounts (scrypt hashes), sessions (only the SHA-256 of
    // the cookie's token is stored), the audit log (never deleted by the app) and failed
    // sign-ins (for the lockout per name and per client IP; rows older than the window go).
    // Times are ISO 8601 UTC text, like editions.imported_at, so both engines compare them as
    // strings.
    '004-accounts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_sign_in_at', 'text')
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_name', 'text', (c) => c.notNull())
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_seen_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_name').execute();
        await db.schema
          .createTable('audit_log')
          .addColumn('id', serial, (c) =>
            engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('user_name', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('ip', 'text')
          .addColumn('detail', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sign_in_failures')
          .addColumn('id', serial, (c) =>
            engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('name_key', 'text', (c) => c.notNull())
          .addColumn('ip', 'text')
          .execute();
        await db.schema
          .createIndex('sign_in_failures_name')
          .on('sign_in_failures')
          .columns(['name_key', 'at'])
          .execute();
        await db.schema
          .createIndex('sign_in_failures_ip')
          .on('sign_in_failures')
          .columns(['ip', 'at'])
          .execute();
        await db.schema
          .createIndex('sign_in_failures_at')
          .on('sign_in_failures')
          .column('at')
          .execute();
      },
      async down(db: Kysely<unknown>) {
        for (const table of ['sign_in_failures', 'audit_log', 'sessions', 'users'])
          await db.schema.dropTable(table).execute();
      },
    },
    // Issue 14: every edition keeps the data it stored (the wire dataset as canonical JSON,
    // gzipped), so that any two can be compared and an earlier one stored again (roll back);
    // who imported it (null: from the command line, or before accounts) and, for a roll back,
    // which edition it restored. Editions stored before this migration have no snapshot: they
    // stay listed, not restorable.
    '005-edition-snapshots': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('edition_snapshots')
          .addColumn('edition_id', 'integer', (c) => c.primaryKey())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('data', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
          .execute();
        await db.schema.alterTable('editions').addColumn('imported_by', 'text').execute();
        await db.schema.alterTable('editions').addColumn('rolled_back_from', 'integer').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('edition_snapshots').execute();
        await db.schema.alterTable('editions').dropColumn('imported_by').execute();
        await db.schema.alterTable('editions').dropColumn('rolled_back_from').execute();
      },
    },
  };
}

class CodeMigrations implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(migrations(this.engine));
  }
}

/** Bring the schema up to date; throws with the failing migration's name and cause. */
export async function migrateToLatest(
  db: Kysely<unknown>,
  engine: Engine,
  schema?: string,
): Promise<string[]> {
  // With a PostgreSQL schema of its own, the migrator's bookkeeping tables live there too
  // (otherwise it finds another schema's tables through introspection and skips its own).
  const migrator = new Migrator({
    db,
    provider: new CodeMigrations(engine),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined) {
    const cause = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(failed ? `schema migration ${failed.migrationName} failed: ${cause}` : cause);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Bring the schema up to (and including) the named migration: for tests of old databases. */
export async function migrateUpTo(
  db: Kysely<unknown>,
  engine: Engine,
  name: string,
  schema?: string,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new CodeMigrations(engine),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateTo(name);
  if (error !== undefined)
    throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
}
