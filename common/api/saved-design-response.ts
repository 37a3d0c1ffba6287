import type { Design } from '../design/design-schema';

/** The JSON of /api/designs, shared by the server that builds it and the client that reads it. */

/** A saved design in the "my designs" list: enough to recognise it, not the whole document. */
export interface SavedDesignSummary {
  id: string;
  title: string;
  format: { size: string; orientation: string };
  pages: number;
  /** ISO 8601. */
  updatedAt: string;
  url: string;
}

/** One saved design with its document. The account that saved it is not named. */
export interface SavedDesignResponse {
  id: string;
  title: string;
  design: Design;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
  url: string;
}
