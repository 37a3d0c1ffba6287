import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { DirectoryFileStore, type FileStore } from '../../../common/node/file-store';
import { HotFiles } from '../../../server/http/hot-files';

const key = (n: number) => `pdfs/${String(n).padStart(64, '0')}.pdf`;

/** A real directory store that counts what is asked of it. */
class CountingStore implements FileStore {
  reads = 0;
  stats = 0;
  constructor(private readonly inner: DirectoryFileStore) {}
  put(k: string, data: Buffer) {
    return this.inner.put(k, data);
  }
  read(k: string) {
    this.reads += 1;
    return this.inner.read(k);
  }
  stat(k: string) {
    this.stats += 1;
    return this.inner.stat(k);
  }
  stream(k: string) {
    return this.inner.stream(k);
  }
  remove(k: string) {
    return this.inner.remove(k);
  }
}

describe('HotFiles', () => {
  let dir: string;
  let store: CountingStore;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rosette-hot-files-'));
    store = new CountingStore(new DirectoryFileStore(dir));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('holds a small file in memory and answers later opens without the store', async () => {
    await store.put(key(1), Buffer.from('%PDF-1.7 small'));
    const files = new HotFiles(store, 8 * 1024);
    const first = await files.open(key(1));
    const second = await files.open(key(1));
    expect(first?.bytes?.toString()).toBe('%PDF-1.7 small');
    expect(second).toBe(first);
    expect(first?.size).toBe(14);
    expect(Number.isFinite(first?.modified.getTime())).toBe(true);
    expect({ stats: store.stats, reads: store.reads }).toEqual({ stats: 1, reads: 1 });
  });

  it('reads a new file once for a burst of opens', async () => {
    await store.put(key(2), Buffer.alloc(100, 1));
    const files = new HotFiles(store, 8 * 1024);
    const opened = await Promise.all(Array.from({ length: 20 }, () => files.open(key(2))));
    expect(opened.every((f) => f?.bytes?.length === 100)).toBe(true);
    expect(store.reads).toBe(1);
  });

  it('streams a file larger than an eighth of the budget instead of holding it', async () => {
    await store.put(key(3), Buffer.alloc(2000, 65));
    const files = new HotFiles(store, 8 * 1024);
    const file = await files.open(key(3));
    expect(file).toMatchObject({ key: key(3), size: 2000, bytes: null });
    expect(await text(files.stream(key(3)))).toBe('A'.repeat(2000));
    expect(files.heldBytes).toBe(0);
  });

  it('answers null for a missing file and finds it once it is stored', async () => {
    const files = new HotFiles(store, 8 * 1024);
    expect(await files.open(key(4))).toBeNull();
    await store.put(key(4), Buffer.from('late'));
    expect((await files.open(key(4)))?.bytes?.toString()).toBe('late');
  });

  it('keeps within its budget, dropping the least recently used file first', async () => {
    const files = new HotFiles(store, 8 * 1024);
    for (let n = 10; n < 20; n++) await store.put(key(n), Buffer.alloc(1000, n));
    for (let n = 10; n < 20; n++) {
      await files.open(key(n));
      await files.open(key(10)); // the first stays in use
    }
    expect(files.heldBytes).toBeLessThanOrEqual(8 * 1024);
    const before = store.reads;
    await files.open(key(10));
    expect(store.reads).toBe(before);
    await files.open(key(11));
    expect(store.reads).toBe(before + 1);
  });

  it('holds nothing with a budget of 0', async () => {
    await store.put(key(5), Buffer.from('x'));
    const files = new HotFiles(store, 0);
    expect(await files.open(key(5))).toMatchObject({ size: 1, bytes: null });
    expect(store.reads).toBe(0);
  });
});
