import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { designSchema } from '../common/design/design-schema';
import { FONT_FILES } from '../common/layout/font-files';
import { layoutDesign } from '../common/layout/layout-design';
import { SAMPLE_PHOTO_ID } from '../common/templates/sample-photo';
import { findTemplate } from '../common/templates/templates';
import { SAMPLE_PHOTO_PATH } from '../server/assets/sample-assets';
import { FontCache } from '../worker/pdf/font-cache';
import { forgetPrintImages } from '../worker/pdf/print-images';
import { renderPdf } from '../worker/pdf/render-pdf';
import { renderStraightforward } from './straightforward-render';
import { fmt, percentiles, timeRuns } from './stats';

export interface RenderFigures {
  rosette: { median: number; p95: number };
  straightforward: { median: number; p95: number };
  ratio: number;
  /** Longest the event loop was blocked during Rosette's renders, milliseconds. */
  maxEventLoopBlockMs: number;
}

/** Renders the A5 reference leaflet with Rosette's renderer and with the straightforward script. */
export async function benchRender(runs: number): Promise<RenderFigures> {
  const photo = fs.readFileSync(SAMPLE_PHOTO_PATH);
  // The photo's real size, so the layout crops it and checks its resolution as a print job would.
  const { width, height } = await sharp(photo).metadata();
  const meta = { width, height };
  const design = designSchema.parse(findTemplate('a5-flyer')!.design);
  const assets = new Map([[SAMPLE_PHOTO_ID, meta]]);
  const images = new Map([[SAMPLE_PHOTO_ID, photo]]);
  const fontFiles = {
    regular: fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES.sans.regular}`)),
    bold: fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES.sans.bold}`)),
  };

  const straightforward = percentiles(await timeRuns(runs, 5, () => renderStraightforward(fontFiles, photo)));

  const fonts = new FontCache();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const rosette = percentiles(await timeRuns(runs, 5, () => renderPdf({ layout: layoutDesign(design, assets), title: design.title, images, fonts })));
  delay.disable();
  // A photo the thread has not converted before: sharp crops, converts it to CMYK through the output profile and encodes it.
  const firstPhoto = percentiles(
    await timeRuns(Math.max(5, Math.round(runs / 10)), 1, () => {
      forgetPrintImages();
      return renderPdf({ layout: layoutDesign(design, assets), title: design.title, images, fonts });
    }),
  );

  console.log('Render the A5 two-sided reference leaflet (ms per leaflet, one core)');
  console.log(`  straightforward pdfkit script   median ${fmt(straightforward.median)}  p95 ${fmt(straightforward.p95)}`);
  console.log(`  Rosette (layout + render)       median ${fmt(rosette.median)}  p95 ${fmt(rosette.p95)}`);
  const ratio = rosette.median / straightforward.median;
  console.log(`  ratio Rosette / straightforward ${fmt(ratio)}   (target <= 0.25)`);
  console.log(`  Rosette, photo not yet converted median ${fmt(firstPhoto.median)}  p95 ${fmt(firstPhoto.p95)}  (ratio ${fmt(firstPhoto.median / straightforward.median)}; the straightforward script embeds the photo as RGB, unconverted)`);
  const maxBlock = delay.max / 1e6;
  console.log(`  longest event-loop block during Rosette renders: ${fmt(maxBlock)} ms (BullMQ renews a 30 000 ms lock every 15 000 ms)`);
  return { rosette, straightforward, ratio, maxEventLoopBlockMs: maxBlock };
}
