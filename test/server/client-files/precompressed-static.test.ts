import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import pino from 'pino';
import { loadClientIndex } from '../../../server/client-files/client-index';
import { chooseEncoding, precompressedStatic } from '../../../server/client-files/precompressed-static';
import { errorHandler, notFoundHandler } from '../../../server/http/error-middleware';
import { precompressDir } from '../../../scripts/precompress';

const SCRIPT = `console.log(${JSON.stringify('a leaflet for every door '.repeat(200))});\n`;
const PAGE = `<!doctype html><title>Rosette</title>${'<p>polling day</p>'.repeat(100)}`;

let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-client-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'assets', 'sans-abc123.woff2'), Buffer.alloc(2000, 7));
  fs.writeFileSync(path.join(dir, 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(300)}</svg>`);
  fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
  precompressDir(dir);
  const index = loadClientIndex(dir)!;
  const app = express();
  app.get('/', (req, res) => index.send(req, res));
  app.use(precompressedStatic(dir));
  app.use(notFoundHandler);
  app.use(errorHandler(pino({ level: 'silent' })));
  server = app.listen(0);
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A GET whose body arrives as the bytes sent (fetch would decode it). */
function get(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(base + urlPath, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('the build', () => {
  it('writes brotli and gzip copies of text files, not of WOFF2 fonts', () => {
    expect(fs.existsSync(path.join(dir, 'assets', 'index-abc123.js.br'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'assets', 'index-abc123.js.gz'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'assets', 'sans-abc123.woff2.br'))).toBe(false);
  });
});

describe('serving the built client', () => {
  it('sends brotli to a browser that lists gzip first (as Chrome does), with the type of the script itself', async () => {
    const res = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('sends gzip when brotli is not accepted, and the file as it is when nothing is', async () => {
    const gzip = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
  });

  it('caches hashed assets for a year and revalidates the rest', async () => {
    expect((await get('/assets/index-abc123.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/sans-abc123.woff2')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/favicon.svg', { 'Accept-Encoding': 'br' })).headers['cache-control']).toBe('no-cache');
  });

  it('does not serve the compressed copies under their own names', async () => {
    expect((await get('/assets/index-abc123.js.br')).status).toBe(404);
  });

  it('sends the page compressed too, each encoding with its own ETag', async () => {
    const br = await get('/', { 'Accept-Encoding': 'br, gzip' });
    const gz = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(PAGE);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(PAGE);
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    expect((await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers.etag) })).status).toBe(304);
    expect((await get('/', { 'Accept-Encoding': 'gzip', 'If-None-Match': String(br.headers.etag) })).status).toBe(200);
  });
});

describe('chooseEncoding', () => {
  it('follows q values, then prefers brotli', () => {
    expect(chooseEncoding('gzip;q=1, br;q=0.5', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('identity', ['br', 'gzip'])).toBeNull();
    expect(chooseEncoding('br', [])).toBeNull();
    expect(chooseEncoding(undefined, ['br'])).toBeNull();
  });
});
