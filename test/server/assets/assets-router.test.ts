import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import pino from 'pino';
import sharp from 'sharp';
import { DirectoryFileStore } from '../../../common/node/file-store';
import { assetsRouter } from '../../../server/assets/assets-router';
import { DEFAULT_IMAGE_LIMITS, type ImageLimits } from '../../../server/assets/process-image';
import { errorHandler, notFoundHandler } from '../../../server/http/error-middleware';
import { HotFiles } from '../../../server/http/hot-files';
import { EXIF_TAG, exifIfd0Tags, noisyJpeg, pngBomb, solid } from './image-fixtures';

/** The assets router alone in a real app on a free port, over a fresh file store. */
async function startApp(limits: ImageLimits = DEFAULT_IMAGE_LIMITS) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rosette-assets-'));
  const app = express();
  const store = new DirectoryFileStore(dir);
  app.use(assetsRouter({ store, files: new HotFiles(store, 8 * 1024 * 1024), limits }));
  app.use(notFoundHandler);
  app.use(errorHandler(pino({ level: 'silent' })));
  const server = app.listen(0);
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    dir,
    base,
    upload: (body: Buffer | string, contentType = 'image/jpeg') =>
      fetch(`${base}/api/assets`, { method: 'POST', headers: { 'Content-Type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) }),
    get: (urlPath: string, headers: Record<string, string> = {}) => fetch(`${base}${urlPath}`, { headers }),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
type App = Awaited<ReturnType<typeof startApp>>;

/** Checks an error answer: status, the `{ error: { code, message, fields } }` shape, and the field named. */
async function expectError(res: Response, status: number, code: string, fieldPath?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string; fields: Array<{ path: string; message: string }> } };
  expect(body).toEqual({ error: { code, message: expect.any(String), fields: expect.any(Array) } });
  if (fieldPath) expect(body.error.fields).toEqual([{ path: fieldPath, message: expect.any(String) }]);
  return body.error;
}

describe('assets router', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app.close();
  });

  describe('GET /api/assets/:id/screen', () => {
    it('answers a WebP at most 1600 px on its longest side, with the original pixel size in headers', async () => {
      const res = await app.upload(await noisyJpeg(3600, 2400), 'image/jpeg');
      const { id } = (await res.json()) as { id: string };
      const screen = await app.get(`/api/assets/${id}/screen`);
      expect(screen.status).toBe(200);
      expect(screen.headers.get('content-type')).toBe('image/webp');
      expect(screen.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect([screen.headers.get('x-image-width'), screen.headers.get('x-image-height')]).toEqual(['3600', '2400']);
      const meta = await sharp(Buffer.from(await screen.arrayBuffer())).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1600, 1067]);
      const head = await fetch(`${app.base}/api/assets/${id}`, { method: 'HEAD' });
      expect([head.headers.get('x-image-width'), head.headers.get('x-image-height')]).toEqual(['3600', '2400']);
    });

    it('answers 404 for an image nobody uploaded', async () => {
      await expectError(await app.get(`/api/assets/${'c'.repeat(64)}/screen`), 404, 'not_found');
    });
  });

  describe('POST /api/assets', () => {
    it('stores a PNG and answers 201 with its facts and URL', async () => {
      const png = await solid(40, 30, '#c33', 4).png().toBuffer();
      const res = await app.upload(png, 'image/png');
      expect(res.status).toBe(201);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual({ id: expect.stringMatching(/^[a-f0-9]{64}$/), type: 'png', width: 40, height: 30, bytes: expect.any(Number), url: `/api/assets/${body.id}` });
      expect(res.headers.get('location')).toBe(body.url);
      const stored = await fs.readFile(path.join(app.dir, 'assets', `${body.id}.png`));
      expect(stored.length).toBe(body.bytes);
    });

    it('stores a JPEG whatever Content-Type the client claims', async () => {
      const res = await app.upload(await noisyJpeg(120, 80), 'application/octet-stream');
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ type: 'jpeg', width: 120, height: 80 });
    });

    it('gives the same image the same id and stores it once', async () => {
      const jpeg = await noisyJpeg(64, 48);
      const first = (await (await app.upload(jpeg)).json()) as { id: string };
      const second = (await (await app.upload(jpeg)).json()) as { id: string };
      expect(second.id).toBe(first.id);
      const files = (await fs.readdir(path.join(app.dir, 'assets'))).filter((f) => f.startsWith(first.id));
      expect(files.sort()).toEqual([`${first.id}.jpg`, `${first.id}.json`]);
    });

    it('serves a photo back without the GPS position and other EXIF it was uploaded with', async () => {
      const jpeg = await solid(60, 40)
        .jpeg()
        .withExif({ IFD0: { Copyright: 'Jane Campaigner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' } })
        .toBuffer();
      const input = await sharp(jpeg).metadata();
      expect(exifIfd0Tags(input.exif!)).toEqual(expect.arrayContaining([EXIF_TAG.gpsIfd, EXIF_TAG.copyright]));

      const { url } = (await (await app.upload(jpeg)).json()) as { url: string };
      const served = Buffer.from(await (await app.get(url)).arrayBuffer());
      const output = await sharp(served).metadata();
      expect(output.exif).toBeUndefined();
      expect(output.icc).toBeUndefined();
      expect(output.xmp).toBeUndefined();
      expect(served.includes('Jane Campaigner')).toBe(false);
    });

    it('refuses a text file with 415', async () => {
      const res = await app.upload('name,street\nJane,High Street\n', 'image/png');
      await expectError(res, 415, 'unsupported_image_type', 'body');
    });

    it('refuses an empty body with 400 naming the body', async () => {
      const res = await app.upload(Buffer.alloc(0));
      await expectError(res, 400, 'invalid_request', 'body');
    });

    it('refuses a truncated JPEG with 422', async () => {
      const jpeg = await noisyJpeg();
      const res = await app.upload(jpeg.subarray(0, Math.floor(jpeg.length / 2)));
      await expectError(res, 422, 'invalid_image', 'body');
    });

    it('refuses a decompression bomb with 422 before decoding it', async () => {
      const bomb = pngBomb(20000, 20000);
      expect(bomb.length).toBeLessThan(100 * 1024);
      const res = await app.upload(bomb, 'image/png');
      const error = await expectError(res, 422, 'image_too_large', 'body');
      expect(error.message).toMatch(/20000 x 20000 pixels .*limit is 50 megapixels/);
      // Before decoding it: the same header over pixel data no decoder could read is refused the same way.
      const headerOnly = await app.upload(pngBomb(20000, 20000, { pixels: 'garbage' }), 'image/png');
      const sameError = await expectError(headerOnly, 422, 'image_too_large', 'body');
      expect(sameError.message).toMatch(/20000 x 20000 pixels .*limit is 50 megapixels/);
    });

    describe('when the body is larger than the upload limit', () => {
      let small: App;
      beforeAll(async () => {
        small = await startApp({ maxBytes: 32 * 1024, maxPixels: DEFAULT_IMAGE_LIMITS.maxPixels });
      });
      afterAll(async () => {
        await small.close();
      });

      it('answers 413 naming the limit', async () => {
        const jpeg = await noisyJpeg(400, 300);
        expect(jpeg.length).toBeGreaterThan(32 * 1024);
        const error = await expectError(await small.upload(jpeg), 413, 'body_too_large', 'body');
        expect(error.message).toMatch(/32 KB/);
      });
    });
  });

  describe('GET /api/assets/:id', () => {
    let stored: { id: string; url: string; bytes: number };
    beforeAll(async () => {
      stored = (await (await app.upload(await solid(50, 50, '#246', 4).png().toBuffer(), 'image/png')).json()) as typeof stored;
    });

    it('serves the stored image for ever, with its type and hash as ETag', async () => {
      const res = await app.get(stored.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('etag')).toBe(`"${stored.id}"`);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const data = Buffer.from(await res.arrayBuffer());
      expect(data.equals(await fs.readFile(path.join(app.dir, 'assets', `${stored.id}.png`)))).toBe(true);
      expect(Number(res.headers.get('content-length'))).toBe(stored.bytes);
    });

    it('answers HEAD with the headers only', async () => {
      const res = await fetch(new URL(stored.url, app.base), { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(Number(res.headers.get('content-length'))).toBe(stored.bytes);
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    });

    it('answers 304 without a body when the client has it already', async () => {
      for (const ifNoneMatch of [`"${stored.id}"`, `W/"${stored.id}"`, `"other", "${stored.id}"`]) {
        const res = await app.get(stored.url, { 'If-None-Match': ifNoneMatch });
        expect(res.status).toBe(304);
        expect(res.headers.get('etag')).toBe(`"${stored.id}"`);
        expect((await res.arrayBuffer()).byteLength).toBe(0);
      }
      expect((await app.get(stored.url, { 'If-None-Match': '"other"' })).status).toBe(200);
    });

    it('answers 404 for an id nobody uploaded', async () => {
      await expectError(await app.get(`/api/assets/${'ab'.repeat(32)}`), 404, 'not_found');
    });

    it.each(['..%2F..%2Fetc%2Fpasswd', '%2e%2e', '..%2Fassets%2F' + 'ab'.repeat(32), 'AB'.repeat(32), 'ab'.repeat(32) + '.png'])('answers 404 for the id %s', async (id) => {
      await expectError(await app.get(`/api/assets/${id}`), 404, 'not_found');
    });
  });
});
