import type { DesignInput } from '../../../common/design/design-schema';
import { MIN_PRINT_DPI, REFUSE_BELOW_DPI } from '../../../common/layout/layout-design';
import type { ApiError } from '../api/api-error';
import { describePath } from '../editor/describe-path';

/** The error code of POST /api/print-jobs for images below REFUSE_BELOW_DPI that nobody confirmed. */
export const IMAGE_RESOLUTION_TOO_LOW = 'image_resolution_too_low';

/** One image the server would not print without the campaigner's say-so. */
export interface CoarseImage {
  /** Path in the design (`pages[0].elements[2].assetId`), for going to the field. */
  path: string;
  /** Where it is, in words: "Front, Photo". */
  place: string;
  /** Its resolution at the printed size, pixels per inch; null if the server did not say. */
  ppi: number | null;
}

/** The images of a 422 image_resolution_too_low, in words; null for any other error. */
export function coarseImagesOf(error: ApiError, design: DesignInput): CoarseImage[] | null {
  if (error.status !== 422 || error.code !== IMAGE_RESOLUTION_TOO_LOW) return null;
  return error.fields.map((f) => {
    const path = f.path.replace(/^design\.?/, '');
    const ppi = /(\d+) ppi/.exec(f.message)?.[1];
    return { path, place: describePath(design, path), ppi: ppi === undefined ? null : Number(ppi) };
  });
}

/** What the campaigner is told about one such image. */
export function coarseImageWords(image: CoarseImage): string {
  const resolution = image.ppi === null ? `under ${REFUSE_BELOW_DPI}` : String(image.ppi);
  return `${image.place}: ${resolution} dots per inch at its printed size, where printers ask for ${MIN_PRINT_DPI}; it will look blurred.`;
}
