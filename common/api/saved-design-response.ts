import type { Design } from '../design/design-schema';
import type { DesignTemplateResponse } from './published-template-response';

/** The JSON of /api/designs, shared by the server that builds it and the client that reads it. */

/** A saved design in the "my designs" list: enough to recognise it, not the whole document. */
export interface SavedDesignSummary {
  id: string;
  title: string;
  /**
   * Whether the account asking saved it first. Accounts are never named to each other
   * (docs/security.md): the list says "You" or "Another member".
   */
  createdByYou: boolean;
  format: { size: string; orientation: string };
  pages: number;
  /** ISO 8601. */
  updatedAt: string;
  url: string;
  /**
   * The published template it was made from: the version it was made from and the template's newest
   * (newer when the publisher has published again since); null (or absent, from servers before it) for none.
   */
  template?: { id: string; version: number; currentVersion: number } | null;
}

/** One saved design with its document. The account that saved it is not named. */
export interface SavedDesignResponse {
  id: string;
  title: string;
  design: Design;
  /** Which saved version this is (1 for the first save); every save is kept (GET .../versions). */
  version: number;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
  url: string;
  /** The published template it was made from, with the elements it locks; null (or absent, from servers before it) when none. */
  template?: DesignTemplateResponse | null;
}

/** One saved version in a design's history (GET /api/designs/:id/versions), newest first. */
export interface DesignVersionResponse {
  version: number;
  title: string;
  /** ISO 8601. */
  savedAt: string;
  /** The version's document: GET it for a SavedDesignResponse of that version. */
  url: string;
}
