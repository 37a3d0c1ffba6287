import type { DrawItem } from '../../common/layout/draw-items';
import { mmToPt } from '../../common/design/units';
import { fontKey } from '../../common/layout/font-files';
import { pdfColour } from './pdf-colour';

/** An image pdfkit has opened (parsed) for one document: `doc.openImage()`, which its types omit. */
export type OpenedImage = object;

/** What a drawer needs besides its item. */
export interface DrawContext {
  doc: PDFKit.PDFDocument;
  /** Images of this document by asset id, already opened by pdfkit. */
  images: ReadonlyMap<string, OpenedImage>;
  /** Offset of the trim's top-left corner from the page's, in millimetres. */
  origin: number;
}

type Drawer<T extends DrawItem['type']> = (item: Extract<DrawItem, { type: T }>, ctx: DrawContext) => void;

/** One drawer per draw item type: a new type without a drawer does not compile. */
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
    const image = images.get(item.assetId);
    if (!image) return;
    const { clip, placement } = item;
    doc.save();
    doc.rect(mmToPt(clip.x + origin), mmToPt(clip.y + origin), mmToPt(clip.width), mmToPt(clip.height)).clip();
    doc.image(image as Buffer, mmToPt(placement.x + origin), mmToPt(placement.y + origin), { width: mmToPt(placement.width), height: mmToPt(placement.height) });
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

/** Draws one item with the drawer for its type. */
export function drawItem(item: DrawItem, ctx: DrawContext): void {
  (DRAWERS[item.type] as Drawer<DrawItem['type']>)(item, ctx);
}
