import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { freePort } from '../../common/node/local-redis';
import { waitFor, patient } from '../support/wait-for';

/**
 * The proxy's configuration (deploy/), checked in two ways: as text, always; and by running the parts
 * that decide the client's address and the access log's path through a real nginx, when there is one
 * (`NGINX_BIN`, or `nginx` on the PATH; skipped otherwise). The whole nginx.conf needs nginx 1.28
 * (`resolve` on upstream servers), so the real run loads its pieces: the real_ip directives, the
 * log-path map and proxy.conf, verbatim, in a small server of their own.
 */
const deploy = path.join(__dirname, '..', '..', 'deploy');
const read = (file: string) => fs.readFileSync(path.join(deploy, file), 'utf8');
/** The directives of a config file: comments and blank lines dropped. */
const activeLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter(Boolean);
const nginxConf = read('nginx.conf');
const proxyConf = read('proxy.conf');
/** The access log's map from the path to what is written, as nginx.conf has it. */
const logPathMap = /^\s*map \$uri \$log_path \{[^}]*\}/m.exec(nginxConf)?.[0] ?? '';
const realIpLines = activeLines(nginxConf).filter((l) => /^(real_ip_|set_real_ip_from|include \S*trusted-proxies\.conf)/.test(l));

describe('deploy/nginx.conf, as text', () => {
  it('masks share tokens in the access log whatever the case of the path', () => {
    const entries = activeLines(logPathMap).filter((l) => /share|\/s\//i.test(l));
    expect(entries.length).toBe(2);
    // `~*` is nginx's case-insensitive regex; `~` alone would let `/S/<token>` through.
    for (const entry of entries) expect(entry).toMatch(/^~\*\^\//);
  });

  it('passes the servers\' precompressed client files through and compresses nothing itself (BREACH)', () => {
    const lines = activeLines(nginxConf);
    expect(lines).toContain('gzip off;');
    expect(lines.filter((l) => /^(gzip|brotli)\w*\s+on;/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^proxy_set_header Accept-Encoding/.test(l))).toEqual([]);
  });

  it('takes the client address from X-Forwarded-For only from the trusted proxies listed in trusted-proxies.conf', () => {
    expect(realIpLines).toEqual(['real_ip_header X-Forwarded-For;', 'real_ip_recursive on;', 'include /etc/nginx/rosette/trusted-proxies.conf;']);
    // nginx trusts nobody's header unless told: the file ships with no address in it, and never a catch-all.
    const trusted = activeLines(read('trusted-proxies.conf'));
    for (const line of trusted) {
      expect(line).toMatch(/^set_real_ip_from \S+;$/);
      expect(line).not.toMatch(/\b(0\.0\.0\.0\/0|::\/0|all|unix:)/);
    }
  });

  it('passes the servers one X-Forwarded-For, the client address nginx settled on, as the servers\' TRUST_PROXY=1 expects', () => {
    const forwarded = activeLines(proxyConf).filter((l) => /x-forwarded-for/i.test(l));
    expect(forwarded).toEqual(['proxy_set_header X-Forwarded-For $remote_addr;']);
    const compose = parse(fs.readFileSync(path.join(deploy, '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { command?: string[]; environment?: Record<string, string> }> };
    const servers = Object.values(compose.services).filter((s) => (s.command ?? []).join(' ').includes('dist/server/main.js'));
    expect(servers.length).toBeGreaterThan(0);
    for (const server of servers) expect(server.environment?.TRUST_PROXY).toBe('1');
  });
});

const nginxBin = process.env.NGINX_BIN ?? process.env.PATH?.split(path.delimiter).map((d) => path.join(d, 'nginx')).find((p) => fs.existsSync(p));
const withNginx = nginxBin ? describe : describe.skip;

withNginx('the real_ip directives, the log map and proxy.conf in a running nginx', () => {
  /** The trusted TLS terminator's address in this test: connections from it are a terminator's. */
  const TERMINATOR = '127.0.0.2';
  const CLIENT = '127.0.0.3';
  let dir: string;
  let nginx: ChildProcess;
  let backend: http.Server;
  let port: number;
  /** The X-Forwarded-For of each request the backend got, by its path. */
  const seen = new Map<string, string | undefined>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-nginx-'));
    backend = http.createServer((req, res) => {
      seen.set(req.url ?? '', req.headers['x-forwarded-for'] as string | undefined);
      res.end('ok');
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    port = await freePort();
    fs.writeFileSync(path.join(dir, 'trusted-proxies.conf'), `set_real_ip_from ${TERMINATOR};\n`);
    fs.writeFileSync(path.join(dir, 'proxy.conf'), proxyConf);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${dir}/${t};`).join(' ');
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log warn;`,
        'events { worker_connections 64; }',
        'http {',
        temp,
        ...realIpLines.map((l) => l.replace('/etc/nginx/rosette/', `${dir}/`)),
        logPathMap,
        `log_format t '$remote_addr $log_path';`,
        `access_log ${dir}/access.log t;`,
        `server { listen 127.0.0.1:${port}; location / { proxy_pass http://127.0.0.1:${(backend.address() as AddressInfo).port}; include ${dir}/proxy.conf; } }`,
        '}',
      ].join('\n'),
    );
    nginx = spawn(nginxBin!, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off; master_process off;'], { stdio: 'ignore' });
    await waitFor('nginx listening', () => get('/ready', '127.0.0.1').then(() => true, () => false), 10_000);
  }, patient(20_000));

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => backend?.close(resolve));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function get(urlPath: string, from: string, headers: Record<string, string> = {}): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: urlPath, localAddress: from, headers, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
  }

  it('gives the servers the client\'s address that a trusted terminator reports', async () => {
    await get('/via-terminator', TERMINATOR, { 'X-Forwarded-For': '198.51.100.7' });
    expect(seen.get('/via-terminator')).toBe('198.51.100.7');
  });

  it('skips addresses a client wrote into the header before the terminator appended the real one', async () => {
    await get('/forged-via-terminator', TERMINATOR, { 'X-Forwarded-For': '203.0.113.66, 198.51.100.8' });
    expect(seen.get('/forged-via-terminator')).toBe('198.51.100.8');
  });

  it('ignores the header from a client that is not a trusted terminator', async () => {
    await get('/direct', CLIENT, { 'X-Forwarded-For': '203.0.113.66' });
    expect(seen.get('/direct')).toBe(CLIENT);
  });

  it('writes no share token to the access log, whatever the case of the path', async () => {
    const token = 'Q2hlY2tUaGVBY2Nlc3NMb2dOZXZlckhvbGRzVGhpczEy';
    for (const p of [`/s/${token}`, `/S/${token}/leaflet.pdf`, `/api/share/${token}`, `/API/SHARE/${token}`, `/Api/Share/${token}`]) await get(p, CLIENT);
    const log = () => (fs.existsSync(path.join(dir, 'access.log')) ? fs.readFileSync(path.join(dir, 'access.log'), 'utf8') : '');
    // nginx writes the line as the request ends; wait for all five.
    await waitFor('five share lines in the access log', () => log().split('\n').filter((l) => l.includes('[redacted]')).length >= 5);
    expect(log()).not.toContain(token);
  });
});
