import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readProxyView } from '../../../scripts/drill/proxy-log';

const line = (path: string, status: number, seconds: number, upstream = '127.0.0.1:3001') =>
  JSON.stringify({ time: '2026-11-29T14:00:00+00:00', request_id: 'x', network: '127.30.0.0/24', method: 'GET', path, status, bytes: 10, request_time: seconds, upstream, upstream_time: '0.001' });

describe("the drill's reading of nginx's access log", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-proxy-log-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('times served downloads and every 503/429, and counts the 503s nginx gave itself', () => {
    const file = path.join(dir, 'nginx-access.log');
    const lines = [
      line('/downloads/a.pdf', 200, 0.004),
      line('/downloads/a.pdf', 304, 0.002),
      line('/downloads/b.pdf', 404, 0.5),
      line('/', 503, 0.001, 'rosette_servers'),
      line('/api/templates', 503, 0.02),
      line('/api/print-jobs', 429, 0.003),
      line('/', 200, 0.9),
    ];
    fs.writeFileSync(file, `${lines.join('\n')}\n{"time":"2026-11-29T14:0`);
    const view = readProxyView(file)!;
    expect(view.requests).toBe(7);
    expect(view.downloads).toMatchObject({ count: 2, max: 4 });
    expect(view.shed).toMatchObject({ count: 3, max: 20 });
    expect(view.shedByProxy).toBe(1);
  });

  it('answers null when there is no log', () => {
    expect(readProxyView(path.join(dir, 'missing.log'))).toBeNull();
  });
});
