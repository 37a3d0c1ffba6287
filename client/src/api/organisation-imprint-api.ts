import type { OrganisationImprintResponse } from '../../../common/api/organisation-imprint-response';
import type { Imprint } from '../../../common/design/design-schema';
import { fetchJson } from './fetch-json';

export type { OrganisationImprintResponse };

const url = (orgId: string) => `/api/organisations/${encodeURIComponent(orgId)}/imprint`;

/** The organisation's own imprint (null until someone sets it). */
export function getOrganisationImprint(orgId: string): Promise<OrganisationImprintResponse> {
  return fetchJson<OrganisationImprintResponse>(url(orgId), { cache: 'no-store' });
}

/** Sets the organisation's imprint; refused with 400 (a field missing) or 422 sample_imprint (a sample or placeholder detail). */
export function setOrganisationImprint(orgId: string, imprint: Imprint): Promise<OrganisationImprintResponse> {
  return fetchJson<OrganisationImprintResponse>(url(orgId), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ imprint }) });
}
