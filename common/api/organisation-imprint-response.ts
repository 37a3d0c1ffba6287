import type { Imprint } from '../design/design-schema';

/**
 * The JSON of GET and PUT /api/organisations/:orgId/imprint, shared by the server that builds it and
 * the client that reads it. Who set it is not named.
 */
export interface OrganisationImprintResponse {
  /** The organisation's own imprint; null until someone sets it. */
  imprint: Imprint | null;
  /** When it was last set (ISO 8601); null when it never was. */
  updatedAt: string | null;
}
