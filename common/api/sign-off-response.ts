import type { Design } from '../design/design-schema';
import type { DesignDiff } from '../sign-off/design-diff';
import type { SignOffStatus } from '../sign-off/sign-off-workflow';

/** The JSON of /api/sign-off-requests, shared by the server that builds it and the client that reads it. Accounts are never named. */

/**
 * What a print run's sign-off approves besides the design version: the variant table, by its content
 * hash (any change to the table gives another hash, which this approval does not cover).
 */
export interface SignOffRunSummary {
  /** The print run sent as the proof (GET /api/runs/:id). */
  id: string;
  url: string;
  /** sha256 of the variant table (kind, fields and rows) approved with the version. */
  tableHash: string;
}

/** A run's sign-off in a request's detail: what the agent checks. */
export interface SignOffRunDetail extends SignOffRunSummary {
  /** The run's combined PDF (every version's pages in row order). */
  combinedUrl: string;
  /** Each version of the run, in row order: its place and its name (the row's first value). */
  versions: Array<{ n: number; label: string }>;
}

/** One request in a list (the agent's queue, or a design's requests). */
export interface SignOffRequestSummary {
  id: string;
  designId: string;
  /** The frozen version sent (design_versions.version). */
  version: number;
  title: string;
  status: SignOffStatus;
  /** Whether the account asking sent it (an account may not approve its own request). */
  sentByYou: boolean;
  /** The proof print job queued for the agent (GET /api/print-jobs/:id gives its PDF); null when none (a run's sign-off: its combined PDF is the proof). */
  proofJobId: string | null;
  /** A print run's sign-off (the version with its variant table); null for a version on its own. */
  run: SignOffRunSummary | null;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC: the last move. */
  updatedAt: string;
  url: string;
}

/** One move in a request's trail. */
export interface SignOffTransitionResponse {
  /** Null for the request's creation. */
  from: SignOffStatus | null;
  to: SignOffStatus;
  /** ISO 8601, UTC. */
  at: string;
  /** The role the account that made it has now (accounts are not named), and whether it is the one asking. */
  byRole: 'agent' | 'campaigner' | 'admin';
  byYou: boolean;
  comment: string;
}

/** GET /api/sign-off-requests/:id: the request, the version's document and what changed since the last approval. */
export interface SignOffRequestDetail extends SignOffRequestSummary {
  design: Design;
  /** The newest approved earlier version of the design, which the diff starts from; null when none was approved. */
  approvedVersion: number | null;
  diff: DesignDiff | null;
  history: SignOffTransitionResponse[];
  /** A run's sign-off: the run's versions and combined PDF; null for a version alone (or when the run is no longer found). */
  run: SignOffRunDetail | null;
}

/** GET and PUT /api/organisations/:orgId/sign-off. */
export interface SignOffSettingResponse {
  /** Whether a print must be of a version an agent approved before a share link is made. */
  required: boolean;
}
