import { useEffect, useMemo, useState } from 'react';
import type { DesignInput } from '../../../common/design/design-schema';
import type { AssetInfo } from '../../../common/layout/layout-design';
import { loadAssetSize } from './load-asset-size';

/** Asset ids of every image element in a design. */
export function imageAssetIds(design: DesignInput): string[] {
  const ids = new Set<string>();
  for (const page of design.pages) for (const el of page.elements) if (el.kind === 'image') ids.add(el.assetId);
  return [...ids];
}

const NONE_KNOWN: Record<string, AssetInfo> = {};

/**
 * Pixel sizes of the design's images: those already known (uploaded in this draft) and the others,
 * read from the server's copies as they load. `onLoaded` hears of each newly read size.
 */
export function useAssetSizes(design: DesignInput | null, known: Record<string, AssetInfo> = NONE_KNOWN, onLoaded?: (id: string, size: AssetInfo) => void): Record<string, AssetInfo> {
  return useAssetSizesOf(design ? imageAssetIds(design) : [], known, onLoaded);
}

/** Pixel sizes of these assets (the images of a design, or of every row of a variant table), as useAssetSizes. */
export function useAssetSizesOf(ids: readonly string[], known: Record<string, AssetInfo> = NONE_KNOWN, onLoaded?: (id: string, size: AssetInfo) => void): Record<string, AssetInfo> {
  const [loaded, setLoaded] = useState<Record<string, AssetInfo>>({});
  const missing = [...new Set(ids)].filter((id) => !known[id] && !loaded[id]);
  const missingKey = missing.join(',');
  useEffect(() => {
    let live = true;
    for (const id of missingKey ? missingKey.split(',') : []) {
      void loadAssetSize(id).then((size) => {
        if (!live || !size) return;
        setLoaded((prev) => ({ ...prev, [id]: size }));
        onLoaded?.(id, size);
      });
    }
    return () => {
      live = false;
    };
    // onLoaded may change on every render; only a new set of missing ids should start loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [missingKey]);
  return useMemo(() => ({ ...loaded, ...known }), [loaded, known]);
}
