import type { Design } from '../../../common/design/design-schema';
import type { LaidOutDesign } from '../../../common/layout/draw-items';
import type { AssetInfo } from '../../../common/layout/layout-design';

/** What the client exposes for tests (client/src/app/rosette-test-hook.ts). */
declare global {
  interface Window {
    __rosette?: { layoutDesign(design: Design, assets?: Record<string, AssetInfo>): Promise<LaidOutDesign> };
  }
}

export {};
