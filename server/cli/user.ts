/**
 * `npm run user -- add NAME | passwd NAME | remove NAME | list  [--db FILE] [--lang zh|en]`
 * Accounts of the data-keeper area (数据管理). The password is asked for twice with echo off on
 * a terminal; when stdin is not a terminal its first line is the password, e.g.
 * `printf 'secret-pass\n' | npm run user -- add clerk`. Passwords are never printed or logged.
 * `passwd` and `remove` also end the account's sessions (and `passwd` lifts a lockout).
 * Uses DATABASE_URL when it is set, like `npm run import`. Every change is written to the
 * audit log. Exit codes: 0 done, 1 refused or failed (name taken, no such account, password
 * too short, the two entries differ), 2 usage.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { connectConfigured } from '../db/connect';
import {
  addAccount,
  findAccount,
  listAccounts,
  nameProblem,
  removeAccount,
  setPassword,
} from '../admin/auth/accounts';
import { writeAudit } from '../admin/auth/audit';
import { nameLockedUntil } from '../admin/auth/lockout';
import { passwordProblem } from '../admin/auth/passwords';
import { readPassword } from './read-password';

type Lang = 'zh' | 'en';

class Refused extends Error {}

const say = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

function usage(lang: Lang): string {
  return say(
    lang,
    '用法：npm run user -- add 用户名 | passwd 用户名 | remove 用户名 | list  [--db 文件] [--lang en]',
    'usage: npm run user -- add NAME | passwd NAME | remove NAME | list  [--db FILE] [--lang en]',
  );
}

/** The new password: typed twice on a terminal, else the first line of stdin. */
async function newPassword(lang: Lang): Promise<string> {
  const interactive = process.stdin.isTTY;
  const first = await readPassword(say(lang, '新密码：', 'New password: '));
  if (first === null) throw new Refused(say(lang, '没有读到密码。', 'No password was given.'));
  const problem = passwordProblem(first);
  if (problem) throw new Refused(problem[lang]);
  if (interactive) {
    const second = await readPassword(say(lang, '再输入一次：', 'Once more: '));
    if (second !== first)
      throw new Refused(say(lang, '两次输入的密码不一致。', 'The two entries differ.'));
  }
  return first;
}

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');

async function main(): Promise<number> {
  let parsed;
  const args = process.argv.slice(2);
  // Read before parsing, so that a usage error is reported in the language asked for.
  const langArg = args.find((a, i) => a.startsWith('--lang=') || args[i - 1] === '--lang');
  const envEn =
    langArg === undefined
      ? (process.env.LC_ALL ?? process.env.LANG ?? '').toLowerCase().startsWith('en')
      : langArg.replace('--lang=', '') === 'en';
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { db: { type: 'string' }, lang: { type: 'string' } },
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(usage(envEn ? 'en' : 'zh'));
    return 2;
  }
  const { values, positionals } = parsed;
  const lang: Lang = values.lang === 'en' || (values.lang === undefined && envEn) ? 'en' : 'zh';
  const [command, name, ...rest] = positionals;
  const needsName = command === 'add' || command === 'passwd' || command === 'remove';
  if (
    rest.length > 0 ||
    !(needsName || command === 'list') ||
    (needsName ? name === undefined : name !== undefined)
  ) {
    console.error(usage(lang));
    return 2;
  }
  if (name !== undefined) {
    const problem = nameProblem(name);
    if (problem) {
      console.error(problem[lang]);
      return 1;
    }
  }
  const connection = await connectConfigured(values.db);
  const db = connection.db;
  const now = new Date();
  const audit = (action: string) =>
    writeAudit(db, now, {
      user: null,
      action,
      ip: null,
      detail: { name, by: 'cli', osUser: safeOsUser() },
    });
  try {
    if (command === 'list') {
      const accounts = await listAccounts(db);
      if (accounts.length === 0) {
        console.log(say(lang, '（还没有账户）', '(no accounts yet)'));
        return 0;
      }
      const header = say(
        lang,
        '用户名\t创建时间\t最近登录\t锁定',
        'name\tcreated\tlast sign-in\tlocked',
      );
      const rows = [header];
      for (const a of accounts) {
        const locked = await nameLockedUntil(db, a.name, now);
        rows.push(
          [
            a.name,
            when(a.createdAt),
            when(a.lastSignInAt),
            locked
              ? say(
                  lang,
                  `是，至 ${when(locked.toISOString())}`,
                  `yes, until ${when(locked.toISOString())}`,
                )
              : say(lang, '否', 'no'),
          ].join('\t'),
        );
      }
      for (const line of rows) console.log(line);
      return 0;
    }
    if (name === undefined) return 2;
    // Say "taken" or "no such user" before anyone types a password for nothing.
    const exists = (await findAccount(db, name)) !== null;
    if (command === 'add' && exists)
      throw new Refused(say(lang, `用户 ${name} 已存在。`, `The user ${name} already exists.`));
    if (command !== 'add' && !exists)
      throw new Refused(say(lang, `没有用户 ${name}。`, `There is no user ${name}.`));
    const password = command === 'remove' ? null : await newPassword(lang);
    if (command === 'add') {
      if (!(await addAccount(db, name, password ?? '', now)))
        throw new Refused(say(lang, `用户 ${name} 已存在。`, `The user ${name} already exists.`));
      await audit('account-added');
      console.log(say(lang, `已创建用户 ${name}。`, `Added the user ${name}.`));
      return 0;
    }
    const done =
      command === 'passwd'
        ? await setPassword(db, name, password ?? '')
        : await removeAccount(db, name);
    if (!done) throw new Refused(say(lang, `没有用户 ${name}。`, `There is no user ${name}.`));
    await audit(command === 'passwd' ? 'password-changed' : 'account-removed');
    console.log(
      command === 'passwd'
        ? say(
            lang,
            `已更改 ${name} 的密码；其已登录的会话均已退出。`,
            `Changed the password of ${name}; their sessions have been signed out.`,
          )
        : say(
            lang,
            `已删除用户 ${name}，其会话均已退出。`,
            `Removed the user ${name} and signed out their sessions.`,
          ),
    );
    return 0;
  } finally {
    await connection.close();
  }
}

function safeOsUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
