/**
 * `npm run user` as a process (tsx), on SQLite and PostgreSQL: add, passwd, remove, list, their
 * exit codes, that the password never shows in the output or the database, and (on a
 * pseudo-terminal) that a typed password is not echoed.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../test/databases';
import type { TestDatabase } from '../test/databases';
import { findAccount } from '../admin/auth/accounts';
import { recordFailure } from '../admin/auth/lockout';
import { verifyPassword } from '../admin/auth/passwords';
import { createSession } from '../admin/auth/sessions';

const TSX = 'node_modules/tsx/dist/cli.mjs';
const FIRST = 'first-secret-pass';
const SECOND = 'second-secret-pass';

describe.each(engines)('npm run user on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  const run = (args: string[], input = '') => {
    const r = spawnSync(process.execPath, [TSX, 'server/cli/user.ts', ...args, '--lang', 'en'], {
      env: { ...process.env, ...database.env, LANG: 'C' },
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    // Whatever happened, no password is ever printed.
    for (const secret of [FIRST, SECOND]) expect(r.stdout + r.stderr).not.toContain(secret);
    return r;
  };

  it('adds an account from a piped line, refuses a taken name and a short password', async () => {
    const added = run(['add', 'clerk'], `${FIRST}\n`);
    expect([added.status, added.stdout.trim()]).toEqual([0, 'Added the user clerk.']);
    const account = await findAccount(database.db, 'clerk');
    expect(account?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(FIRST, account?.passwordHash ?? '')).toBe(true);

    const taken = run(['add', 'clerk'], `${SECOND}\n`);
    expect([taken.status, taken.stderr.trim()]).toEqual([1, 'The user clerk already exists.']);
    const short = run(['add', 'bob'], 'short-one\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain(
      'The password is too short: it needs at least 10 characters (it has 9).',
    );
    const empty = run(['add', 'bob']);
    expect([empty.status, empty.stderr.trim()]).toEqual([1, 'No password was given.']);
    expect(await findAccount(database.db, 'bob')).toBeNull();
    const badName = run(['add', 'two words'], `${FIRST}\n`);
    expect(badName.status).toBe(1);
  });

  it('exits 2 on a usage error', () => {
    for (const args of [['frob'], ['add'], ['list', 'extra'], ['--bogus']]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: npm run user -- add NAME');
    }
  });

  it('lists accounts: created, last sign-in, locked', async () => {
    run(['add', 'keeper'], `${FIRST}\n`);
    const now = new Date();
    for (let i = 0; i < 5; i++) await recordFailure(database.db, 'keeper', '192.0.2.9', now);
    const list = run(['list']);
    expect(list.status).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines[0]).toBe('name\tcreated\tlast sign-in\tlocked');
    expect(lines[1]).toMatch(/^clerk\t\d{4}-\d\d-\d\d \d\d:\d\d UTC\t—\tno$/);
    expect(lines[2]).toMatch(/^keeper\t.*\t—\tyes, until \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  });

  it('changes a password: the old one stops working, sessions end, the lock lifts', async () => {
    await createSession(database.db, 'keeper', new Date(), { idleMs: 60_000, maxMs: 60_000 });
    const changed = run(['passwd', 'keeper'], `${SECOND}\n`);
    expect(changed.status).toBe(0);
    const hash = (await findAccount(database.db, 'keeper'))?.passwordHash ?? '';
    expect(await verifyPassword(SECOND, hash)).toBe(true);
    expect(await verifyPassword(FIRST, hash)).toBe(false);
    const sessions = await database.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_name', '=', 'keeper')
      .execute();
    expect(sessions).toEqual([]);
    expect(run(['list']).stdout).toMatch(/^keeper\t.*\tno$/m);
    const missing = run(['passwd', 'nobody'], `${SECOND}\n`);
    expect([missing.status, missing.stderr.trim()]).toEqual([1, 'There is no user nobody.']);
    expect(run(['passwd', 'keeper'], 'too-short\n').status).toBe(1);
  });

  it('removes an account and its sessions; a second remove is an error', async () => {
    await createSession(database.db, 'clerk', new Date(), { idleMs: 60_000, maxMs: 60_000 });
    const removed = run(['remove', 'clerk']);
    expect(removed.status).toBe(0);
    expect(await findAccount(database.db, 'clerk')).toBeNull();
    const sessions = await database.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_name', '=', 'clerk')
      .execute();
    expect(sessions).toEqual([]);
    expect(run(['remove', 'clerk']).status).toBe(1);
    expect(run(['list']).stdout).not.toMatch(/^clerk\t/m);
  });

  it('writes each change to the audit log, without the password', async () => {
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.map((r) => [r.action, (JSON.parse(r.detail) as { name: string }).name])).toEqual([
      ['account-added', 'clerk'],
      ['account-added', 'keeper'],
      ['password-changed', 'keeper'],
      ['account-removed', 'clerk'],
    ]);
    const everything = JSON.stringify([
      rows,
      await database.db.selectFrom('users').selectAll().execute(),
    ]);
    for (const secret of [FIRST, SECOND]) expect(everything).not.toContain(secret);
  });

  it.runIf(engine === 'sqlite')(
    'on a terminal asks twice with echo off, and refuses two different entries',
    () => {
      const typed = (answers: string[]) => {
        const pairs = answers.flatMap((a, i) => [i === 0 ? 'New password: ' : 'Once more: ', a]);
        const r = spawnSync(
          'python3',
          [
            'server/test/pty-answer.py',
            ...pairs,
            '--',
            process.execPath,
            TSX,
            'server/cli/user.ts',
            'add',
            'typist',
            '--lang',
            'en',
          ],
          { env: { ...process.env, ...database.env }, encoding: 'utf8', timeout: 60_000 },
        );
        return { status: r.status, transcript: JSON.parse(r.stdout || '""') as string };
      };
      const differ = typed([FIRST, SECOND]);
      expect(differ.status).toBe(1);
      expect(differ.transcript).toContain('The two entries differ.');
      const ok = typed([FIRST, FIRST]);
      expect(ok.status).toBe(0);
      expect(ok.transcript).toMatch(/New password: \r\nOnce more: \r\nAdded the user typist\./);
      for (const t of [differ.transcript, ok.transcript]) expect(t).not.toContain(FIRST);
    },
  );
});
