import { returnPdf } from '../../../server/spending/spending-return-pdf';
import type { SpendingReturn } from '../../../server/spending/spending-return';
import { readPdf } from '../../support/read-pdf';

describe("a candidate's return as a PDF", () => {
  it('prints Welsh and other names and addresses as typed, with the fonts embedded', async () => {
    const ret: SpendingReturn = {
      election: { name: 'Etholiad y Cyngor', pollingDay: '2026-05-07', kind: '' },
      candidate: { name: 'Siân Ŵyn', limitPence: 100_000 },
      rows: [{ ref: 'abcd1234', incurredOn: '2026-04-01', paidOn: null, item: 'Taflenni’r ŵyl', supplierName: 'Argraffwyr Ŷ', supplierAddress: 'Stryd Fawr\nCaerdydd', amountPence: -2500, vatPence: -400, sharePence: -2500, invoice: 'not needed', note: 'Reverses 1234abcd: wrong' }],
      totalPence: -2500,
      warning: 'none',
      invoices: [],
      missingInvoices: [],
    };
    const facts = await readPdf(await returnPdf(ret, 'Spending return: Siân Ŵyn, Etholiad y Cyngor'));
    const text = facts.text.replace(/\s+/g, ' ');
    expect(text).toContain('Spending return: Siân Ŵyn');
    expect(text).toContain('Taflenni’r ŵyl');
    expect(text).toContain('Supplier: Argraffwyr Ŷ, Stryd Fawr, Caerdydd');
    expect(text).toContain('Amount -£25.00 (VAT -£4.00)');
    expect(facts.fonts.every((f) => f.embedded && f.subset)).toBe(true);
    expect(facts.info.Title).toBe('Spending return: Siân Ŵyn, Etholiad y Cyngor');
    expect(facts.info.Author).toBeUndefined();
  });
});
