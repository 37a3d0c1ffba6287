import { AppError } from '../../../server/http/app-error';
import { priceOfRun, quantitiesOfRun } from '../../../server/print-orders/run-order-price';
import type { PrinterRecord } from '../../../server/printers/printer-store';

const printer: PrinterRecord = {
  id: 'a'.repeat(32),
  orgId: 'b'.repeat(32),
  name: 'Riverside Print Works',
  address: '14 Dock Street',
  email: 'orders@example.org',
  updatedAt: 0,
  removed: false,
  prices: [
    { format: 'A5', stock: '130gsm gloss', quantity: 500, pricePence: 4800, vatPence: 800 },
    { format: 'A5', stock: '130gsm gloss', quantity: 1000, pricePence: 7200, vatPence: 1200 },
  ],
};
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return [err.status, err.code, err.fields.map((f) => f.path)];
    throw err;
  }
  throw new Error('not refused');
};

describe("a run order's quantities", () => {
  it('gives every version the default, and a listed version its own', () => {
    expect(quantitiesOfRun({ quantity: 500, quantities: [{ n: 1, quantity: 1000 }] }, [0, 1, 2])).toEqual([
      { n: 0, quantity: 500 },
      { n: 1, quantity: 1000 },
      { n: 2, quantity: 500 },
    ]);
  });

  it('needs no default when every version is listed', () => {
    expect(quantitiesOfRun({ quantities: [{ n: 1, quantity: 20 }, { n: 0, quantity: 10 }] }, [0, 1])).toEqual([
      { n: 0, quantity: 10 },
      { n: 1, quantity: 20 },
    ]);
  });

  it('refuses, naming the field, a version the run does not have, a version without copies, and too many in all', () => {
    expect(refusal(() => quantitiesOfRun({ quantity: 5, quantities: [{ n: 0, quantity: 5 }, { n: 9, quantity: 5 }] }, [0, 1]))).toEqual([422, 'unknown_version', ['quantities[1].n']]);
    expect(refusal(() => quantitiesOfRun({ quantities: [{ n: 0, quantity: 5 }] }, [0, 1]))).toEqual([400, 'invalid_request', ['quantity']]);
    expect(refusal(() => quantitiesOfRun({ quantity: 600_000, quantities: [] }, [0, 1]))).toEqual([422, 'order_too_large', ['quantities']]);
  });
});

describe("a run order's price from the printer's table", () => {
  it("prices each version as its own print of its copies, and adds them up", () => {
    const versions = [
      { n: 0, quantity: 500 },
      { n: 1, quantity: 1000 },
      { n: 2, quantity: 500 },
    ];
    expect(priceOfRun({ quantity: 500, quantities: [{ n: 1, quantity: 1000 }], stock: '130GSM Gloss ' }, versions, printer, 'A5')).toEqual({ pricePence: 16800, vatPence: 2800 });
  });

  it('names the quantity the table has no row for: the default, or a listed version', () => {
    expect(refusal(() => priceOfRun({ quantity: 700, quantities: [], stock: '130gsm gloss' }, [{ n: 0, quantity: 700 }], printer, 'A5'))).toEqual([422, 'no_table_price', ['quantity']]);
    expect(refusal(() => priceOfRun({ quantity: 500, quantities: [{ n: 1, quantity: 700 }], stock: '130gsm gloss' }, [{ n: 0, quantity: 500 }, { n: 1, quantity: 700 }], printer, 'A5'))).toEqual([422, 'no_table_price', ['quantities[0].quantity']]);
    expect(refusal(() => priceOfRun({ quantity: 500, quantities: [], stock: '130gsm gloss' }, [{ n: 0, quantity: 500 }], printer, 'A4'))).toEqual([422, 'no_table_price', ['quantity']]);
  });
});
