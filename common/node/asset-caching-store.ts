import { LRUCache } from 'lru-cache';
import type { Readable } from 'node:stream';
import type { FileStore, StoredFile } from './file-store';

/** Bytes of uploaded images (and their facts) a worker keeps in memory. */
const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * A FileStore that keeps recently read uploaded images in memory. Assets are content-addressed (the
 * key is the hash of the bytes), so a cached copy can never be stale; a worker printing a campaign's
 * leaflets reads the same photo and logo for job after job. Everything else passes straight through.
 */
export class AssetCachingStore implements FileStore {
  private readonly cache: LRUCache<string, Buffer>;

  constructor(
    private readonly inner: FileStore,
    /** Most bytes kept, least recently used evicted first. */
    maxBytes = DEFAULT_CACHE_BYTES,
  ) {
    this.cache = new LRUCache<string, Buffer>({ maxSize: maxBytes, maxEntrySize: Math.floor(maxBytes / 4), sizeCalculation: (data) => Math.max(1, data.length) });
  }

  async read(key: string): Promise<Buffer | null> {
    if (!key.startsWith('assets/')) return this.inner.read(key);
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
}
