import type { DrawItem, ImageItem } from '../../common/layout/draw-items';
import { mmToPt } from '../../common/design/units';
import { fontKey } from '../../common/layout/font-files';
import { withOverprint } from './overprint';
import { pdfColour } from './pdf-colour';
import { embedPrintImage, type PrintImage } from './print-images';

/** What a drawer needs besides its item. */
export interface DrawContext {
  doc: PDFKit.PDFDocument;
  /** Every image item of the document, prepared for print (print-images.ts). */
  images: ReadonlyMap<ImageItem, PrintImage>;
  /** Offset of the trim's top-left corner from the page's, in millimetres. */
  origin: number;
}

type Drawer<T extends DrawItem['type']> = (item: Extract<DrawItem, { type: T }>, ctx: DrawContext) => void;

/** One drawer per draw item type: a new type without a drawer does not compile. Every colour is CMYK. */
export const DRAWERS: { [T in DrawItem['type']]: Drawer<T> } = {
  rect(item, { doc, origin }) {
    const [x, y, w, h] = [mmToPt(item.x + origin), mmToPt(item.y + origin), mmToPt(item.width), mmToPt(item.height)];
    (item.radius > 0 ? doc.roundedRect(x, y, w, h, mmToPt(item.radius)) : doc.rect(x, y, w, h)).fill(pdfColour(item.fill));
  },
  ellipse(item, { doc, origin }) {
    const rx = item.width / 2;
    const ry = item.height / 2;
    doc.ellipse(mmToPt(item.x + origin + rx), mmToPt(item.y + origin + ry), mmToPt(rx), mmToPt(ry)).fill(pdfColour(item.fill));
  },
  text(item, { doc, origin }) {
    doc
      .font(fontKey(item.font, item.weight), item.fontSize)
      .fillColor(pdfColour(item.colour))
      .text(item.text, mmToPt(item.x + origin), mmToPt(item.baseline + origin), { lineBreak: false, baseline: 'alphabetic' });
  },
  image(item, { doc, images, origin }) {
    const image = images.get(item);
    if (!image) return;
    const { clip } = item;
    const { rect } = image;
    const name = embedPrintImage(doc, image);
    doc.save();
    doc.rect(mmToPt(clip.x + origin), mmToPt(clip.y + origin), mmToPt(clip.width), mmToPt(clip.height)).clip();
    // pdfkit's page is flipped (origin top-left); an image's unit square is drawn upright by a negative height.
    const [x, y, w, h] = [mmToPt(rect.x + origin), mmToPt(rect.y + origin), mmToPt(rect.width), mmToPt(rect.height)];
    doc.transform(w, 0, 0, -h, x, y + h);
    doc.addContent(`/${name} Do`);
    doc.restore();
  },
  qr(item, { doc, origin }) {
    const m = item.moduleSize;
    for (const [row, col, len] of item.runs) {
      // Each run overlaps the next row by a hair so no white seams show between modules.
      doc.rect(mmToPt(item.x + origin + col * m), mmToPt(item.y + origin + row * m), mmToPt(len * m), mmToPt(m) + 0.05);
    }
    doc.fill(pdfColour(item.colour));
  },
};

/** Draws one item with the drawer for its type, overprinting when the layout says so (solid black text and lines). */
export function drawItem(item: DrawItem, ctx: DrawContext): void {
  const draw = () => (DRAWERS[item.type] as Drawer<DrawItem['type']>)(item, ctx);
  if ('overprint' in item && item.overprint) withOverprint(ctx.doc, draw);
  else draw();
}
