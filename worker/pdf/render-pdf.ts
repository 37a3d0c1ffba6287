import PDFDocument from 'pdfkit';
import type { LaidOutDesign } from '../../common/layout/draw-items';
import { drawItem, type OpenedImage } from './draw-items';
import type { FontCache } from './font-cache';
import { drawCropMarks, mediaSize, setPageBoxes } from './page-boxes';

export interface RenderedPdf {
  data: Buffer;
  pages: number;
}

export interface RenderInput {
  layout: LaidOutDesign;
  /** Goes into the PDF's Title; nothing about the account that made it does. */
  title: string;
  /** Image bytes by asset id. */
  images: ReadonlyMap<string, Buffer>;
  fonts: FontCache;
  /** Called with 0-100 as pages are drawn. */
  onProgress?: (percent: number) => void | Promise<void>;
}

/**
 * Draws a laid-out design with pdfkit. The page is the trim plus 3 mm bleed on each side (plus a slug
 * for crop marks when asked for), with TrimBox and BleedBox in every page dictionary. Between pages it
 * yields to the event loop so that BullMQ's lock renewal is never starved by a long render.
 */
export async function renderPdf({ layout, title, images, fonts, onProgress }: RenderInput): Promise<RenderedPdf> {
  const g = layout.geometry;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: mediaSize(g),
    margin: 0,
    font: null as unknown as string,
    pdfVersion: '1.6',
    info: { Title: title, Creator: 'Rosette', Producer: 'Rosette' },
  });
  fonts.install(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const opened = new Map<string, OpenedImage>();
  const openImage = (doc as unknown as { openImage(data: Buffer): OpenedImage }).openImage.bind(doc);
  for (const [id, data] of images) opened.set(id, openImage(data));
  const origin = g.slug + g.bleed;
  for (let p = 0; p < layout.pages.length; p++) {
    doc.addPage({ size: mediaSize(g), margin: 0 });
    setPageBoxes(doc, g);
    for (const item of layout.pages[p]!.items) drawItem(item, { doc, images: opened, origin });
    if (g.cropMarks) drawCropMarks(doc, g);
    await onProgress?.(Math.round((90 * (p + 1)) / layout.pages.length));
    await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  await ended;
  await onProgress?.(100);
  return { data: Buffer.concat(chunks), pages: layout.pages.length };
}
