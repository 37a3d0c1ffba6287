import { ASSET_EXTENSION, type AssetInfo } from '../../common/node/asset-info';
import type { FileStore } from '../../common/node/file-store';
import { assetInfoKey, assetKey } from '../../common/queue/names';
import type { ProcessedImage } from './process-image';

/**
 * Stores a processed image and its facts; returns the facts. Idempotent: the id is the hash of the
 * bytes, so an asset that is already stored is left as it is.
 */
export async function storeAsset(store: FileStore, image: ProcessedImage): Promise<AssetInfo> {
  const info: AssetInfo = { id: image.id, type: image.type, width: image.width, height: image.height, bytes: image.bytes };
  if (await store.stat(assetInfoKey(info.id))) return info;
  await store.put(assetKey(info.id, ASSET_EXTENSION[info.type]), image.data);
  // The facts go last: whoever finds them (GET /api/assets/:id, print jobs, the worker) can rely on
  // the image being there too.
  await store.put(assetInfoKey(info.id), Buffer.from(JSON.stringify(info)));
  return info;
}
