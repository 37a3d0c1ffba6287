import type { Role } from '../../common/accounts/roles';
import type { Account, AccountStatus } from './account';

/** An account as the API shows it, field by field: never the password hash or the invite digest. */
export interface AccountResponse {
  id: string;
  email: string;
  role: Role;
  /** The organisation's name. */
  organisation: string;
  /** The organisation's id (where its imprint is: /api/organisations/:id/imprint). */
  organisationId: string;
  status: AccountStatus;
  /** ISO 8601. */
  createdAt: string;
}

export function accountResponse(account: Account, organisation: string): AccountResponse {
  return { id: account.id, email: account.email, role: account.role, organisation, organisationId: account.orgId, status: account.status, createdAt: new Date(account.createdAt).toISOString() };
}

/** The answer to sign-in, invite acceptance and GET /api/session: who you are and the CSRF token for this session. */
export interface SessionResponse {
  account: AccountResponse;
  /** Send it back in X-CSRF-Token with every request that changes something. */
  csrfToken: string;
}

/** An invite link as the admin gets it, once: the token is not stored, so it cannot be shown again. */
export interface InviteResponse {
  /** Path of the set-password page, the token in the fragment (never sent to a server, so never logged). */
  path: string;
  /** ISO 8601. */
  expiresAt: string;
  /** Whether Rosette emailed the link to the address (SMTP configured and the message accepted); the admin copies it otherwise. */
  emailed?: boolean;
}

export function inviteResponse(token: string, expiresAt: number): InviteResponse {
  return { path: `/#/invite/${token}`, expiresAt: new Date(expiresAt).toISOString() };
}
