import { z } from 'zod';
import { emailSchema } from '../accounts/email-address';
import { PAPER_SIZE_NAMES } from '../design/paper-formats';

/** Most copies in one order or price row: far above any constituency's print run, so a typo of extra zeros is caught. */
export const MAX_ORDER_QUANTITY = 1_000_000;
/** Most one order or price row may cost, pence incl. VAT (£100,000): more is a typo, not a leaflet run. */
export const MAX_PRICE_PENCE = 10_000_000;
/** Most rows in one printer's price table. */
export const MAX_PRICE_ROWS = 200;
/** Most printers one organisation keeps. */
export const MAX_PRINTERS = 100;

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`);

/** A paper stock or finish, as the printer names it ("350gsm silk", "130gsm gloss"). */
export const stockSchema = text('the paper stock', 100);

/** Whole pence, 0 or more, at most `max`. */
export const penceSchema = (what: string, max = MAX_PRICE_PENCE) =>
  z
    .number({ error: `${what} must be a whole number of pence` })
    .int(`${what} must be a whole number of pence`)
    .min(0, `${what} cannot be negative`)
    .max(max, `${what} must be at most ${max} pence (£${max / 100})`);

export const quantitySchema = z
  .number({ error: 'must be a whole number of copies' })
  .int('must be a whole number of copies')
  .min(1, 'must be at least 1 copy')
  .max(MAX_ORDER_QUANTITY, `must be at most ${MAX_ORDER_QUANTITY} copies`);

/** One row of a printer's price table: what `quantity` copies of `format` on `stock` cost. */
export const priceRowSchema = z
  .object({
    /** Trim size of the design (common/design/paper-formats.ts). */
    format: z.enum(PAPER_SIZE_NAMES, { error: `must be one of ${PAPER_SIZE_NAMES.join(', ')}` }),
    stock: stockSchema,
    quantity: quantitySchema,
    /** The whole row's price including VAT, pence. */
    pricePence: penceSchema('the price'),
    /** The VAT within pricePence, pence (stored as the printer quotes it, never recomputed). */
    vatPence: penceSchema('the VAT'),
  })
  .refine((r) => r.vatPence <= r.pricePence, { message: 'the VAT cannot be more than the price that includes it', path: ['vatPence'] });
export type PriceRow = z.infer<typeof priceRowSchema>;

/** The body of POST /api/printers and PUT /api/printers/:id. */
export const printerInputSchema = z.object(
  {
    /** As the imprint names the printer: an order's printer must match the design's imprint. */
    name: text('the name', 200),
    /** Postal address, as the imprint gives it. */
    address: text('the address', 500),
    /** Where orders are sent. */
    email: emailSchema,
    prices: z
      .array(priceRowSchema, { error: 'must be a list of price rows' })
      .max(MAX_PRICE_ROWS, `must have at most ${MAX_PRICE_ROWS} rows`)
      .default([])
      .superRefine((rows, ctx) => {
        const seen = new Set<string>();
        rows.forEach((r, i) => {
          const key = `${r.format}\n${r.stock.toLowerCase()}\n${r.quantity}`;
          if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'quantity'], message: 'another row has the same format, stock and quantity' });
          seen.add(key);
        });
      }),
  },
  { error: 'must be an object such as { "name": "…", "address": "…", "email": "…", "prices": [] }' },
);
export type PrinterInput = z.infer<typeof printerInputSchema>;

/** A printer as GET /api/printers answers it. */
export interface PrinterResponse extends PrinterInput {
  id: string;
  /** ISO 8601, UTC. */
  updatedAt: string;
  url: string;
}
