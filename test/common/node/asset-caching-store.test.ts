import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DirectoryFileStore } from '../../../common/node/file-store';
import { ASSET_INFO_KEYS, AssetCachingStore } from '../../../common/node/asset-caching-store';

const key = (c: string, folder = 'assets', ext = 'jpg') => `${folder}/${c.repeat(64)}.${ext}`;

describe('AssetCachingStore', () => {
  let dir: string;
  let inner: DirectoryFileStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-cache-'));
    inner = new DirectoryFileStore(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves an uploaded image from memory after the first read', async () => {
    const store = new AssetCachingStore(inner);
    await store.put(key('a'), Buffer.from('photo'));
    expect((await store.read(key('a')))?.toString()).toBe('photo');
    fs.rmSync(path.join(dir, key('a')));
    expect((await store.read(key('a')))?.toString()).toBe('photo');
  });

  it('does not cache PDFs or missing files', async () => {
    const store = new AssetCachingStore(inner);
    expect(await store.read(key('b'))).toBeNull();
    await store.put(key('b'), Buffer.from('late'));
    expect((await store.read(key('b')))?.toString()).toBe('late');
    await store.put(key('c', 'pdfs', 'pdf'), Buffer.from('pdf'));
    await store.read(key('c', 'pdfs', 'pdf'));
    fs.rmSync(path.join(dir, key('c', 'pdfs', 'pdf')));
    expect(await store.read(key('c', 'pdfs', 'pdf'))).toBeNull();
  });

  it('evicts the least recently used images beyond its size', async () => {
    const store = new AssetCachingStore(inner, { maxBytes: 40 });
    for (const c of ['d', 'e', 'f', 'a']) {
      await store.put(key(c), Buffer.alloc(10, c));
      await store.read(key(c));
    }
    await store.read(key('d'));
    await store.put(key('b'), Buffer.alloc(10, 'b'));
    await store.read(key('b'));
    for (const c of ['d', 'e', 'f', 'a', 'b']) fs.rmSync(path.join(dir, key(c)));
    expect(await store.read(key('e'))).toBeNull();
    expect((await store.read(key('d')))?.length).toBe(10);
    expect((await store.read(key('b')))?.length).toBe(10);
  });

  it('keeps only the keys it is told to: the facts of images, not the images', async () => {
    const store = new AssetCachingStore(inner, { keys: ASSET_INFO_KEYS });
    await store.put(key('a', 'assets', 'json'), Buffer.from('{"id":"a"}'));
    await store.put(key('a'), Buffer.from('photo'));
    await store.read(key('a', 'assets', 'json'));
    await store.read(key('a'));
    fs.rmSync(path.join(dir, key('a', 'assets', 'json')));
    fs.rmSync(path.join(dir, key('a')));
    expect((await store.read(key('a', 'assets', 'json')))?.toString()).toBe('{"id":"a"}');
    expect(await store.read(key('a'))).toBeNull();
  });
});
