import { z } from 'zod';
import { splitSchema } from '../spending/spending-schemas';

/**
 * The body of POST /api/print-orders/:id/place: whose election spending the order is. Every placed order
 * is an entry of the spending ledger (issue 15), so the agent says which election it belongs to and how
 * it is split between that election's candidates (percentages adding to 100, or pence adding to the price).
 */
export const placeOrderSchema = z.object(
  {
    spending: z.object(
      {
        electionId: z.string({ error: 'choose the election this order is spending for' }).regex(/^[a-f0-9]{32}$/, 'must be the id of one of your elections (set them up under Spending)'),
        split: splitSchema,
      },
      { error: 'say which election this order is spending for and how it is split between its candidates: { "electionId": ..., "split": { "by": "percent", "parts": [...] } }' },
    ),
  },
  { error: 'must be an object such as { "spending": { "electionId": "...", "split": { "by": "percent", "parts": [{ "candidateId": "...", "percent": 100 }] } } }' },
);
export type PlaceOrderInput = z.infer<typeof placeOrderSchema>;
