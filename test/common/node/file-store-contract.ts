import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FileStore } from '../../../common/node/file-store';

/** A store under test and how to throw it away. */
export interface StoreUnderTest {
  store: FileStore;
  cleanup(): Promise<void>;
}

/** A fresh valid key, so tests never see each other's files. */
export const freshKey = (folder = 'pdfs', ext = 'pdf') => `${folder}/${createHash('sha256').update(randomBytes(16)).digest('hex')}.${ext}`;

/** Keys that must never reach a disk or a bucket. */
export const INVALID_KEYS = [
  '../etc/passwd',
  'pdfs/../../../etc/passwd',
  `pdfs/../assets/${'a'.repeat(64)}.pdf`,
  `/pdfs/${'a'.repeat(64)}.pdf`,
  `pdfs/${'a'.repeat(64)}.pdf/..`,
  `pdfs\\${'a'.repeat(64)}.pdf`,
  `pdfs/${'A'.repeat(64)}.pdf`,
  'pdfs/not-a-hash.pdf',
  `pdfs/${'a'.repeat(64)}.pdf%00.jpg`,
  `pdfs/sub/${'a'.repeat(64)}.pdf`,
  '',
];

/** Everything a stream gives, or the error it fails with. */
export function collect(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * The one specification every FileStore meets. Each implementation's test file calls this with a
 * factory for a fresh, empty store; the same cases then run against every implementation.
 */
export function describeFileStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name} (FileStore contract)`, () => {
    let subject: StoreUnderTest;
    let store: FileStore;
    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    describe('when a file is stored', () => {
      it('reads back the same bytes, with its size and a recent date', async () => {
        const key = freshKey();
        const data = randomBytes(20_000);
        const before = Date.now();
        await store.put(key, data);
        expect(await store.read(key)).toEqual(data);
        const stat = await store.stat(key);
        expect(stat?.size).toBe(data.length);
        // Object stores keep whole seconds; allow for that and a little clock skew.
        expect(stat!.modified.getTime()).toBeGreaterThanOrEqual(before - 2000);
        expect(stat!.modified.getTime()).toBeLessThanOrEqual(Date.now() + 2000);
      });

      it('streams back the same bytes', async () => {
        const key = freshKey('assets', 'jpg');
        const data = randomBytes(70_000);
        await store.put(key, data);
        expect(await collect(store.stream(key))).toEqual(data);
      });

      it('keeps an empty file as an empty file', async () => {
        const key = freshKey('assets', 'json');
        await store.put(key, Buffer.alloc(0));
        expect(await store.read(key)).toEqual(Buffer.alloc(0));
        expect((await store.stat(key))?.size).toBe(0);
      });

      it('replaces a file stored again under the same key', async () => {
        const key = freshKey();
        await store.put(key, Buffer.from('first'));
        await store.put(key, Buffer.from('second version'));
        expect((await store.read(key))?.toString()).toBe('second version');
        expect((await store.stat(key))?.size).toBe('second version'.length);
      });
    });

    describe('when a file does not exist', () => {
      it('reads null', async () => {
        expect(await store.read(freshKey())).toBeNull();
      });

      it('stats null', async () => {
        expect(await store.stat(freshKey())).toBeNull();
      });

      it('gives a stream that fails with ENOENT', async () => {
        await expect(collect(store.stream(freshKey()))).rejects.toMatchObject({ code: 'ENOENT' });
      });
    });

    describe('when a key is not a valid store key', () => {
      it.each(INVALID_KEYS.map((k) => [JSON.stringify(k), k]))('refuses %s for every operation', async (_label, key) => {
        await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/invalid file store key/);
        await expect(store.read(key)).rejects.toThrow(/invalid file store key/);
        await expect(store.stat(key)).rejects.toThrow(/invalid file store key/);
        expect(() => store.stream(key)).toThrow(/invalid file store key/);
        await expect(store.remove(key)).rejects.toThrow(/invalid file store key/);
      });
    });

    describe('when a file is removed', () => {
      it('is gone for read, stat and stream, and other files stay', async () => {
        const key = freshKey('converted', 'bin');
        const other = freshKey('converted', 'bin');
        await store.put(key, randomBytes(1000));
        await store.put(other, Buffer.from('stays'));
        await store.remove(key);
        expect(await store.read(key)).toBeNull();
        expect(await store.stat(key)).toBeNull();
        await expect(collect(store.stream(key))).rejects.toMatchObject({ code: 'ENOENT' });
        expect((await store.read(other))?.toString()).toBe('stays');
      });

      it('is no error when the file was never there, or is removed twice', async () => {
        const key = freshKey('converted', 'bin');
        await expect(store.remove(key)).resolves.toBeUndefined();
        await store.put(key, Buffer.from('x'));
        await store.remove(key);
        await expect(store.remove(key)).resolves.toBeUndefined();
      });
    });

    describe('when several processes store the same key at once', () => {
      it('ends with exactly one of the files, complete', async () => {
        const key = freshKey();
        const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(512 * 1024, i + 1));
        await Promise.all(versions.map((v) => store.put(key, v)));
        const stored = await store.read(key);
        expect(stored?.length).toBe(512 * 1024);
        const first = stored![0]!;
        expect(first).toBeGreaterThanOrEqual(1);
        expect(first).toBeLessThanOrEqual(8);
        expect(stored!.equals(versions[first - 1]!)).toBe(true);
      });

      it('never lets a reader see part of a file while it is being replaced', async () => {
        const key = freshKey();
        const a = Buffer.alloc(1024 * 1024, 0xaa);
        const b = Buffer.alloc(1024 * 1024, 0xbb);
        await store.put(key, a);
        const writes = Promise.all([store.put(key, b), store.put(key, a), store.put(key, b)]);
        const reads = await Promise.all(Array.from({ length: 6 }, () => store.read(key)));
        await writes;
        for (const r of reads) expect(r!.equals(a) || r!.equals(b)).toBe(true);
      });
    });

    describe('when the file is large (5 MB)', () => {
      it('stores, stats, reads and streams it whole', async () => {
        const key = freshKey();
        const data = randomBytes(5 * 1024 * 1024);
        await store.put(key, data);
        expect((await store.stat(key))?.size).toBe(data.length);
        expect((await store.read(key))!.equals(data)).toBe(true);
        expect((await collect(store.stream(key))).equals(data)).toBe(true);
      });
    });

    describe('when a reader stops early', () => {
      it('can destroy the stream, and the store keeps serving', async () => {
        const key = freshKey();
        const data = randomBytes(2 * 1024 * 1024);
        await store.put(key, data);
        for (let i = 0; i < 5; i++) {
          const stream = store.stream(key);
          await new Promise<void>((resolve, reject) => {
            stream.once('data', () => {
              stream.destroy();
              resolve();
            });
            stream.once('error', reject);
          });
        }
        expect((await collect(store.stream(key))).equals(data)).toBe(true);
      });
    });
  });
}
