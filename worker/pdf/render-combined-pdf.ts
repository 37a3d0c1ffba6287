import { createHash } from 'node:crypto';
import type { ImageItem, LaidOutDesign } from '../../common/layout/draw-items';
import type { FontCache } from './font-cache';
import type { PrintImage } from './print-images';
import { drawPages, openPrintDocument, type PrintDocument } from './render-pdf';

/** One version of a combined PDF: its layout and its pictures ready to embed. */
export interface CombinedPart {
  layout: LaidOutDesign;
  prepared: ReadonlyMap<ImageItem, PrintImage>;
}

/**
 * Draws several versions of a design into one PDF/X-4 file for the printer, their pages one after the
 * other in the order given. Being one document, it embeds each font once (one subset holding every
 * version's glyphs) and each picture once however many versions place it the same way (the same
 * conversion key: print-images.ts). Parts are read one at a time, so a run's photos are never all in
 * memory together.
 * @param key what the document's id is derived from (the versions' PDF hashes), so equal runs give equal bytes.
 */
export async function renderCombinedPdf(options: { title: string; key: string; parts: AsyncIterable<CombinedPart>; fonts: FontCache; onPart?: (done: number) => unknown }): Promise<{ data: Buffer; pages: number }> {
  let open: PrintDocument | null = null;
  let pages = 0;
  let parts = 0;
  for await (const part of options.parts) {
    open ??= openPrintDocument(part.layout, options.title, createHash('sha256').update(options.key).digest().subarray(0, 16), options.fonts);
    await drawPages(open.doc, open.root, part.layout, part.prepared, { proof: false, firstHeading: pages === 0 });
    pages += part.layout.pages.length;
    parts += 1;
    await options.onPart?.(parts);
  }
  if (!open) throw new Error('a combined PDF needs at least one part');
  return { data: await open.finish(), pages };
}
