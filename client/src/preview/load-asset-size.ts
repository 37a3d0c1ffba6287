import type { AssetInfo } from '../../../common/layout/layout-design';
import { assetUrl } from '../api/assets-api';

const sizes = new Map<string, Promise<AssetInfo | null>>();

/**
 * The pixel size of an image the server holds, read by loading it (the browser caches it for the
 * preview anyway). Null when it cannot be loaded. Each image is asked for once per page load.
 */
export function loadAssetSize(id: string): Promise<AssetInfo | null> {
  let size = sizes.get(id);
  if (!size) {
    size = new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
      img.onerror = () => {
        sizes.delete(id);
        resolve(null);
      };
      img.src = assetUrl(id);
    });
    sizes.set(id, size);
  }
  return size;
}
