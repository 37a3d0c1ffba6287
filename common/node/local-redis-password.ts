import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Name of the file, in the local Redis's data folder, that holds its password. */
export const REDIS_PASSWORD_FILE = 'password';

/**
 * The password of the redis-server `npm start` runs under `dir` (DATA_DIR/redis): made on first start
 * (256 random bits) and kept in `dir/password`, readable by the owner only (0600), so a restart, and
 * the servers and workers it starts, use the same one. The folder is made owner-only (0700) too.
 * The local PostgreSQL's password is made the same way, in DATA_DIR/postgres (`what` names it in errors).
 */
export function localRedisPassword(dir: string, what = 'Redis'): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, REDIS_PASSWORD_FILE);
  try {
    // 'wx': never overwrite a password another start wrote a moment ago.
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // An older or hand-made file may have been readable by others.
  fs.chmodSync(file, 0o600);
  const password = fs.readFileSync(file, 'utf8').trim();
  if (password.length < 16) throw new Error(`${file} holds no usable ${what} password: delete it and start again to make a new one`);
  return password;
}

/** The URL with the password in it (what the processes `npm start` launches connect with); never log it. */
export function withPassword(url: string, password: string): string {
  const withAuth = new URL(url);
  withAuth.password = encodeURIComponent(password);
  return withAuth.toString().replace(/\/$/, '');
}
