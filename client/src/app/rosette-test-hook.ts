import type { Design } from '../../../common/design/design-schema';
import type { LaidOutDesign } from '../../../common/layout/draw-items';
import type { AssetInfo } from '../../../common/layout/layout-design';

/** Pixel sizes of images by asset id: a Map, or a plain object or entries (what page.evaluate can pass). */
type AssetSizes = ReadonlyMap<string, AssetInfo> | Record<string, AssetInfo> | Array<[string, AssetInfo]>;

/** What the page exposes for tests: the layout exactly as this bundle computes it. */
export interface RosetteHook {
  /** Resolves once the layout engine's chunk (the editor's) has loaded; page.evaluate awaits it. */
  layoutDesign(design: Design, assets?: AssetSizes): Promise<LaidOutDesign>;
}

declare global {
  interface Window {
    __rosette?: RosetteHook;
  }
}

/**
 * Exposes the bundled layout engine as `window.__rosette`, so an end-to-end test can compare the layout
 * the browser computes with the one the worker computes. It is pure and holds no data, so exposing it
 * costs nothing; the engine itself is imported on the first call, so the sign-in page does not carry it.
 */
export function installRosetteHook(): void {
  window.__rosette = {
    layoutDesign: async (design, assets) => (await import('../../../common/layout/layout-design')).layoutDesign(design, toMap(assets)),
  };
}

function toMap(assets: AssetSizes | undefined): Map<string, AssetInfo> {
  if (!assets) return new Map();
  if (assets instanceof Map) return new Map(assets);
  if (Array.isArray(assets)) return new Map(assets);
  return new Map(Object.entries(assets as Record<string, AssetInfo>));
}
