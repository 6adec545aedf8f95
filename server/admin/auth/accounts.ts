/**
 * Accounts in the database, for the CLI (`npm run user`) and the sign-in route. Removing an
 * account or changing its password ends its sessions and clears its failed sign-ins.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { nameKey } from './lockout';
import { hashPassword } from './passwords';

export const MAX_NAME_LENGTH = 64;

/** Why a name cannot be an account name, or null: 1–64 visible characters, no spaces. */
export function nameProblem(name: string): { zh: string; en: string } | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || /[\s\u0000-\u001f\u007f]/u.test(name))
    return {
      zh: `用户名须为 1 至 ${MAX_NAME_LENGTH} 个字符，不含空格或控制字符。`,
      en: `A user name has 1 to ${MAX_NAME_LENGTH} characters, with no spaces or control characters.`,
    };
  return null;
}

export interface Account {
  name: string;
  createdAt: string;
  lastSignInAt: string | null;
}

export async function findAccount(
  db: Kysely<Database>,
  name: string,
): Promise<(Account & { passwordHash: string }) | null> {
  const row = await db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
  return row
    ? {
        name: row.name,
        createdAt: row.created_at,
        lastSignInAt: row.last_sign_in_at,
        passwordHash: row.password_hash,
      }
    : null;
}

/** False when the name is taken. */
export async function addAccount(
  db: Kysely<Database>,
  name: string,
  password: string,
  now: Date,
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  if (await findAccount(db, name)) return false;
  const inserted = await db
    .insertInto('users')
    .values({
      name,
      password_hash: passwordHash,
      created_at: now.toISOString(),
      last_sign_in_at: null,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** False when there is no such account. Ends the account's sessions and lifts a lockout. */
export async function setPassword(
  db: Kysely<Database>,
  name: string,
  password: string,
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('name', '=', name)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom('sessions').where('user_name', '=', name).execute();
    await trx.deleteFrom('sign_in_failures').where('name_key', '=', nameKey(name)).execute();
    return true;
  });
}

/** False when there is no such account. Ends the account's sessions. */
export async function removeAccount(db: Kysely<Database>, name: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('users').where('name', '=', name).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) return false;
    await trx.deleteFrom('sessions').where('user_name', '=', name).execute();
    await trx.deleteFrom('sign_in_failures').where('name_key', '=', nameKey(name)).execute();
    return true;
  });
}

export async function listAccounts(db: Kysely<Database>): Promise<Account[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    createdAt: r.created_at,
    lastSignInAt: r.last_sign_in_at,
  }));
}
