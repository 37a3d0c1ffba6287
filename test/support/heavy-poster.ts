import sharp from 'sharp';
import { designSchema, type Design } from '../../common/design/design-schema';
import type { FileStore } from '../../common/node/file-store';
import { findTemplate } from '../../common/templates/templates';
import { storeAsset } from '../../server/assets/asset-service';
import { processImage } from '../../server/assets/process-image';
import { withRealImprint } from './real-imprint';

/** Side of the poster's picture in pixels: 36 megapixels, within the default upload limit of 50. */
const SIDE = 6000;

let png: Promise<Buffer> | undefined;

/**
 * A big PNG with transparency, as a campaigner might upload a cut-out logo or a scan. pdfkit must
 * inflate it, split off the alpha channel pixel by pixel in JavaScript and deflate both again, so one
 * poster with it takes a couple of seconds to draw: long enough to kill a worker in the middle.
 */
function heavyPng(): Promise<Buffer> {
  png ??= (() => {
    const raw = Buffer.alloc(SIDE * SIDE * 4);
    for (let y = 0; y < SIDE; y++) {
      for (let x = 0; x < SIDE; x++) {
        const i = (y * SIDE + x) * 4;
        raw[i] = x & 255;
        raw[i + 1] = y & 255;
        raw[i + 2] = (x ^ y) & 255;
        raw[i + 3] = 128 + ((x * y) & 127);
      }
    }
    return sharp(raw, { raw: { width: SIDE, height: SIDE, channels: 4 } }).png().toBuffer();
  })();
  return png;
}

/**
 * Uploads the heavy picture into `store` the way the server does (processImage, storeAsset) and returns
 * the A3 poster template with that picture, titled `title` (the title makes the job and PDF distinct).
 */
export async function heavyPoster(store: FileStore, title: string): Promise<Design> {
  const asset = await storeAsset(store, await processImage(await heavyPng()));
  const design = structuredClone(findTemplate('a3-poster')!.design);
  design.title = title;
  for (const el of design.pages[0]!.elements) if (el.kind === 'image') el.assetId = asset.id;
  return designSchema.parse(withRealImprint(design));
}

/** A quick A5 flyer titled `title`, using the sample photo (seed it with seedSampleAssets first). */
export function lightFlyer(title: string): Design {
  const design = structuredClone(findTemplate('a5-flyer')!.design);
  design.title = title;
  return designSchema.parse(withRealImprint(design));
}
