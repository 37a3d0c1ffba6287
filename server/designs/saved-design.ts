import { z } from 'zod';
import { designSchema, type Design } from '../../common/design/design-schema';

/** A design saved on the server. It belongs to an organisation; only that organisation's accounts see it. */
export interface SavedDesign {
  id: string;
  orgId: string;
  /** The account that saved it first (never shown: accounts are not named to each other). */
  createdBy: string;
  title: string;
  design: Design;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

/** A saved design as Redis holds it (a hash of strings), parsed on every read: the design is checked again. */
export const storedDesignSchema = z.object({
  id: z.string().regex(/^[a-f0-9]{32}$/),
  orgId: z.string().regex(/^[a-f0-9]{32}$/),
  createdBy: z.string(),
  design: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(designSchema),
  createdAt: z.coerce.number().int(),
  updatedAt: z.coerce.number().int(),
});

/** The body of POST /api/designs and PUT /api/designs/:id. */
export const saveDesignSchema = z.object({ design: designSchema });
