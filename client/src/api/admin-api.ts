import type { OrganisationRole, Role } from '../../../common/accounts/roles';
import { fetchJson } from './fetch-json';
import type { SessionAccount } from './session-api';

/** An account as the admin's accounts page lists it. */
export interface AdminAccount extends SessionAccount {
  createdAt: string;
}

/** An invite link, shown once: the admin passes it on (email, message). */
export interface Invite {
  /** Path of the set-password page; the token is in the fragment. */
  path: string;
  expiresAt: string;
  /** Whether Rosette emailed it to the address (SMTP configured); the admin sends it otherwise. */
  emailed?: boolean;
}

export async function listAccounts(): Promise<AdminAccount[]> {
  return (await fetchJson<{ accounts: AdminAccount[] }>('/api/admin/accounts', { cache: 'no-store' })).accounts;
}

export function inviteAccount(email: string, organisation: string, role: Role): Promise<{ account: AdminAccount; invite: Invite }> {
  return fetchJson('/api/admin/accounts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, organisation, role }) });
}

export function disableAccount(id: string): Promise<{ account: AdminAccount }> {
  return fetchJson(`/api/admin/accounts/${encodeURIComponent(id)}/disable`, { method: 'POST' });
}

/** Makes an organisation's account its agent (who signs off designs), or a campaigner again. */
export function setAccountRole(id: string, role: OrganisationRole): Promise<{ account: AdminAccount }> {
  return fetchJson(`/api/admin/accounts/${encodeURIComponent(id)}/role`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role }) });
}

export function resetAccess(id: string): Promise<{ account: AdminAccount; invite: Invite }> {
  return fetchJson(`/api/admin/accounts/${encodeURIComponent(id)}/reset-access`, { method: 'POST' });
}

/** An organisation, for the admin's share-link panel. */
export interface AdminOrganisation {
  id: string;
  name: string;
  /** Accounts in it, of any status. */
  accounts: number;
}

/** A live share link of an organisation as the admin sees it: when, by whom, until when; not the leaflet. */
export interface AdminShareLink {
  id: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601, or null for a link that works until withdrawn. */
  expiresAt: string | null;
  /** Account id of whoever made it; null for links made before this was recorded. */
  createdBy: string | null;
}

export async function listOrganisations(): Promise<AdminOrganisation[]> {
  return (await fetchJson<{ organisations: AdminOrganisation[] }>('/api/admin/organisations', { cache: 'no-store' })).organisations;
}

export async function listOrganisationShareLinks(orgId: string): Promise<AdminShareLink[]> {
  return (await fetchJson<{ shareLinks: AdminShareLink[] }>(`/api/admin/organisations/${encodeURIComponent(orgId)}/share-links`, { cache: 'no-store' })).shareLinks;
}

export async function withdrawOrganisationShareLink(orgId: string, linkId: string): Promise<void> {
  await fetchJson(`/api/admin/organisations/${encodeURIComponent(orgId)}/share-links/${encodeURIComponent(linkId)}`, { method: 'DELETE' });
}
