import type { PageGeometry } from '../../common/layout/draw-items';
import { mmToPt } from '../../common/design/units';

/** Page size in points: trim + bleed on each side (+ room for crop marks when asked for). */
export function mediaSize(g: PageGeometry): [number, number] {
  const extra = 2 * (g.bleed + g.slug);
  return [mmToPt(g.trim.width + extra), mmToPt(g.trim.height + extra)];
}

/**
 * Writes TrimBox and BleedBox into the current page's dictionary, as printers' preflight tools expect.
 * PDF boxes are [left, bottom, right, top] in points from the bottom-left corner of the page.
 */
export function setPageBoxes(doc: PDFKit.PDFDocument, g: PageGeometry): void {
  const [w, h] = mediaSize(g);
  const trimInset = mmToPt(g.slug + g.bleed);
  const bleedInset = mmToPt(g.slug);
  const dictionary = (doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary;
  dictionary.data.TrimBox = [trimInset, trimInset, w - trimInset, h - trimInset];
  dictionary.data.BleedBox = [bleedInset, bleedInset, w - bleedInset, h - bleedInset];
}

/** Length of a crop mark, millimetres; marks start at the bleed edge so they never print on the leaflet. */
const MARK_LENGTH_MM = 5;

/** The registration colour: a Separation named All, which prints on every plate (crop marks must show on each). */
const REGISTRATION = 'All';

/** Draws crop marks at the four corners of the trim, in registration colour, outside the bleed. */
export function drawCropMarks(doc: PDFKit.PDFDocument, g: PageGeometry): void {
  // pdfkit has addSpotColor (a Separation colour space with a CMYK alternate); its types lack it.
  const spots = doc as unknown as { spotColors: Record<string, unknown>; addSpotColor(name: string, c: number, m: number, y: number, k: number): void };
  if (!spots.spotColors[REGISTRATION]) spots.addSpotColor(REGISTRATION, 100, 100, 100, 100);
  const o = g.slug + g.bleed;
  const xs = [o, o + g.trim.width];
  const ys = [o, o + g.trim.height];
  const start = g.bleed;
  const end = g.bleed + MARK_LENGTH_MM;
  doc.save().lineWidth(0.25).strokeColor(REGISTRATION as unknown as PDFKit.Mixins.ColorValue);
  for (const x of xs) {
    for (const y of ys) {
      const dx = x === o ? -1 : 1;
      const dy = y === o ? -1 : 1;
      doc.moveTo(mmToPt(x + dx * start), mmToPt(y)).lineTo(mmToPt(x + dx * end), mmToPt(y)).stroke();
      doc.moveTo(mmToPt(x), mmToPt(y + dy * start)).lineTo(mmToPt(x), mmToPt(y + dy * end)).stroke();
    }
  }
  doc.restore();
}
