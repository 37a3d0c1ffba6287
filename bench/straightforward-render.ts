import PDFDocument from 'pdfkit';
import { qrMatrix } from '../common/layout/qr-matrix';
import { mmToPt } from '../common/design/units';
import { SAMPLE_PARAGRAPHS } from '../common/templates/sample-imprint';

/**
 * The baseline: the A5 reference leaflet drawn the way pdfkit's documentation shows, by a script that
 * knows nothing about Rosette's layout engine: fonts registered from buffers for each document, pdfkit
 * wrapping the text itself. Rosette's renderer is measured against this in the same run.
 */
export function renderStraightforward(fonts: { regular: Buffer; bold: Buffer }, photo: Buffer): Promise<Buffer> {
  const bleed = mmToPt(3);
  const doc = new PDFDocument({ size: [mmToPt(148) + 2 * bleed, mmToPt(210) + 2 * bleed], margin: 0 });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const at = (mm: number) => bleed + mmToPt(mm);

  // Front: full-bleed band, 36 pt headline, photo, three paragraphs, a list, QR code.
  doc.rect(0, 0, mmToPt(148) + 2 * bleed, at(46)).fill([0, 100, 85, 0]);
  doc.font('bold').fontSize(36).fillColor('#ffffff').text('A bus every ten minutes', at(8), at(8), { width: mmToPt(132) });
  doc.save().rect(0, at(46), mmToPt(148) + 2 * bleed, mmToPt(52)).clip();
  doc.image(photo, 0, at(46), { cover: [mmToPt(148) + 2 * bleed, mmToPt(52)] });
  doc.restore();
  doc.font('regular').fontSize(9).fillColor('#000000');
  doc.text(SAMPLE_PARAGRAPHS.join('\n'), at(8), at(102), { width: mmToPt(132), paragraphGap: 5 });
  doc.list(['Buses every ten minutes on the main routes', 'The library open six days a week', 'Every letter answered within a fortnight'], { width: mmToPt(132) });
  drawQr(doc, at(116), at(180), mmToPt(24));
  doc.font('bold').fontSize(16).fillColor('#c8102e').text('Vote on Thursday 7 May', at(8), at(186));

  // Back: heading, two paragraphs, reply slip, imprint.
  doc.addPage();
  doc.font('bold').fontSize(22).fillColor('#c8102e').text('Get involved', at(8), at(8));
  doc.font('regular').fontSize(9).fillColor('#000000').text(SAMPLE_PARAGRAPHS.slice(0, 2).join('\n'), at(8), at(28), { width: mmToPt(132), paragraphGap: 5 });
  doc.roundedRect(at(8), at(104), mmToPt(132), mmToPt(70), mmToPt(2)).fill('#f6f1e7');
  doc.fillColor('#000000').text('Reply slip: tear off and hand to your local team.\nName: ____________\nAddress: ____________\nEmail: ____________', at(12), at(108), { width: mmToPt(124), lineGap: 6 });
  doc.fontSize(6).text('Promoted by Alex Example, 2 Sample Road, Cardiff CF10 2BB, on behalf of Example Party, 3 Specimen Lane, Cardiff CF10 3CC. Printed by Example Print Co-operative, 1 Example Street, Cardiff CF10 1AA.', at(8), at(186), { width: mmToPt(132) });
  doc.end();
  return done;
}

function drawQr(doc: PDFKit.PDFDocument, x: number, y: number, side: number): void {
  const { size, runs } = qrMatrix('https://example.org/join');
  const m = side / (size + 8);
  for (const [row, col, len] of runs) doc.rect(x + (col + 4) * m, y + (row + 4) * m, len * m, m);
  doc.fill('#000000');
}
