import type { PaperSize } from '../../common/design/paper-formats';
import { formatPence } from '../../common/orders/money';
import { MAX_ORDER_QUANTITY, MAX_PRICE_PENCE } from '../../common/orders/printer';
import type { RunOrderInput } from '../../common/orders/run-order-input';
import { AppError } from '../http/app-error';
import { priceFromTable, type PrinterRecord } from '../printers/printer-store';

/** One version's copies in a run's order. */
export interface VersionQuantity {
  /** The version's place in the run. */
  n: number;
  quantity: number;
}

/**
 * Each of the run's versions with its copies: its own from `quantities`, or else the default `quantity`.
 * Refuses (naming the field) a listed version the run does not have (422), a version left without a
 * quantity (400), and a total over what one order may be (422).
 * @param versions The run's versions' places, in row order.
 */
export function quantitiesOfRun(input: Pick<RunOrderInput, 'quantity' | 'quantities'>, versions: readonly number[]): VersionQuantity[] {
  const known = new Set(versions);
  const unknown = input.quantities.flatMap((q, i) => (known.has(q.n) ? [] : [{ path: `quantities[${i}].n`, message: `the run has no version ${q.n} (its versions are 0 to ${versions.length - 1})` }]));
  if (unknown.length > 0) throw new AppError(422, 'unknown_version', unknown[0]!.message, unknown);
  const own = new Map(input.quantities.map((q) => [q.n, q.quantity]));
  const missing = versions.filter((n) => !own.has(n));
  if (missing.length > 0 && input.quantity === undefined) {
    throw AppError.validation([{ path: 'quantity', message: `give the copies of every version not listed in quantities (${missing.length} of them, such as version ${missing[0]})` }]);
  }
  const out = versions.map((n) => ({ n, quantity: own.get(n) ?? input.quantity! }));
  const total = out.reduce((sum, v) => sum + v.quantity, 0);
  if (total > MAX_ORDER_QUANTITY) throw new AppError(422, 'order_too_large', `the run's versions add up to ${total.toLocaleString('en-GB')} copies; one order is at most ${MAX_ORDER_QUANTITY.toLocaleString('en-GB')}`, [{ path: 'quantities', message: `add up to more than ${MAX_ORDER_QUANTITY} copies` }]);
  return out;
}

/**
 * A run's price from the printer's price table: each version is priced as its own print of its quantity
 * (its own row of the table) and the order's price and VAT are their sums. Every version is its own
 * artwork, so the printer makes each ready separately (a litho plate, a digital job), and a price list's
 * steps are for one artwork's copies: 20 wards of 500 are twenty prints of 500, not one of 10,000.
 * Refuses (422 no_table_price) naming the field whose quantity the table has no row for.
 */
export function priceOfRun(input: Pick<RunOrderInput, 'quantity' | 'quantities' | 'stock'>, versions: readonly VersionQuantity[], printer: PrinterRecord, format: PaperSize): { pricePence: number; vatPence: number } {
  let pricePence = 0;
  let vatPence = 0;
  for (const v of versions) {
    const row = priceFromTable(printer.prices, format, input.stock, v.quantity);
    if (!row) {
      const listed = input.quantities.findIndex((q) => q.n === v.n);
      const path = listed >= 0 ? `quantities[${listed}].quantity` : 'quantity';
      const offered = printer.prices.filter((p) => p.format === format).map((p) => `${p.quantity} on ${p.stock}`);
      const message = offered.length > 0 ? `${printer.name}'s price table has no ${format} row for ${v.quantity} on "${input.stock}" (version ${v.n}; it has ${offered.join(', ')}): choose quantities it lists, or enter their quote for the whole run` : `${printer.name}'s price table has no ${format} prices: enter their quote for the whole run`;
      throw new AppError(422, 'no_table_price', message, [{ path, message: 'no row of the price table matches this format, stock and quantity' }]);
    }
    pricePence += row.pricePence;
    vatPence += row.vatPence;
  }
  if (pricePence > MAX_PRICE_PENCE) throw new AppError(422, 'price_too_large', `the run's prices add up to ${formatPence(pricePence)}, more than one order may be (${formatPence(MAX_PRICE_PENCE)}): order it in parts`, [{ path: 'price', message: 'is more than one order may be' }]);
  return { pricePence, vatPence };
}
