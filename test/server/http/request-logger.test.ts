import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { scrubLogLine } from '../../../common/node/log-scrubber';
import { createLogger, REDACTED_PATHS } from '../../../common/node/logger';
import { networkOf, REQUEST_ID_PATTERN, requestLogger, safePath } from '../../../server/http/request-logger';

const COOKIE = 'rosette_session=s3cr3t-session-value';
const BEARER = 'Bearer admin-token-do-not-log';
const EMAIL = 'gwen.jones@example.cymru';

/** An app whose logger writes JSON lines into `lines`, as production's would to stdout. */
async function startApp(level = 'info') {
  const lines: Array<Record<string, any>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
  const app = express();
  app.use(requestLogger({ logger }));
  app.get('/api/accounts/:email', (req, res) => {
    req.log.info({ step: 'lookup' }, 'looking the account up');
    res.json({ ok: true });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/busy', (_req, res) => {
    res.status(503).json({});
  });
  app.get('/boom', () => {
    throw new Error('kaput');
  });
  app.use(((err, _req, res, _next) => {
    res.err = err;
    res.status(500).json({});
  }) as express.ErrorRequestHandler);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    lines,
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** pino-http logs when the response ends, just after the client has it. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('request logging', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    app.lines.length = 0;
  });

  describe('when a request comes without an id', () => {
    it('gives it a new UUID, sends it back, and puts it on every line of that request', async () => {
      const res = await fetch(`${app.base}/api/accounts/42`);
      await settle();
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(app.lines).toHaveLength(2);
      const [handlerLine, doneLine] = app.lines;
      expect(handlerLine).toMatchObject({ reqId: id, step: 'lookup', msg: 'looking the account up' });
      expect(doneLine).toMatchObject({ reqId: id, req: { id, method: 'GET', path: '/api/accounts/42' }, res: { statusCode: 200 }, route: '/api/accounts/:email', msg: 'request completed' });
      expect(typeof doneLine!.responseTime).toBe('number');
    });

    it('gives every request its own id', async () => {
      const ids = await Promise.all([1, 2, 3].map(async () => (await fetch(`${app.base}/api/accounts/1`)).headers.get('x-request-id')));
      expect(new Set(ids).size).toBe(3);
    });
  });

  describe('when the proxy sends an id', () => {
    it('keeps a valid one', async () => {
      const id = 'f3b1c0de9a8b7c6d5e4f30112233aabb';
      const res = await fetch(`${app.base}/api/accounts/7`, { headers: { 'X-Request-Id': id } });
      await settle();
      expect(res.headers.get('x-request-id')).toBe(id);
      expect(app.lines.every((l) => l.reqId === id)).toBe(true);
    });

    it.each([
      ['too short', 'abc'],
      ['made of other characters', 'id;DROP TABLE jobs'],
      ['a forged log field', '{"level":60,"msg":"admin signed in"}'],
      ['too long', 'a'.repeat(200)],
    ])('replaces one that is %s', async (_why, bad) => {
      const res = await fetch(`${app.base}/api/accounts/7`, { headers: { 'X-Request-Id': bad } });
      await settle();
      const id = res.headers.get('x-request-id');
      expect(id).not.toBe(bad);
      expect(id).toMatch(REQUEST_ID_PATTERN);
      expect(JSON.stringify(app.lines)).not.toContain('DROP');
      expect(JSON.stringify(app.lines)).not.toContain('admin signed in');
    });
  });

  it('never logs cookies, the authorization header, query strings or e-mail addresses', async () => {
    await fetch(`${app.base}/api/accounts/${encodeURIComponent(EMAIL)}?token=abc123&email=${encodeURIComponent(EMAIL)}`, {
      headers: { Cookie: COOKIE, Authorization: BEARER, 'User-Agent': 'leaflet-test/1.0' },
    });
    await settle();
    const text = JSON.stringify(app.lines);
    expect(app.lines.length).toBeGreaterThan(0);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('admin-token');
    expect(text).not.toContain('abc123');
    expect(text).not.toContain('gwen');
    expect(text).not.toContain('example.cymru');
    expect(app.lines.at(-1)).toMatchObject({ req: { path: '/api/accounts/[email]', headers: { 'user-agent': 'leaflet-test/1.0' }, network: '127.0.0.0/24' } });
  });

  it('logs server errors at error level with the route', async () => {
    await fetch(`${app.base}/boom`);
    await settle();
    expect(app.lines.at(-1)).toMatchObject({ level: 50, route: '/boom', res: { statusCode: 500 }, err: { message: 'kaput' } });
  });

  it('keeps health checks and shed answers out of the info log', async () => {
    await fetch(`${app.base}/healthz`);
    await fetch(`${app.base}/busy`);
    await settle();
    expect(app.lines).toEqual([]);
  });
});

describe('in tests', () => {
  it('is silent with a silent logger', async () => {
    const writes: string[] = [];
    const out = process.stdout.write;
    process.stdout.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      const app = express();
      app.use(requestLogger({ logger: createLogger('server', 'silent') }));
      app.get('/x', (_req, res) => {
        res.end('ok');
      });
      const server: Server = await new Promise((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve(s));
      });
      await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/x`);
      await settle();
      await new Promise((resolve) => server.close(resolve));
    } finally {
      process.stdout.write = out;
    }
    expect(writes.filter((w) => w.includes('request completed'))).toEqual([]);
  });
});

describe('safePath and networkOf', () => {
  it('drop the query string and mask e-mail addresses', () => {
    expect(safePath('/a/b?token=1')).toBe('/a/b');
    expect(safePath(`/u/${EMAIL}/x`)).toBe('/u/[email]/x');
  });

  it('mask share-link tokens, which are credentials', () => {
    expect(safePath('/s/AbCdEf0123456789_-xyz/leaflet.pdf')).toBe('/s/[token]/leaflet.pdf');
    expect(safePath('/api/share/AbCdEf0123456789_-xyz')).toBe('/api/share/[token]');
    expect(safePath('/api/shares')).toBe('/api/shares');
  });

  it('mask share-link tokens whatever the case of the path, as the scrubber behind them does', () => {
    const token = 'AbCdEf0123456789_-xyzAbCdEf0123456789_-xyz';
    expect(safePath(`/S/${token}`)).toBe('/S/[token]');
    expect(safePath(`/API/SHARE/${token}`)).toBe('/API/SHARE/[token]');
    expect(safePath(`/Api/Share/${token}/x`)).toBe('/Api/Share/[token]/x');
    for (const path of [`/S/${token}/leaflet.pdf`, `/API/SHARE/${token}`, `/Api/sHaRe/${token}`]) {
      expect(scrubLogLine(JSON.stringify({ msg: `GET ${path}` }))).not.toContain(token);
    }
  });

  it('cut addresses to their network', () => {
    expect(networkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
    expect(networkOf('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::/48');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0::/48');
    expect(networkOf('::1')).toBe('0:0:0::/48');
    expect(networkOf(undefined)).toBeUndefined();
  });
});
