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
  /** Which saved version this is: 1 for the first save, one more for each save after it. */
  version: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** When this version was saved, milliseconds since the epoch. */
  updatedAt: number;
}

/** One saved version of a design, in its history (without the document). */
export interface DesignVersionSummary {
  version: number;
  title: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

/** The body of POST /api/designs and PUT /api/designs/:id. */
export const saveDesignSchema = z.object({ design: designSchema });
