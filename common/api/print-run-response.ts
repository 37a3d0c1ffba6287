/** Where one version of a print run stands. */
export type RunVariantStatus = 'queued' | 'rendering' | 'done' | 'failed';

/** One version (row) of a print run, in the JSON of GET /api/runs/:id. */
export interface RunVariantResponse {
  /** Its row in the variant table, 0 = the first. */
  n: number;
  /** What the campaigner calls it: the row's first value (a ward, a candidate). */
  label: string;
  status: RunVariantStatus;
  /** Its own PDF, once rendered. */
  download: { url: string } | null;
  /** Why it failed, in words for the campaigner; null unless failed. */
  failure: string | null;
  /** POST here to render a failed version again; null unless failed. */
  retryUrl: string | null;
}

/**
 * The JSON of POST /api/designs/:id/runs and GET /api/runs/:id, shared by the server that builds it
 * and the Versions screen that reads it.
 */
export interface PrintRunResponse {
  id: string;
  designId: string;
  designVersion: number;
  /**
   * running: versions still to render, or the combined PDF still to draw; done: every version rendered
   * and the combined PDF ready; needs_retry: some versions failed (retry each), the rest are done or
   * waiting, or every version rendered and drawing the combined PDF failed (retry the run: retryUrl).
   */
  status: 'running' | 'done' | 'needs_retry';
  statusUrl: string;
  /** ISO 8601. */
  createdAt: string;
  counts: { variants: number; done: number; failed: number; waiting: number };
  /** Every version's pages in row order in one PDF for the printer (shared pictures and fonts embedded once), once drawn. */
  combined: { url: string } | null;
  /** A ZIP of each version's PDF, named after its row ("07 Vote in Grange.pdf"), once made with the combined PDF. */
  zip: { url: string } | null;
  /** Why drawing the combined PDF and the ZIP failed, in words for the campaigner; null unless it did. */
  failure: string | null;
  /** POST here to draw the combined PDF and the ZIP again; null unless that failed. */
  retryUrl: string | null;
  /** In row order. */
  variants: RunVariantResponse[];
}
