/** Resource name of the overprint graphics state on every page that uses it. */
const OVERPRINT_STATE = 'RosetteOverprint';

const states = new WeakMap<PDFKit.PDFDocument, PDFKit.PDFKitReference>();

interface PageResources {
  ext_gstates: Record<string, unknown>;
}

/**
 * Draws with overprint on: the ink is printed over whatever is beneath rather than knocking it out. OPM 1
 * (nonzero overprint mode) makes the zero channels of a CMYK colour leave the plates beneath untouched,
 * which is what "black overprints" means on press. pdfkit has no API for it, so the graphics state is a
 * plain ExtGState object, one per document, named in the resources of each page that uses it.
 */
export function withOverprint(doc: PDFKit.PDFDocument, draw: () => void): void {
  let state = states.get(doc);
  if (!state) {
    state = doc.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
    (state as unknown as { end(): void }).end();
    states.set(doc, state);
  }
  (doc.page as unknown as PageResources).ext_gstates[OVERPRINT_STATE] = state;
  doc.save();
  doc.addContent(`/${OVERPRINT_STATE} gs`);
  draw();
  doc.restore();
}
