import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The sentence `npm start` and the tests print when redis-server is missing. */
export const REDIS_MISSING =
  'Rosette needs Redis and redis-server is not installed: install it with "sudo apt-get install redis-server" (Debian/Ubuntu) or "brew install redis" (macOS), or set REDIS_URL to a Redis you run.';

export interface LocalRedisOptions {
  port: number;
  /** Folder for Redis's files (the append-only file when persistent). */
  dir: string;
  /** Append-only file on, fsync every second: an acknowledged job survives a crash of Redis. */
  persistent: boolean;
  /**
   * Password every client must give (requirepass). It reaches redis-server through a config file
   * readable by the owner only, never its command line, which `ps` shows to every local user.
   */
  password?: string;
}

/** Name of the config file, in the data folder, that carries the password to redis-server. */
const AUTH_CONFIG_FILE = 'auth.conf';

/** A redis-server this process started and owns. */
export class LocalRedis {
  private child: ChildProcess | null = null;

  constructor(readonly options: LocalRedisOptions) {}

  /** Process id of the running redis-server, if any. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Where to connect, with the password when there is one (do not log it). */
  get url(): string {
    const { port, password } = this.options;
    return password ? `redis://:${encodeURIComponent(password)}@127.0.0.1:${port}` : `redis://127.0.0.1:${port}`;
  }

  static isInstalled(): boolean {
    return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  }

  /** Starts redis-server on 127.0.0.1 and waits until it answers PING. */
  async start(): Promise<void> {
    if (!LocalRedis.isInstalled()) throw new Error(REDIS_MISSING);
    const { port, dir, persistent, password } = this.options;
    ownerOnly(dir);
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--maxmemory-policy', 'noeviction', '--save', '', '--protected-mode', 'yes'];
    args.push(...(persistent ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--appendonly', 'no']));
    if (password !== undefined) {
      if (/[\s"'\\]/.test(password)) throw new Error('the Redis password must not contain spaces, quotes or backslashes');
      const config = path.join(dir, AUTH_CONFIG_FILE);
      fs.writeFileSync(config, `requirepass ${password}\n`, { mode: 0o600 });
      fs.chmodSync(config, 0o600);
      // A config file comes first on redis-server's command line, before the options.
      args.unshift(config);
    }
    // umask 077: the append-only and dump files Redis writes are the owner's alone (0600), whatever
    // the umask of whoever ran npm start.
    const child = spawn('/bin/sh', ['-c', 'umask 077 && exec redis-server "$@"', 'redis-server', ...args], { stdio: 'ignore' });
    this.child = child;
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`redis-server exited at start (is port ${port} free?)`);
      if (await answersPing(this.url)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer on port ${port} within 10 s`);
  }

  /**
   * Freezes Redis (SIGSTOP): connections stay open but nothing answers, as when a network path dies
   * without closing its sockets. `thaw()` lets it carry on.
   */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  /** Lets a frozen Redis carry on (SIGCONT). */
  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  /** Stops Redis: SIGTERM (it saves the append-only file), or SIGKILL to simulate a crash. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
      // A frozen Redis only acts on SIGTERM once it runs again.
      child.kill('SIGCONT');
    });
  }
}

/**
 * Makes a data folder and what is in it readable by the owner only (0700 folders, 0600 files): the
 * append-only file holds password hashes and sessions. Fixes files an older Rosette wrote as 0644.
 */
function ownerOnly(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) ownerOnly(full);
    else if (entry.isFile()) fs.chmodSync(full, 0o600);
  }
}

/**
 * Whether a Redis answers PING at this URL within half a second. Speaks RESP over a bare socket rather
 * than through a client library, so a refused connection leaves no reconnect timers behind.
 */
export function answersPing(url: string): Promise<boolean> {
  const { hostname, port, password, username } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 6379) });
    let answer = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 500);
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      const auth = password ? `AUTH ${username ? decodeURIComponent(username) + ' ' : ''}${decodeURIComponent(password)}\r\n` : '';
      socket.write(`${auth}PING\r\n`);
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('+PONG')) done(true);
      else if (answer.includes('-')) done(false);
    });
  });
}

/** A TCP port nobody is listening on right now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
