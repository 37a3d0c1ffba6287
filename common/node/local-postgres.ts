import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The sentence `npm start` and the tests print when PostgreSQL's server programs are missing. */
export const POSTGRES_MISSING =
  'Rosette needs PostgreSQL and its server programs (initdb, pg_ctl) are not installed: install them with "sudo apt-get install postgresql" (Debian/Ubuntu) or "brew install postgresql@16" (macOS), or set DATABASE_URL to a PostgreSQL you run.';

/** Where Debian and Ubuntu put each installed major version's programs. */
const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

/**
 * The folder holding initdb and pg_ctl: the newest version under /usr/lib/postgresql (Debian's
 * `postgresql` package keeps them off the PATH), else the PATH's; null when there is none.
 */
export function postgresBinDir(): string | null {
  if (fs.existsSync(DEBIAN_POSTGRES_ROOT)) {
    const versions = fs
      .readdirSync(DEBIAN_POSTGRES_ROOT)
      .filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(DEBIAN_POSTGRES_ROOT, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(DEBIAN_POSTGRES_ROOT, versions[0], 'bin');
  }
  const found = spawnSync('/bin/sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? path.dirname(found.stdout.trim()) : null;
}

export interface LocalPostgresOptions {
  port: number;
  /** Folder of the cluster's files (made by initdb on first start). Its parent must exist. */
  dataDir: string;
  /** The superuser initdb makes; Rosette connects as it. */
  user: string;
  /**
   * Password of `user`, required over TCP (scram-sha-256); it reaches initdb through a file readable by
   * the server's user only, never a command line. None: every local connection is trusted (tests only).
   */
  password?: string;
  /** Durability off (fsync, full-page writes): for tests' throw-away clusters only. */
  fast?: boolean;
}

/**
 * A PostgreSQL server this process started, on 127.0.0.1 only, in a folder of its own. PostgreSQL
 * refuses to run as root: when this process is root (CI containers), the cluster belongs to `nobody`
 * and initdb and pg_ctl run as that user (runuser).
 */
export class LocalPostgres {
  constructor(readonly options: LocalPostgresOptions) {}

  static isInstalled(): boolean {
    return postgresBinDir() !== null;
  }

  /** Where to connect, with the password when there is one (do not log it). */
  url(database = 'postgres'): string {
    const { port, user, password } = this.options;
    const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user);
    return `postgres://${auth}@127.0.0.1:${port}/${database}`;
  }

  /** Whether initdb has already made the cluster. */
  get initialised(): boolean {
    return fs.existsSync(path.join(this.options.dataDir, 'PG_VERSION'));
  }

  /** Makes the cluster when there is none, starts the server and waits until it takes connections. */
  async start(): Promise<void> {
    const bin = postgresBinDir();
    if (!bin) throw new Error(POSTGRES_MISSING);
    const { dataDir, user, password, port, fast } = this.options;
    if (!this.initialised) {
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      giveToServerUser(dataDir);
      const args = ['-D', dataDir, '-U', user, '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions'];
      let pwfile: string | null = null;
      if (password !== undefined) {
        // A file of its own, readable only by the user initdb runs as, removed at once.
        pwfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-pw-')), 'pw');
        fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
        giveToServerUser(path.dirname(pwfile));
        giveToServerUser(pwfile);
        args.push('--pwfile', pwfile, '--auth-host=scram-sha-256', '--auth-local=scram-sha-256');
      } else {
        args.push('--auth=trust');
      }
      if (fast) args.push('--no-sync');
      const init = await run(path.join(bin, 'initdb'), args);
      if (pwfile) fs.rmSync(path.dirname(pwfile), { recursive: true, force: true });
      if (init.code !== 0) throw new Error(`initdb failed: ${init.output.trim().split('\n').slice(-3).join(' ')}`);
    }
    // Loopback only, TCP only (no socket file in a system folder we may not own).
    const settings = [`-c listen_addresses=127.0.0.1`, `-p ${port}`, `-c unix_socket_directories=''`];
    if (fast) settings.push('-c fsync=off', '-c full_page_writes=off', '-c synchronous_commit=off');
    const started = await run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-w', '-t', '60', '-o', settings.join(' '), 'start']);
    if (started.code !== 0) throw new Error(`PostgreSQL did not start on port ${port} (is it free?): ${started.output.trim().split('\n').slice(-2).join(' ')}`);
  }

  /** Stops the server: `fast` (the clients are cut off, it shuts down cleanly) or `immediate` (as a crash). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    const bin = postgresBinDir();
    if (!bin || !fs.existsSync(path.join(this.options.dataDir, 'postmaster.pid'))) return;
    await run(path.join(bin, 'pg_ctl'), ['-D', this.options.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }
}

/** The account PostgreSQL runs as when this process is root. */
const SERVER_USER = 'nobody';

/** Hands a file or folder to the user the server runs as (only when that is not us: we are root). */
function giveToServerUser(file: string): void {
  if (process.getuid?.() !== 0) return;
  const uid = Number(spawnSync('id', ['-u', SERVER_USER], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', SERVER_USER], { encoding: 'utf8' }).stdout.trim());
  fs.chownSync(file, uid, gid);
}

/** Runs a PostgreSQL program (as SERVER_USER when we are root), collecting what it says. */
function run(program: string, args: string[]): Promise<{ code: number; output: string }> {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', SERVER_USER, '--', program, ...args]] : [program, args];
  return new Promise((resolve) => {
    // cwd: a folder every user may enter (runuser keeps ours, which `nobody` may not be able to read).
    const child = spawn(cmd, argv, { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', (err) => resolve({ code: 1, output: err.message }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Whether something speaks PostgreSQL at this URL's host and port within half a second (an SSLRequest
 * answered with one byte, `S` or `N`): no client library, no credentials, no reconnect timers.
 */
export function answersPostgres(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 5432) });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 500);
    socket.on('error', () => done(false));
    // SSLRequest: length 8, code 80877103.
    socket.on('connect', () => socket.write(Buffer.from([0, 0, 0, 8, 4, 210, 22, 47])));
    socket.on('data', (chunk) => done(chunk.length >= 1 && (chunk[0] === 0x53 || chunk[0] === 0x4e)));
  });
}

/**
 * A throw-away PostgreSQL for benches and the drill: a cluster in `dir` on a free loopback port with
 * durability off and trusted local connections, and a `rosette` database; `url` is DATABASE_URL.
 */
export async function startThrowawayPostgres(dir: string, port: number): Promise<{ url: string; server: LocalPostgres }> {
  fs.mkdirSync(dir, { recursive: true });
  // As root, the cluster belongs to `nobody` (see LocalPostgres), who must be able to enter `dir` and
  // its parent (every caller's own mkdtemp folder, made 0700).
  if (process.getuid?.() === 0) for (const folder of [path.dirname(dir), dir]) fs.chmodSync(folder, 0o755);
  const server = new LocalPostgres({ port, dataDir: path.join(dir, 'data'), user: 'rosette', fast: true });
  await server.start();
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  try {
    await admin.query('create database rosette');
  } finally {
    await admin.end();
  }
  return { url: server.url('rosette'), server };
}
