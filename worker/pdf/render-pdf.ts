import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { ImageItem, LaidOutDesign, PreflightWarning } from '../../common/layout/draw-items';
import type { PrintImage } from './print-images';
import { encodeConvertedImage } from './converted-image-file';
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
  /** Each picture as converted for print (converted-image-file.ts), by conversion key; only when asked for (keepConverted). */
  converted?: ConvertedImageFile[];
}

/** A converted picture as a file, for a print run's combined PDF to reuse. */
export interface ConvertedImageFile {
  /** The conversion's key (PrintImagePlan.key). */
  key: string;
  /** encodeConvertedImage's bytes. */
  file: Buffer;
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
  /** Return each converted picture too (a print run's render: the run's combined PDF reuses them). */
  keepConverted?: boolean;
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
export async function renderPdf({ layout, title: designTitle, images, fonts, proof = false, keepConverted = false, onProgress }: RenderInput): Promise<RenderedPdf> {
  const title = proof ? `${PROOF_MARK}: ${designTitle}` : designTitle;
  const { prepared, warnings } = await preparePrintImages(layout, images);

  const { doc, root, finish } = openPrintDocument(layout, title, createHash('sha256').update(JSON.stringify({ title, layout })).digest().subarray(0, 16), fonts);
  await drawPages(doc, root, layout, prepared, { proof, firstHeading: true }, (done) => onProgress?.(Math.round((90 * done) / layout.pages.length)));
  const data = await finish();
  await onProgress?.(100);
  return { data, pages: layout.pages.length, warnings, ...(keepConverted && { converted: convertedFiles(prepared.values()) }) };
}

/** Each distinct conversion once, as a file. */
export function convertedFiles(images: Iterable<PrintImage>): ConvertedImageFile[] {
  const byKey = new Map<string, ConvertedImageFile>();
  for (const image of images) if (!byKey.has(image.key)) byKey.set(image.key, { key: image.key, file: encodeConvertedImage(image) });
  return [...byKey.values()];
}

/** A PDF/X-4 document begun (its structure root open), and how to end it and collect its bytes. */
export interface PrintDocument {
  doc: PDFKit.PDFDocument;
  root: PDFKit.PDFStructureElement;
  /** Closes the structure and the document; resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/** Opens a document for the layout's geometry and language (PDF/X-4, tagged), with the fonts installed. */
export function openPrintDocument(layout: LaidOutDesign, title: string, documentId: Buffer, fonts: FontCache): PrintDocument {
  const g = layout.geometry;
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
  makePdfX(doc, { title, language: layout.language, created: RENDERER_RELEASED, documentId });
  fonts.install(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  return {
    doc,
    root,
    async finish() {
      root.end();
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

/**
 * Draws every page of a layout at the end of the document, yielding to the event loop between pages.
 * @param options.firstHeading whether the first heading drawn is the document's (H1), as in a document of one design.
 * @param onPage called with the number of this layout's pages drawn so far.
 */
export async function drawPages(
  doc: PDFKit.PDFDocument,
  root: PDFKit.PDFStructureElement,
  layout: LaidOutDesign,
  prepared: ReadonlyMap<ImageItem, PrintImage>,
  options: { proof: boolean; firstHeading: boolean },
  onPage?: (done: number) => unknown,
): Promise<void> {
  const g = layout.geometry;
  const origin = g.slug + g.bleed;
  let headings = options.firstHeading ? 0 : 1;
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
    if (options.proof) drawProofMark(doc, g);
    if (g.cropMarks) {
      doc.markContent('Artifact', { type: 'Page' });
      drawCropMarks(doc, g);
      doc.endMarkedContent();
    }
    await onPage?.(p + 1);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
