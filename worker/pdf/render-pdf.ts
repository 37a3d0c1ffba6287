import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { LaidOutDesign, PreflightWarning } from '../../common/layout/draw-items';
import { PROOF_MARK, RENDERER_RELEASED } from '../../common/queue/print-job';
import { drawItem } from './draw-items';
import type { FontCache } from './font-cache';
import { drawCropMarks, mediaSize, setPageBoxes } from './page-boxes';
import { groupByElement, structureTag } from './page-structure';
import { makePdfX } from './pdf-x';
import { preparePrintImages } from './prepare-print-images';
import { drawProofMark } from './proof-mark';

export interface RenderedPdf {
  data: Buffer;
  pages: number;
  /** What only drawing could tell (the ink coverage of images after conversion to CMYK). */
  warnings: PreflightWarning[];
}

export interface RenderInput {
  layout: LaidOutDesign;
  /** Goes into the PDF's Title; nothing about the account that made it does. */
  title: string;
  /** Image bytes by asset id. */
  images: ReadonlyMap<string, Buffer>;
  fonts: FontCache;
  /** Draw PROOF_MARK across every page, and say it in the title (a proof for sign-off). */
  proof?: boolean;
  /** Called with 0-100 as pages are drawn. */
  onProgress?: (percent: number) => void | Promise<void>;
}

/**
 * Draws a laid-out design as a PDF/X-4 file with pdfkit: every colour and image in CMYK for the output
 * profile's printing condition (pdf-x.ts), solid black text overprinting, tagged for screen readers (the
 * design's language, its elements in reading order, pictures with their descriptions). The page is the
 * trim plus 3 mm bleed on each side (plus a slug for crop marks when asked for), with TrimBox and BleedBox
 * in every page dictionary. A proof carries PROOF_MARK across every page and in its title (proof-mark.ts). The bytes depend only on the layout, the title and the images. Between pages
 * it yields to the event loop so that BullMQ's lock renewal is never starved by a long render.
 */
export async function renderPdf({ layout, title: designTitle, images, fonts, proof = false, onProgress }: RenderInput): Promise<RenderedPdf> {
  const g = layout.geometry;
  const title = proof ? `${PROOF_MARK}: ${designTitle}` : designTitle;
  const { prepared, warnings } = await preparePrintImages(layout, images);

  const doc = new PDFDocument({
    autoFirstPage: false,
    size: mediaSize(g),
    margin: 0,
    font: null as unknown as string,
    pdfVersion: '1.6',
    tagged: true,
    lang: layout.language,
    displayTitle: true,
    info: { Title: title, CreationDate: RENDERER_RELEASED },
  });
  makePdfX(doc, {
    title,
    language: layout.language,
    created: RENDERER_RELEASED,
    documentId: createHash('sha256').update(JSON.stringify({ title, layout })).digest().subarray(0, 16),
  });
  fonts.install(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const origin = g.slug + g.bleed;
  let headings = 0;
  for (let p = 0; p < layout.pages.length; p++) {
    doc.addPage({ size: mediaSize(g), margin: 0 });
    setPageBoxes(doc, g);
    for (const group of groupByElement(layout.pages[p]!)) {
      const draw = () => group.items.forEach((item) => drawItem(item, { doc, images: prepared, origin }));
      const tag = structureTag(group, headings === 0);
      if (tag?.tag.startsWith('H')) headings += 1;
      if (tag) root.add(doc.struct(tag.tag, tag.alt !== undefined ? { alt: tag.alt } : {}, [draw]));
      else {
        doc.markContent('Artifact', { type: 'Layout' });
        draw();
        doc.endMarkedContent();
      }
    }
    if (proof) drawProofMark(doc, g);
    if (g.cropMarks) {
      doc.markContent('Artifact', { type: 'Page' });
      drawCropMarks(doc, g);
      doc.endMarkedContent();
    }
    await onProgress?.(Math.round((90 * (p + 1)) / layout.pages.length));
    await new Promise((resolve) => setImmediate(resolve));
  }
  root.end();
  doc.end();
  await ended;
  await onProgress?.(100);
  return { data: Buffer.concat(chunks), pages: layout.pages.length, warnings };
}
