/**
 * Password hashes: node:crypto scrypt (N=2^15, r=8, p=1, a 64-byte key, a 16-byte random salt),
 * stored as `scrypt$N$r$p$saltB64$hashB64`. Checking reads N, r and p from the stored string, so
 * a later change of cost keeps old hashes working. Comparison is constant-time.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 10;
/** Longer input is refused before hashing (no one types more; it bounds the work per request). */
export const MAX_PASSWORD_LENGTH = 1024;

const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 64;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // scrypt needs 128·N·r bytes (32 MiB at N=2^15), exactly Node's default ceiling: raise it.
  const maxmem = 256 * (options.N ?? COST.N) * (options.r ?? COST.r);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Does `password` match the stored hash? False (never a throw) for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  // Bounds keep a damaged row from asking for gigabytes.
  if (
    N === undefined ||
    r === undefined ||
    p === undefined ||
    !Number.isInteger(Math.log2(N)) ||
    N < 2 ||
    N > 2 ** 20 ||
    !(r >= 1 && r <= 32) ||
    !(p >= 1 && p <= 16)
  )
    return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length !== KEY_BYTES) return false;
  const key = await derive(password, salt, { N, r, p });
  return timingSafeEqual(key, expected);
}

/** Problems with a new password, or null; the same words in the CLI and anywhere else. */
export function passwordProblem(password: string): { zh: string; en: string } | null {
  const length = password.match(/./gsu)?.length ?? 0; // characters, not UTF-16 units
  if (length < MIN_PASSWORD_LENGTH)
    return {
      zh: `密码太短：至少需要 ${MIN_PASSWORD_LENGTH} 个字符（现为 ${length} 个）。`,
      en: `The password is too short: it needs at least ${MIN_PASSWORD_LENGTH} characters (it has ${length}).`,
    };
  if (password.length > MAX_PASSWORD_LENGTH)
    return {
      zh: `密码太长：最多 ${MAX_PASSWORD_LENGTH} 个字符。`,
      en: `The password is too long: at most ${MAX_PASSWORD_LENGTH} characters.`,
    };
  return null;
}
