import type { Design } from '../design/design-schema';
import type { PreflightWarning } from './draw-items';
import { MIN_PRINT_DPI, REFUSE_BELOW_DPI } from './layout-design';

/** An image so coarse at its printed size that it is printed only when the campaigner confirms it. */
export interface LowResolutionRefusal {
  /** Where the image's asset id is in the design: ['pages', 0, 'elements', 2, 'assetId']. */
  path: Array<string | number>;
  /** Page index, 0 = front. */
  page: number;
  elementId: string;
  /** Effective resolution at the printed size, pixels per inch (rounded down). */
  ppi: number;
  /** Says the ppi and the minimum, for the API's field problem. */
  message: string;
}

/**
 * The images of a laid-out design below REFUSE_BELOW_DPI, from its low-resolution-image warnings. The
 * server refuses such a design unless the request confirms them; the editor asks the same question first.
 */
export function lowResolutionRefusals(design: Design, warnings: readonly PreflightWarning[]): LowResolutionRefusal[] {
  return warnings.flatMap((w) => {
    if (w.code !== 'low-resolution-image' || w.ppi === undefined || w.ppi >= REFUSE_BELOW_DPI) return [];
    // Element ids are unique on a page (design-schema.ts), so the id finds the one element.
    const index = design.pages[w.page]?.elements.findIndex((e) => e.id === w.elementId) ?? -1;
    if (index < 0) return [];
    return [
      {
        path: ['pages', w.page, 'elements', index, 'assetId'],
        page: w.page,
        elementId: w.elementId,
        ppi: w.ppi,
        message: `image "${w.elementId}" prints at ${w.ppi} ppi, below the ${REFUSE_BELOW_DPI} ppi minimum (${MIN_PRINT_DPI} ppi for a sharp print); use a larger image, or confirm to print it anyway`,
      },
    ];
  });
}
