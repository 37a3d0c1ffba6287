import PDFDocument from 'pdfkit';

/** A pdfkit document as the checker's own tests draw on it. */
export type Doc = InstanceType<typeof PDFDocument>;

/** pdfkit's internals that the fixtures reach into: page resources and raw references. */
interface PdfkitInternals {
  ref(data: Record<string, unknown>): { end(chunk?: string | Buffer): void };
  page: { ext_gstates: Record<string, unknown>; xobjects: Record<string, unknown>; fonts: Record<string, unknown> };
  addContent(content: string): void;
}

export function internals(doc: Doc): PdfkitInternals {
  return doc as unknown as PdfkitInternals;
}

/**
 * Draws a PDF with pdfkit and returns its bytes.
 * @param size page size in PDF points, [width, height]
 */
export function drawPdf(draw: (doc: Doc) => void, size: [number, number] = [200, 200]): Promise<Buffer> {
  const doc = new PDFDocument({ size, margin: 0, autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/**
 * Puts an ExtGState with overprint on (OP, op, OPM 1) into the current page's resources as /GSop
 * and applies it, so what follows (until the enclosing restore) overprints.
 */
export function overprintOn(doc: Doc): void {
  const pdf = internals(doc);
  const state = pdf.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
  state.end();
  pdf.page.ext_gstates['GSop'] = state;
  pdf.addContent('/GSop gs');
}
