import type { AssetInfo } from '../../../common/layout/layout-design';
import { assetUrl } from '../api/assets-api';

const sizes = new Map<string, Promise<AssetInfo | null>>();

/**
 * The pixel size of an image the server holds, from the X-Image-Width and X-Image-Height of a HEAD
 * request (the preview draws a screen-sized copy, so the print-resolution original is never
 * downloaded). Null when it cannot be read. Each image is asked for once per page load.
 */
export function loadAssetSize(id: string): Promise<AssetInfo | null> {
  let size = sizes.get(id);
  if (!size) {
    size = fetch(assetUrl(id), { method: 'HEAD' })
      .then((res) => {
        const width = Number(res.headers.get('X-Image-Width'));
        const height = Number(res.headers.get('X-Image-Height'));
        return res.ok && width > 0 && height > 0 ? { width, height } : null;
      })
      .catch(() => null)
      .then((found) => {
        if (!found) sizes.delete(id);
        return found;
      });
    sizes.set(id, size);
  }
  return size;
}
