import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { sendStoredFile } from '../http/send-stored-file';
import express, { type Router, type RequestHandler } from 'express';
import { ASSET_EXTENSION, readAssetInfo, type AssetInfo, type AssetType } from '../../common/node/asset-info';
import type { FileStore } from '../../common/node/file-store';
import { assetKey } from '../../common/queue/names';
import { AppError } from '../http/app-error';
import type { HotFiles } from '../http/hot-files';
import { storeAsset } from './asset-service';
import { imageTooManyBytes, missingImage } from './image-errors';
import { processImage, type ImageLimits } from './process-image';
import { ScreenImages } from './screen-images';

/** Memory for the screen-sized copies of images (about 60 KB each), bytes. */
const SCREEN_IMAGE_CACHE_BYTES = 16 * 1024 * 1024;

const CONTENT_TYPE: Record<AssetType, string> = { jpeg: 'image/jpeg', png: 'image/png' };

/** Where an asset is served. */
const assetUrl = (id: string) => `/api/assets/${id}`;

/** The answer to an upload, field by field, so nothing stored by accident ever leaks into it. */
function assetResponse(info: AssetInfo) {
  return { id: info.id, type: info.type, width: info.width, height: info.height, bytes: info.bytes, url: assetUrl(info.id) };
}

/**
 * Image uploads and downloads. The browser sends the file itself as the request body (not a form);
 * the stored image is served forever under its content hash.
 */
export function assetsRouter(deps: { store: FileStore; files: HotFiles; limits: ImageLimits }): Router {
  const router = caseSensitiveRouter();
  const screenImages = new ScreenImages(deps.files, SCREEN_IMAGE_CACHE_BYTES);

  // Any Content-Type: processImage goes by the bytes. Browsers never compress uploads, so a
  // Content-Encoding is refused (415) rather than inflated.
  const parseRaw = express.raw({ type: () => true, limit: deps.limits.maxBytes, inflate: false });
  // The shared error middleware answers a too-large body in general terms; here we can name the limit.
  const readImageBody: RequestHandler = (req, res, next) => {
    parseRaw(req, res, (err?: unknown) => next(isTooLarge(err) ? imageTooManyBytes(deps.limits.maxBytes) : err));
  };

  router.post('/api/assets', readImageBody, async (req, res) => {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) throw missingImage();
    const info = await storeAsset(deps.store, await processImage(body, deps.limits));
    res.status(201).location(assetUrl(info.id)).json(assetResponse(info));
  });

  router.get('/api/assets/:id', async (req, res) => {
    // readAssetInfo answers null for anything but 64 hex digits, so "../etc" never reaches the store.
    const info = await readAssetInfo(deps.store, req.params.id);
    const key = info ? assetKey(info.id, ASSET_EXTENSION[info.type]) : null;
    const file = key ? await deps.files.open(key) : null;
    if (!info || !key || !file) throw AppError.notFound('this image');
    await sendStoredFile(req, res, deps.files, {
      file,
      etag: `"${info.id}"`,
      // The id is the hash of the bytes: the answer never changes.
      headers: { 'Content-Type': CONTENT_TYPE[info.type], 'Cache-Control': 'public, max-age=31536000, immutable', ...pixelSizeHeaders(info) },
    });
  });

  // The preview's copy (screen-images.ts): what the editor, the gallery and the share page draw.
  router.get('/api/assets/:id/screen', async (req, res) => {
    const info = await readAssetInfo(deps.store, req.params.id);
    const copy = info ? await screenImages.get(assetKey(info.id, ASSET_EXTENSION[info.type])) : null;
    if (!info || !copy) throw AppError.notFound('this image');
    const etag = `"${info.id}-screen"`;
    res.set({ 'Content-Type': 'image/webp', 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff', ETag: etag, ...pixelSizeHeaders(info) });
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.end(req.method === 'HEAD' ? undefined : copy);
  });

  return router;
}

/**
 * The original's pixel size, which the preview's dpi check needs and a screen copy no longer shows:
 * the browser reads these from a HEAD request (client/src/preview/load-asset-size.ts).
 */
function pixelSizeHeaders(info: AssetInfo): Record<string, string> {
  return { 'X-Image-Width': String(info.width), 'X-Image-Height': String(info.height) };
}

function isTooLarge(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { type?: unknown }).type === 'entity.too.large';
}
