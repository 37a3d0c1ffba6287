import type { Design } from '../design/design-schema';
import type { DesignDiff } from '../sign-off/design-diff';
import type { SignOffStatus } from '../sign-off/sign-off-workflow';

/** The JSON of /api/sign-off-requests, shared by the server that builds it and the client that reads it. Accounts are never named. */

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
  /** The proof print job queued for the agent (GET /api/print-jobs/:id gives its PDF); null when none. */
  proofJobId: string | null;
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
}

/** GET and PUT /api/organisations/:orgId/sign-off. */
export interface SignOffSettingResponse {
  /** Whether a print must be of a version an agent approved before a share link is made. */
  required: boolean;
}
