/** The JSON of GET /api/print-history, shared by the server that builds it and the client that reads it. */

/** One print job of the organisation's history. */
export interface PrintHistoryEntry {
  /** The print job's id. */
  id: string;
  /** The design's title as it was printed. */
  title: string;
  /** `unknown`: the queue no longer holds the job and no event said how it ended (the print-record catch-up). */
  status: 'waiting' | 'active' | 'done' | 'failed' | 'unknown';
  /** Pages of the PDF; null until done. */
  pages: number | null;
  /** Size of the PDF, bytes; null until done (and for jobs printed before sizes were kept). */
  bytes: number | null;
  /**
   * Whether the account asking sent it. Accounts are never named to each other (docs/security.md):
   * the history says "You" or "Another member".
   */
  sentByYou: boolean;
  /** ISO 8601 (UTC); shown in UK time. */
  sentAt: string;
  /** ISO 8601; null until done or failed. */
  finishedAt: string | null;
  /** The finished PDF (content-addressed, named after the title when downloaded); null until done. */
  downloadUrl: string | null;
  /** The job's share links: list (GET), make (POST), withdraw (DELETE …/:linkId). */
  shareLinksUrl: string;
  /**
   * The saved design and version it printed, to open again ("print again"): GET `url` for that
   * version's document. Null when it was not sent from a saved design, or the design was deleted since.
   */
  design: { id: string; version: number; url: string } | null;
  /** It was sent from a saved design that has since been deleted (its versions are kept, but not opened again). */
  designDeleted: boolean;
}

/** One print run of the organisation's history: every version of a design, listed once. */
export interface PrintRunHistoryEntry {
  /** The run's id. */
  id: string;
  /** The design's title as the run printed it. */
  title: string;
  /** Versions the run printed (a bilingual row is two). */
  versions: number;
  /**
   * As the run's own answer says it (print-run-response.ts): `done`, the combined PDF is made;
   * `needs_retry`, a version failed or the combined PDF could not be made (retry on the Versions screen);
   * `printing`, neither yet.
   */
  status: 'printing' | 'needs_retry' | 'done';
  /** Whether the account asking started it ("You" or "Another member"; never a name). */
  sentByYou: boolean;
  /** ISO 8601 (UTC); shown in UK time. */
  sentAt: string;
  /** The combined PDF for the printer, every version in the table's order; null until done. */
  combinedUrl: string | null;
  /** The ZIP of every version's PDF; null until made. */
  zipUrl: string | null;
  /** GET: the run's progress and each version (print-run-response.ts). */
  statusUrl: string;
  /** The design whose Versions screen printed it; null when the design has been deleted since. */
  designId: string | null;
}

/** The JSON of GET /api/print-history. */
export interface PrintHistoryResponse {
  /** Print jobs, newest first; a print run's versions are not among them. */
  printJobs: PrintHistoryEntry[];
  /** Print runs, newest first (at most 50). */
  printRuns: PrintRunHistoryEntry[];
}
