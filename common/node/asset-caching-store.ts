import { LRUCache } from 'lru-cache';
import type { Readable } from 'node:stream';
import type { FileStore, StoredFile } from './file-store';

/** Bytes of uploaded images (and their facts) kept in memory unless told otherwise. */
const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
/** Every stored asset: the images and their facts (`assets/<id>.jpg|png|json`). */
const ALL_ASSETS = /^assets\//;
/** Only the facts of each image (`assets/<id>.json`), a few dozen bytes each. */
export const ASSET_INFO_KEYS = /^assets\/[a-f0-9]{64}\.json$/;

export interface AssetCachingOptions {
  /** Most bytes kept, least recently used evicted first; one file may take a quarter of it. */
  maxBytes?: number;
  /** Keys worth keeping (all of assets/ unless told). */
  keys?: RegExp;
}

/**
 * A FileStore that keeps recently read uploaded images (or only their facts) in memory. Assets are
 * content-addressed (the key is the hash of the bytes), so a cached copy can never be stale. A worker
 * printing a campaign's leaflets reads the same photo and logo for job after job; a server checking
 * each print job's images for fit reads the same facts. Everything else passes straight through.
 */
export class AssetCachingStore implements FileStore {
  private readonly cache: LRUCache<string, Buffer>;
  private readonly keys: RegExp;

  constructor(
    private readonly inner: FileStore,
    options: AssetCachingOptions = {},
  ) {
    const maxBytes = options.maxBytes ?? DEFAULT_CACHE_BYTES;
    this.keys = options.keys ?? ALL_ASSETS;
    this.cache = new LRUCache<string, Buffer>({ maxSize: maxBytes, maxEntrySize: Math.floor(maxBytes / 4), sizeCalculation: (data) => Math.max(1, data.length) });
  }

  async read(key: string): Promise<Buffer | null> {
    if (!this.keys.test(key)) return this.inner.read(key);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const data = await this.inner.read(key);
    if (data) this.cache.set(key, data);
    return data;
  }

  put(key: string, data: Buffer): Promise<void> {
    return this.inner.put(key, data);
  }

  stat(key: string): Promise<StoredFile | null> {
    return this.inner.stat(key);
  }

  stream(key: string): Readable {
    return this.inner.stream(key);
  }

  remove(key: string): Promise<void> {
    this.cache.delete(key);
    return this.inner.remove(key);
  }
}
