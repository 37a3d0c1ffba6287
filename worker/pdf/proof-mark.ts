import type { PageGeometry } from '../../common/layout/draw-items';
import { fontKey } from '../../common/layout/font-files';
import { mmToPt } from '../../common/design/units';
import { PROOF_MARK } from '../../common/queue/print-job';
import { mediaSize } from './page-boxes';

/** The mark's ink: full magenta, which no campaign leaflet would print as its own words across a page. */
const MARK_INK: [number, number, number, number] = [0, 100, 0, 0];
/** How much of the page shows through the diagonal mark (0-1): enough to judge the design under it. */
const DIAGONAL_OPACITY = 0.45;
/** Height of the solid bands at the top and bottom of the trim, millimetres. */
const BAND_MM = 9;

/**
 * Draws PROOF_MARK over a page of a proof: once large along the diagonal, over everything, and in a
 * solid band across the top and the bottom of the trim, so no crop of the page loses it and no printer
 * could take the file for the final one. Drawn last, as a pagination artifact (screen readers skip it).
 */
export function drawProofMark(doc: PDFKit.PDFDocument, g: PageGeometry): void {
  const [w, h] = mediaSize(g);
  const font = fontKey('sans', 'bold');
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.save();
  // The diagonal: as large as fits along it, with a margin.
  const angle = (-Math.atan2(h, w) * 180) / Math.PI;
  const diagonal = Math.hypot(w, h);
  const unit = doc.font(font, 10).widthOfString(PROOF_MARK) / 10;
  const size = Math.min((diagonal * 0.8) / unit, Math.min(w, h) / 4);
  // Outlined in paper white, so it stands out on a magenta or red background too.
  doc.fillColor(MARK_INK).fillOpacity(DIAGONAL_OPACITY).strokeColor([0, 0, 0, 0]).strokeOpacity(0.9).lineWidth(Math.max(1, size / 25));
  doc.rotate(angle, { origin: [w / 2, h / 2] });
  doc.font(font, size).text(PROOF_MARK, w / 2 - (unit * size) / 2, h / 2 - size / 2, { lineBreak: false, fill: true, stroke: true });
  doc.restore();
  // The bands: solid ink, the words knocked out in white paper.
  const inset = mmToPt(g.slug + g.bleed);
  const band = mmToPt(BAND_MM);
  const bandSize = band * 0.55;
  const bandWords = doc.font(font, bandSize).widthOfString(PROOF_MARK);
  for (const top of [inset, h - inset - band]) {
    doc.save();
    doc.rect(0, top, w, band).fill(MARK_INK);
    doc.fillColor([0, 0, 0, 0]).font(font, bandSize).text(PROOF_MARK, (w - bandWords) / 2, top + (band - bandSize) / 2, { lineBreak: false });
    doc.restore();
  }
  doc.endMarkedContent();
}
