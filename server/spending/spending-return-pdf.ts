import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { FONT_FILES } from '../../common/layout/font-files';
import { formatPounds as poundsForPeople } from '../../common/spending/money';
import { WARNING_WORDS } from '../../common/spending/limit-warning';
import { formatDay } from '../../common/spending/uk-date';
import type { SpendingReturn } from './spending-return';

/** Pounds with an ASCII minus, which reads back from the PDF as typed (pdftotext, a screen reader, a search). */
const formatPounds = (pence: number) => poundsForPeople(pence).replace('\u2212', '-');

/** DejaVu Sans, as the leaflets use (common/layout/font-files.ts): Welsh ŵ and ŷ, Polish, Greek and Cyrillic names and addresses print as typed. Read once. */
let fonts: { regular: Buffer; bold: Buffer } | null = null;
const fontsOf = () => (fonts ??= { regular: fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES.sans.regular}`)), bold: fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES.sans.bold}`)) });

/** Page margin, PDF points (72 to the inch). */
const MARGIN = 40;

/**
 * The return as a printable PDF (A4, DejaVu Sans embedded as subsets): a
 * heading, one block per item with the candidate's share, the total against the limit, and the list of
 * invoices. The document's metadata carries its title and nothing else about anyone (no author, no
 * subject, no keywords).
 */
export function returnPdf(ret: SpendingReturn, title: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: title, Producer: 'Rosette', Creator: 'Rosette' }, compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fontsOf().regular);
  doc.registerFont('bold', fontsOf().bold);
  const width = doc.page.width - 2 * MARGIN;

  doc.font('bold').fontSize(16).text(`Spending return: ${ret.candidate.name}`);
  doc.font('regular').fontSize(11).text(`${ret.election.name}${ret.election.kind ? ` (${ret.election.kind})` : ''}, polling day ${formatDay(ret.election.pollingDay)}`);
  doc.moveDown(0.5);
  doc.text(`Total spent: ${formatPounds(ret.totalPence)} of a limit of ${ret.candidate.limitPence === null ? 'not set' : formatPounds(ret.candidate.limitPence)}${ret.warning === 'none' ? '' : ` (${WARNING_WORDS[ret.warning]})`}`);
  doc.fontSize(9).fillColor('#444').text('Amounts in pounds sterling (GBP), VAT included. Dates are UK days. Corrections appear as reversals of the entry they correct.');
  doc.fillColor('black').moveDown();

  doc.font('bold').fontSize(12).text('Items');
  doc.moveDown(0.3);
  if (ret.rows.length === 0) doc.font('regular').fontSize(10).text('No spending recorded.');
  for (const r of ret.rows) {
    doc.font('bold').fontSize(10).text(`${r.ref}  ${formatDay(r.incurredOn)}  ${r.item}`, { width });
    doc.font('regular').fontSize(9);
    doc.text(`Supplier: ${r.supplierName}, ${r.supplierAddress.replace(/\s*\n\s*/g, ', ')}`, { width });
    doc.text(`Amount ${formatPounds(r.amountPence)} (VAT ${formatPounds(r.vatPence)}); share of this candidate ${formatPounds(r.sharePence)}${r.paidOn ? `; paid ${formatDay(r.paidOn)}` : '; not paid yet'}`, { width });
    doc.text(`Invoice: ${r.invoice === 'missing' ? 'INVOICE MISSING' : r.invoice}${r.note ? `. ${r.note}` : ''}`, { width });
    doc.moveDown(0.5);
  }
  doc.font('bold').fontSize(11).text(`Total: ${formatPounds(ret.totalPence)}`);
  doc.moveDown();

  doc.font('bold').fontSize(12).text('Invoices');
  doc.font('regular').fontSize(9);
  if (ret.invoices.length === 0) doc.text('None attached.');
  for (const i of ret.invoices) doc.text(`${i.ref}: ${i.file}`);
  if (ret.missingInvoices.length > 0) doc.text(`Missing (items of £20 or more): ${ret.missingInvoices.join(', ')}`);
  doc.end();
  return done;
}
