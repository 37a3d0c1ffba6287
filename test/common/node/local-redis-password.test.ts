import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort, LocalRedis } from '../../../common/node/local-redis';
import { localRedisPassword, REDIS_PASSWORD_FILE, withPassword } from '../../../common/node/local-redis-password';

/** Sends one command over a bare socket, without authenticating; answers Redis's first reply line. */
function unauthenticated(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.on('error', reject);
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) {
        socket.destroy();
        resolve(answer.split('\r\n')[0]!);
      }
    });
  });
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

/** Every file under a folder (Redis 7 keeps its append-only files in a subfolder). */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the redis-server npm start runs under DATA_DIR/redis', () => {
  let dataDir: string;
  let dir: string;
  let redis: LocalRedis | null = null;
  let client: Redis | null = null;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-data-'));
    dir = path.join(dataDir, 'redis');
    // As an older Rosette left it: a world-readable folder and append-only file.
    fs.mkdirSync(path.join(dir, 'appendonlydir'), { recursive: true, mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'dump.rdb'), '', { mode: 0o644 });
  });
  afterEach(async () => {
    client?.disconnect();
    client = null;
    await redis?.stop();
    redis = null;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    redis = new LocalRedis({ port: await freePort(), dir, persistent: true, password: localRedisPassword(dir) });
    await redis.start();
    return redis;
  };

  it('refuses commands from a client without the password (NOAUTH), and serves one with it', async () => {
    const running = await start();
    expect(await unauthenticated(running.options.port, 'PING')).toMatch(/^-NOAUTH/);
    expect(await unauthenticated(running.options.port, 'KEYS *')).toMatch(/^-NOAUTH/);
    expect(await unauthenticated(running.options.port, 'CONFIG GET requirepass')).toMatch(/^-NOAUTH/);
    client = new Redis(running.url, { lazyConnect: true });
    await client.connect();
    expect(await client.ping()).toBe('PONG');
  });

  it('keeps the password in a file and folder only the owner can read, and the data files too', async () => {
    const running = await start();
    client = new Redis(running.url, { lazyConnect: true });
    await client.connect();
    await client.set('rosette:probe', 'a password hash, say');
    // The append-only file is written in the background (fsync every second); a clean stop flushes it.
    await running.stop();
    const password = fs.readFileSync(path.join(dir, REDIS_PASSWORD_FILE), 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(modeOf(path.join(dir, REDIS_PASSWORD_FILE))).toBe(0o600);
    expect(modeOf(dir)).toBe(0o700);
    const dataFiles = filesUnder(dir).filter((f) => path.basename(f) !== REDIS_PASSWORD_FILE);
    expect(dataFiles.some((f) => f.includes('appendonly'))).toBe(true);
    expect(dataFiles).toContain(path.join(dir, 'dump.rdb'));
    for (const f of dataFiles) expect([f, modeOf(f)]).toEqual([f, 0o600]);
    expect(modeOf(path.join(dir, 'appendonlydir'))).toBe(0o700);
  });

  it('never puts the password on the command line that ps shows', async () => {
    const running = await start();
    const password = fs.readFileSync(path.join(dir, REDIS_PASSWORD_FILE), 'utf8').trim();
    const cmdline = fs.readFileSync(`/proc/${running.pid}/cmdline`, 'utf8');
    expect(cmdline).toContain('redis-server');
    expect(cmdline).not.toContain(password);
  });

  it('uses the same password after a restart, and the data is still there', async () => {
    const first = await start();
    const firstUrl = first.url;
    client = new Redis(firstUrl, { lazyConnect: true });
    await client.connect();
    await client.set('rosette:probe', 'kept');
    client.disconnect();
    client = null;
    await first.stop();
    const second = await start();
    expect(second.url.replace(/:\d+$/, '')).toBe(firstUrl.replace(/:\d+$/, ''));
    client = new Redis(second.url, { lazyConnect: true });
    await client.connect();
    expect(await client.get('rosette:probe')).toBe('kept');
  });

  it('puts the password into a URL that ioredis reads back', () => {
    expect(withPassword('redis://127.0.0.1:6479', 'p4ss_w-rd')).toBe('redis://:p4ss_w-rd@127.0.0.1:6479');
  });
});
