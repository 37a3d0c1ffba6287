import { z } from 'zod';
import { isCalendarDate } from './needed-by';
import { orderPriceSchema } from './print-order';
import { quantitySchema, stockSchema } from './printer';

/** Most versions a run has (a bilingual table of 1,000 rows), so most quantities an order lists. */
export const MAX_RUN_VERSIONS = 2000;

/** One version's own quantity in a run's order. */
export const runVersionQuantitySchema = z.object(
  {
    /** The version's place in the run (GET /api/runs/:id, variants[].n). */
    n: z.number({ error: "must be a version's number in the run (its n), 0 or more" }).int("must be a version's number in the run (its n), 0 or more").min(0, "must be a version's number in the run (its n), 0 or more"),
    quantity: quantitySchema,
  },
  { error: 'must be an object such as { "n": 3, "quantity": 1000 }' },
);

/**
 * The body of POST /api/runs/:id/orders: a draft order of a whole print run, placed afterwards as any
 * order is (POST /api/print-orders/:id/place). `quantity` is every version's copies unless the version
 * is listed in `quantities`; either may be left out, as long as every version gets a quantity.
 */
export const runOrderInputSchema = z.object(
  {
    printerId: z.string({ error: "must be the id of one of your organisation's printers" }).regex(/^[a-f0-9]{32}$/, "must be the id of one of your organisation's printers"),
    /** Copies of each version not listed in `quantities`. */
    quantity: quantitySchema.optional(),
    /** Versions that need another number of copies than `quantity`. */
    quantities: z
      .array(runVersionQuantitySchema, { error: 'must be a list such as [{ "n": 3, "quantity": 1000 }]' })
      .max(MAX_RUN_VERSIONS, `must list at most ${MAX_RUN_VERSIONS} versions`)
      .superRefine((list, ctx) => {
        const seen = new Set<number>();
        list.forEach((q, i) => {
          if (seen.has(q.n)) ctx.addIssue({ code: 'custom', path: [i, 'n'], message: `version ${q.n} is listed twice` });
          seen.add(q.n);
        });
      })
      .default([]),
    stock: stockSchema,
    deliveryAddress: z.string({ error: 'the delivery address is required' }).trim().min(1, 'the delivery address is required').max(500, 'must be at most 500 characters'),
    /** A UK calendar day, YYYY-MM-DD; today or later (checked by the server against its clock). */
    neededBy: z.string({ error: 'must be a date such as 2026-12-24' }).refine(isCalendarDate, 'must be a date such as 2026-12-24'),
    price: orderPriceSchema,
  },
  { error: 'must be an object such as { "printerId": "…", "quantity": 500, "quantities": [{ "n": 3, "quantity": 1000 }], "stock": "…", … }' },
);
export type RunOrderInput = z.infer<typeof runOrderInputSchema>;
