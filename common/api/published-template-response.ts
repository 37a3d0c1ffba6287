import type { Design } from '../design/design-schema';
import type { Orientation, PaperSize } from '../design/paper-formats';

/** The JSON of /api/published-templates, shared by the server that builds it and the client that reads it. */

/** A published template in the gallery: its newest version, without the document. */
export interface PublishedTemplateSummary {
  id: string;
  name: string;
  /** The organisation that published it (an ancestor of the asker's, or the asker's own). */
  organisation: { id: string; name: string };
  /** Whether the asker's own organisation published it (it is then offered to those below, not to itself). */
  own: boolean;
  /** The newest version's number. */
  version: number;
  /** ISO 8601. */
  publishedAt: string;
  format: { size: PaperSize; orientation: Orientation };
  pages: number;
  /** Ids of the elements the newest version locks. */
  locked: string[];
  url: string;
  /**
   * The saved design it is published from, for the publisher's own organisation (`own`: where its
   * publish screen is); null for a template of another organisation, whose designs stay its own.
   */
  sourceDesignId: string | null;
}

/** One version of a published template with its document (GET /api/published-templates/:id). */
export interface PublishedTemplateResponse extends PublishedTemplateSummary {
  /** The newest version (equal to `version` when this is it). */
  currentVersion: number;
  design: Design;
}

/** GET /api/published-templates/:id/versions: the publisher's history of one template, newest first. */
export interface PublishedTemplateVersionsResponse {
  id: string;
  currentVersion: number;
  versions: Array<{
    version: number;
    /** The name the gallery showed for this version. */
    name: string;
    /** ISO 8601. */
    publishedAt: string;
    /** Ids of the elements this version locks. */
    locked: string[];
    /** The saved design's version it was published from. */
    sourceDesignVersion: number;
  }>;
}

/** A saved design's template (SavedDesignResponse.template): what the editor locks and the gallery says. */
export interface DesignTemplateResponse {
  id: string;
  /** The version the design was made from; its locks apply. */
  version: number;
  /** The template's newest version: newer than `version` when the publisher has published again. */
  currentVersion: number;
  name: string;
  /** The publishing organisation's name ("Locked by ..."). */
  organisationName: string;
  /** Ids of the elements locked by the version the design was made from. */
  locked: string[];
}
