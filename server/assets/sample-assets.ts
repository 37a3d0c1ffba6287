import fs from 'node:fs';
import path from 'node:path';
import type { AssetInfo } from '../../common/node/asset-info';
import type { FileStore } from '../../common/node/file-store';
import { storeAsset } from './asset-service';
import { processImage } from './process-image';

/**
 * The id templates use for the sample photo. It lives in common/ because the templates (which run in the
 * browser too) need it; test/server/assets/sample-assets.test.ts checks it equals what seedSampleAssets stores.
 */
export { SAMPLE_PHOTO_ID } from '../../common/templates/sample-photo';

/**
 * The committed sample photo (made by scripts/make-sample-photo.ts). tsc does not copy it into dist/, so
 * compiled code, which runs from dist/server/assets/, finds it in the source folder instead.
 */
export const SAMPLE_PHOTO_PATH =
  [path.join(__dirname, 'sample-photo.jpg'), path.join(__dirname, '..', '..', '..', 'server', 'assets', 'sample-photo.jpg')].find((p) => fs.existsSync(p)) ??
  path.join(__dirname, 'sample-photo.jpg');

/**
 * Puts the images of the built-in templates into the store, as if a campaigner had uploaded them, so
 * their id is the hash of the processed bytes like any other asset's. Idempotent; run at every start.
 */
export async function seedSampleAssets(store: FileStore): Promise<AssetInfo> {
  const data = await fs.promises.readFile(SAMPLE_PHOTO_PATH);
  return storeAsset(store, await processImage(data));
}
