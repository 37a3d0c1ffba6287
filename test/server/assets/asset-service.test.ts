import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readAssetInfo } from '../../../common/node/asset-info';
import { DirectoryFileStore } from '../../../common/node/file-store';
import { assetInfoKey } from '../../../common/queue/names';
import { storeAsset } from '../../../server/assets/asset-service';
import { processImage, type ProcessedImage } from '../../../server/assets/process-image';
import { noisyJpeg, solid } from './image-fixtures';

describe('storeAsset and readAssetInfo', () => {
  let dir: string;
  let store: DirectoryFileStore;
  let jpeg: ProcessedImage;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rosette-asset-service-'));
    store = new DirectoryFileStore(dir);
    jpeg = await processImage(await noisyJpeg(80, 60));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('stores the image under its id and extension, and its facts next to it', async () => {
    const info = await storeAsset(store, jpeg);
    expect(info).toEqual({ id: jpeg.id, type: 'jpeg', width: 80, height: 60, bytes: jpeg.data.length });
    expect((await fs.readFile(path.join(dir, 'assets', `${jpeg.id}.jpg`))).equals(jpeg.data)).toBe(true);
    expect(await readAssetInfo(store, jpeg.id)).toEqual(info);
  });

  it('stores a PNG as .png', async () => {
    const png = await processImage(await solid(20, 20).png().toBuffer());
    await storeAsset(store, png);
    expect(await fs.readdir(path.join(dir, 'assets'))).toEqual(expect.arrayContaining([`${png.id}.png`, `${png.id}.json`]));
  });

  it('leaves an asset that is already stored as it is', async () => {
    await storeAsset(store, jpeg);
    const before = await fs.stat(path.join(dir, 'assets', `${jpeg.id}.json`));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await storeAsset(store, jpeg)).toEqual(await readAssetInfo(store, jpeg.id));
    const after = await fs.stat(path.join(dir, 'assets', `${jpeg.id}.json`));
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(await fs.readdir(path.join(dir, 'assets'))).toHaveLength(2);
  });

  describe('readAssetInfo', () => {
    it('answers null for an id nobody uploaded', async () => {
      expect(await readAssetInfo(store, 'cd'.repeat(32))).toBeNull();
    });

    it('answers null for anything that is not an id, without touching the store', async () => {
      for (const id of ['../../etc/passwd', '', 'CD'.repeat(32), `${'cd'.repeat(32)}.json`]) expect(await readAssetInfo(store, id)).toBeNull();
    });

    it('throws when the stored facts are damaged: the store is at fault, not the caller', async () => {
      await store.put(assetInfoKey(jpeg.id), Buffer.from('{"id":"nope"}'));
      await expect(readAssetInfo(store, jpeg.id)).rejects.toThrow();
    });
  });
});
