import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import express from 'express';
import { createLogger, logFormatFor } from '../../../common/node/logger';
import { requestLogger } from '../../../server/http/request-logger';
import { waitFor } from '../../support/wait-for';

/** A destination that keeps what is written, as text. */
function keeper() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('logFormatFor', () => {
  it.each([
    ['auto', 'development', true, 'pretty'],
    ['auto', 'development', false, 'json'],
    ['auto', 'production', true, 'json'],
    ['auto', 'test', true, 'json'],
    ['json', 'development', true, 'json'],
    ['pretty', 'production', false, 'pretty'],
  ] as const)('LOG_FORMAT=%s, NODE_ENV=%s, terminal %s: %s', (LOG_FORMAT, NODE_ENV, terminal, expected) => {
    expect(logFormatFor({ LOG_FORMAT, NODE_ENV }, terminal)).toBe(expected);
  });
});

describe('the pretty format', () => {
  let server: Server;
  afterEach(() => new Promise((resolve) => server?.close(resolve)));

  it('writes one line per request, method, path, status and time, still scrubbed of personal data', async () => {
    const out = keeper();
    const logger = createLogger('server', 'info', out.stream, 'pretty');
    const app = express();
    app.use(requestLogger({ logger }));
    app.get('/api/templates', (_req, res) => {
      res.json({});
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await fetch(`${base}/api/templates`);
    logger.info({ note: 'sent to gwen.jones@example.cymru' }, 'invite sent');
    await waitFor('both lines are written', () => out.text().split('\n').filter(Boolean).length >= 2);
    const lines = out.text().split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/INFO \(server\): GET \/api\/templates 200 in \d+ ms/);
    expect(lines[1]).toMatch(/INFO \(server\): invite sent/);
    expect(lines[1]).toContain('[email]');
    expect(lines[1]).not.toContain('gwen.jones');
    expect(out.text()).not.toMatch(/^\s*\{/m);
  });
});
