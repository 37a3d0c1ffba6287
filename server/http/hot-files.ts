import { LRUCache } from 'lru-cache';
import type { Readable } from 'node:stream';
import type { FileStore, StoredFile } from '../../common/node/file-store';

/** A stored file ready to answer with: its facts, and its bytes when they are held in memory. */
export interface OpenedFile extends StoredFile {
  key: string;
  /** The whole file, or null for one too large to hold (it is streamed from the store instead). */
  bytes: Buffer | null;
}

/**
 * The file store as the server reads it for downloads: small files (finished PDFs, uploaded images) are
 * held in memory, least recently used dropped first, within a budget of bytes. Keys are content hashes,
 * so a held copy can never be stale and nothing needs invalidating. A download from memory is answered
 * in the turn of the event loop that reads the request; from the disk it takes a stat, an open, the
 * reads and a close, each a trip through libuv's thread pool and another turn of a loop that, in a
 * flood, is slow to come round. Volunteers sharing one leaflet download the same few files.
 */
export class HotFiles {
  private readonly cache: LRUCache<string, OpenedFile> | null;
  /** Largest file held, bytes: an eighth of the budget, so one poster cannot push out everything else. */
  private readonly maxFileBytes: number;
  /** Reads under way, so a burst of downloads of one new file reads it from the store once. */
  private readonly pending = new Map<string, Promise<OpenedFile | null>>();

  constructor(
    private readonly store: FileStore,
    /** Bytes held at most; 0 holds nothing (every download is streamed from the store). */
    maxBytes: number,
  ) {
    this.maxFileBytes = Math.floor(maxBytes / 8);
    this.cache = maxBytes > 0 ? new LRUCache<string, OpenedFile>({ maxSize: maxBytes, maxEntrySize: this.maxFileBytes, sizeCalculation: (f) => Math.max(1, f.size) }) : null;
  }

  /** Bytes held now. */
  get heldBytes(): number {
    return this.cache?.calculatedSize ?? 0;
  }

  /** The file's facts (and its bytes when small enough to hold), or null when it does not exist. */
  open(key: string): Promise<OpenedFile | null> {
    const hit = this.cache?.get(key);
    if (hit) return Promise.resolve(hit);
    let read = this.pending.get(key);
    if (!read) {
      read = this.read(key).finally(() => this.pending.delete(key));
      this.pending.set(key, read);
    }
    return read;
  }

  /** The file as a stream, for one too large to hold (see FileStore.stream). */
  stream(key: string): Readable {
    return this.store.stream(key);
  }

  private async read(key: string): Promise<OpenedFile | null> {
    const stat = await this.store.stat(key);
    if (!stat) return null;
    if (!this.cache || stat.size > this.maxFileBytes) return { key, ...stat, bytes: null };
    const bytes = await this.store.read(key);
    if (!bytes) return null;
    const file: OpenedFile = { key, size: bytes.length, modified: stat.modified, bytes };
    this.cache.set(key, file);
    return file;
  }
}
