import type { ImageItem, LaidOutDesign, PreflightWarning } from '../../common/layout/draw-items';
import { preparePrintImage, type PrintImage } from './print-images';

/**
 * Prepares every picture of a layout for print (print-images.ts) and says which ones carry more ink than
 * the layout's print settings allow. The render needs both; a job whose PDF already exists needs the
 * warnings only, so that a repeated job reports what the first one did.
 */
export async function preparePrintImages(
  layout: LaidOutDesign,
  images: ReadonlyMap<string, Buffer>,
): Promise<{ prepared: Map<ImageItem, PrintImage>; warnings: PreflightWarning[] }> {
  const warnings: PreflightWarning[] = [];
  const prepared = new Map<ImageItem, PrintImage>();
  for (const [pageIndex, page] of layout.pages.entries()) {
    for (const item of page.items) {
      const data = item.type === 'image' ? images.get(item.assetId) : undefined;
      if (item.type !== 'image' || !data) continue;
      const image = await preparePrintImage(item.assetId, data, item);
      prepared.set(item, image);
      if (image.maxInkCoverage > layout.print.maxInkCoverage + 0.5) {
        warnings.push({
          code: 'ink-coverage',
          page: pageIndex,
          elementId: item.elementId,
          message: `image "${item.elementId}" has areas with ${Math.round(image.maxInkCoverage)} % ink in all; the printer's limit is ${layout.print.maxInkCoverage} %, so they may smudge. Lighten its darkest areas.`,
        });
      }
    }
  }
  return { prepared, warnings };
}
