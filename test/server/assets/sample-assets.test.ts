import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { readAssetInfo } from '../../../common/node/asset-info';
import { DirectoryFileStore } from '../../../common/node/file-store';
import { SAMPLE_PHOTO_ID, SAMPLE_PHOTO_PATH, seedSampleAssets } from '../../../server/assets/sample-assets';
import { SAMPLE_PHOTO_SIZE } from '../../../common/templates/sample-photo';
import { makeSamplePhoto } from '../../../scripts/make-sample-photo';

describe('sample assets', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rosette-sample-assets-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('stores the sample photo under exactly the id the templates use', async () => {
    const store = new DirectoryFileStore(dir);
    const info = await seedSampleAssets(store);
    // When this fails after a sharp upgrade, put info.id into common/templates/sample-photo.ts.
    expect(info.id).toBe(SAMPLE_PHOTO_ID);
    expect(info).toMatchObject({ type: 'jpeg', ...SAMPLE_PHOTO_SIZE });
    // Re-encoded at the store's JPEG quality (90): what every template's PDF embeds.
    expect(info.bytes).toBeLessThan(500 * 1024);
    expect(await readAssetInfo(store, SAMPLE_PHOTO_ID)).toEqual(info);
  });

  it('can be seeded at every start', async () => {
    const store = new DirectoryFileStore(dir);
    expect(await seedSampleAssets(store)).toEqual(await seedSampleAssets(store));
  });

  it('is a photo-sized JPEG that compresses like a photo', async () => {
    const data = await fs.readFile(SAMPLE_PHOTO_PATH);
    const m = await sharp(data).metadata();
    expect([m.format, m.width, m.height]).toEqual(['jpeg', SAMPLE_PHOTO_SIZE.width, SAMPLE_PHOTO_SIZE.height]);
    // 8.6 megapixels: a real photo this size is some megabytes; the smooth scene keeps it near 320 KB.
    expect(data.length).toBeGreaterThan(200 * 1024);
    expect(data.length).toBeLessThan(450 * 1024);
  });

  it('is what scripts/make-sample-photo.ts makes', async () => {
    const committed = await fs.readFile(SAMPLE_PHOTO_PATH);
    expect((await makeSamplePhoto()).equals(committed)).toBe(true);
  });
});
