import { buffer } from 'node:stream/consumers';
import { LRUCache } from 'lru-cache';
import sharp from 'sharp';
import type { HotFiles } from '../http/hot-files';

/**
 * Longest side of an image as the browser's preview shows it, pixels: the A5 preview's full width on a
 * 3× phone (390 CSS px) or a 2× laptop is under 1,200 px; a little more keeps a zoomed preview sharp.
 */
export const SCREEN_IMAGE_MAX_PX = 1600;
/** WebP quality of those copies (1-100): for a screen, not for print. */
const SCREEN_IMAGE_QUALITY = 72;

/**
 * Screen-sized WebP copies of uploaded images for the preview. An upload is kept at print resolution
 * (300 ppi across a whole poster: the sample photo is 3600 × 2400, 400 KB), which a phone need not
 * download to show a thumbnail; the PDF is always drawn from the original. A copy is made on first
 * request from the original in the file store (about 0.2 s of sharp) and kept in memory, least recently
 * used out first; browsers keep it for a year, as it is named by the original's content hash.
 */
export class ScreenImages {
  private readonly cache: LRUCache<string, Buffer>;
  private readonly making = new Map<string, Promise<Buffer>>();

  /** @param maxBytes Memory for the copies, bytes. */
  constructor(
    private readonly files: HotFiles,
    maxBytes: number,
  ) {
    this.cache = new LRUCache<string, Buffer>({ maxSize: Math.max(1, maxBytes), sizeCalculation: (b) => Math.max(1, b.length) });
  }

  /** The screen copy of the stored image under `key` (an asset key); concurrent requests share one conversion. */
  async get(key: string): Promise<Buffer | null> {
    const held = this.cache.get(key);
    if (held) return held;
    let making = this.making.get(key);
    if (!making) {
      making = this.make(key).finally(() => this.making.delete(key));
      this.making.set(key, making);
    }
    return making.catch((err: unknown) => {
      if ((err as { code?: string }).code === 'ENOENT') return null;
      throw err;
    });
  }

  private async make(key: string): Promise<Buffer> {
    const file = await this.files.open(key);
    if (!file) throw Object.assign(new Error('no such image'), { code: 'ENOENT' });
    const original = file.bytes ?? (await buffer(this.files.stream(key)));
    const copy = await sharp(original)
      .rotate()
      .resize({ width: SCREEN_IMAGE_MAX_PX, height: SCREEN_IMAGE_MAX_PX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: SCREEN_IMAGE_QUALITY })
      .toBuffer();
    this.cache.set(key, copy);
    return copy;
  }
}
