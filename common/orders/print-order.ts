import { z } from 'zod';
import type { PaperSize } from '../design/paper-formats';
import { isCalendarDate } from './needed-by';
import { penceSchema, quantitySchema, stockSchema } from './printer';
import type { PrintOrderStatus } from './print-order-workflow';

const ID = /^[a-f0-9]{32}$/;
const id = (what: string) => z.string({ error: `must be the id of ${what}` }).regex(ID, `must be the id of ${what}`);

/** Where an order's price came from: the printer's price table, or a quote the agent typed in. */
export const PRICE_SOURCES = ['table', 'quote'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

export const orderPriceSchema = z.discriminatedUnion(
  'source',
  [
    z.object({ source: z.literal('table') }),
    z
      .object({ source: z.literal('quote'), pricePence: penceSchema('the quoted price'), vatPence: penceSchema('the VAT') })
      .refine((p) => p.vatPence <= p.pricePence, { message: 'the VAT cannot be more than the price that includes it', path: ['vatPence'] }),
  ],
  { error: 'must be { "source": "table" } or { "source": "quote", "pricePence": …, "vatPence": … }' },
);

/** The body of POST /api/print-orders: a draft order (nothing is sent until it is placed). */
export const printOrderInputSchema = z.object(
  {
    designId: id('a saved design'),
    version: z.number({ error: 'must be a version number: 1 or more' }).int('must be a whole version number').min(1, 'must be a version number: 1 or more'),
    printerId: id("one of your organisation's printers"),
    quantity: quantitySchema,
    stock: stockSchema,
    deliveryAddress: z.string({ error: 'the delivery address is required' }).trim().min(1, 'the delivery address is required').max(500, 'must be at most 500 characters'),
    /** A UK calendar day, YYYY-MM-DD; today or later (checked by the server against its clock). */
    neededBy: z.string({ error: 'must be a date such as 2026-12-24' }).refine(isCalendarDate, 'must be a date such as 2026-12-24'),
    price: orderPriceSchema,
  },
  { error: 'must be an object such as { "designId": "…", "version": 1, "printerId": "…", "quantity": 5000, … }' },
);
export type PrintOrderInput = z.infer<typeof printOrderInputSchema>;

/** An email Rosette sent, or could not send and shows to copy (no SMTP server configured, or it refused). */
export interface OrderEmailResponse {
  /** Who it is for: the printer, or the agent's copy. */
  to: 'printer' | 'agent';
  /** The address it went (or should go) to; null for the agent's copy (their own address, never echoed back). */
  address: string | null;
  subject: string;
  text: string;
  /** False: it was not sent; copy it into your own email. */
  sent: boolean;
}

export interface PrintOrderTransitionResponse {
  from: PrintOrderStatus | null;
  to: PrintOrderStatus;
  /** ISO 8601, UTC. */
  at: string;
  byYou: boolean;
}

/** A print order as the API answers it (accounts are never named). */
export interface PrintOrderResponse {
  id: string;
  designId: string;
  version: number;
  title: string;
  format: PaperSize;
  printer: { id: string; name: string };
  /** Copies; a run's order, the total of its versions'. */
  quantity: number;
  /**
   * An order of a whole print run: the run, each version's copies (in row order, named as the run names
   * them), and the ZIP of each version's PDF the printer was sent (absolute URL; null until placed).
   * Null for an order of one version.
   */
  run: { id: string; url: string; versions: Array<{ n: number; label: string; quantity: number }>; zipUrl: string | null } | null;
  stock: string;
  deliveryAddress: string;
  /** UK calendar day, YYYY-MM-DD. */
  neededBy: string;
  /** Including VAT, pence. */
  pricePence: number;
  /** VAT within pricePence, pence. */
  vatPence: number;
  priceSource: PriceSource;
  status: PrintOrderStatus;
  /** The print-ready PDF the printer was sent (absolute URL; a run's order: the combined PDF); null until placed. */
  pdfUrl: string | null;
  /** The printer's invoice, once uploaded. */
  invoice: { contentType: string; bytes: number; url: string } | null;
  /** The email to the printer, once placed (its text, to copy when it was not sent). */
  printerEmail: OrderEmailResponse | null;
  history: PrintOrderTransitionResponse[];
  /** ISO 8601, UTC. */
  createdAt: string;
  updatedAt: string;
  url: string;
}
