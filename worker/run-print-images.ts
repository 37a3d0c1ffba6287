import type { ImageItem, LaidOutDesign } from '../common/layout/draw-items';
import type { AssetInfo } from '../common/layout/layout-design';
import { ASSET_EXTENSION, readAssetInfo } from '../common/node/asset-info';
import type { FileStore } from '../common/node/file-store';
import { StoreUnavailableError } from '../common/node/store-unavailable-error';
import { assetKey } from '../common/queue/names';
import type { Design } from '../common/design/design-schema';
import { convertedImageFileKey, decodeConvertedImage } from './pdf/converted-image-file';
import { cachedPrintImage, planPrintImage, preparePrintImage, rememberPrintImage, type PrintImage } from './pdf/print-images';

/** An image a design places, as its stored facts say (the run step needs its size, not its bytes). */
export interface StoredAsset {
  info: { width: number; height: number };
  type: 'jpeg' | 'png';
}

/**
 * The stored facts of every image a design places, by asset id (no image bytes: the run step reads
 * those only for a picture its render did not keep). A missing image is an ordinary error, retried.
 */
export async function loadStoredAssets(design: Design, store: FileStore): Promise<Map<string, StoredAsset>> {
  const assets = new Map<string, StoredAsset>();
  for (const page of design.pages) {
    for (const el of page.elements) {
      if (el.kind !== 'image' || assets.has(el.assetId)) continue;
      const info = await StoreUnavailableError.guard('read', () => readAssetInfo(store, el.assetId));
      if (!info) throw new Error(`image ${el.assetId} is not in the file store`);
      assets.set(el.assetId, { info: { width: info.width, height: info.height }, type: info.type });
    }
  }
  return assets;
}

/** The sizes layoutDesign wants, by asset id. */
export function assetInfosOf(assets: ReadonlyMap<string, StoredAsset>): Map<string, AssetInfo> {
  return new Map([...assets].map(([id, a]) => [id, a.info]));
}

/**
 * Every picture of one run version ready to embed, reusing what the run's renders converted (kept in
 * the file store by render-job.ts), and converting again only a picture whose file is missing (a render
 * whose PDF was already made by an earlier run, a removed file). Each converted file read is added to
 * `used`, for the run step to remove once the combined PDF is stored.
 */
export async function runPrintImages(layout: LaidOutDesign, assets: ReadonlyMap<string, StoredAsset>, store: FileStore, used: Set<string>): Promise<Map<ImageItem, PrintImage>> {
  const prepared = new Map<ImageItem, PrintImage>();
  for (const page of layout.pages) {
    for (const item of page.items) {
      const asset = item.type === 'image' ? assets.get(item.assetId) : undefined;
      if (item.type !== 'image' || !asset) continue;
      const plan = planPrintImage(item.assetId, asset.info, item);
      const fileKey = convertedImageFileKey(plan.key);
      used.add(fileKey);
      let image = cachedPrintImage(plan) ?? null;
      if (!image) {
        const file = await StoreUnavailableError.guard('read', () => store.read(fileKey));
        image = file && decodeConvertedImage(file, plan.key, plan.rect);
        if (image) rememberPrintImage(image);
      }
      if (!image) {
        const data = await StoreUnavailableError.guard('read', () => store.read(assetKey(item.assetId, ASSET_EXTENSION[asset.type])));
        if (!data) throw new Error(`image ${item.assetId} is not in the file store`);
        image = await preparePrintImage(item.assetId, data, item);
      }
      prepared.set(item, image);
    }
  }
  return prepared;
}

/** The converted files a run version's pictures would have (to remove them when the run's combined PDF already exists). */
export function convertedFileKeysOf(layout: LaidOutDesign, assets: ReadonlyMap<string, StoredAsset>): string[] {
  return layout.pages.flatMap((page) =>
    page.items.flatMap((item) => {
      const asset = item.type === 'image' ? assets.get(item.assetId) : undefined;
      return item.type === 'image' && asset ? [convertedImageFileKey(planPrintImage(item.assetId, asset.info, item).key)] : [];
    }),
  );
}
