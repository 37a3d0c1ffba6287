import type { Mailer } from '../email/mailer';
import { inviteEmail } from './invite-email';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { type Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { emailSchema } from '../../common/accounts/email-address';
import { ORGANISATION_ROLES, ROLES } from '../../common/accounts/roles';
import type { AuditEntry } from '../audit/audit-log';
import { routeParam } from '../http/route-param';
import { AppError } from '../http/app-error';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { adminOnly } from '../sessions/admin-guard';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import type { Account } from './account';
import { accountResponse, inviteResponse, type AccountResponse, type InviteResponse } from './account-response';
import type { AccountServices } from './account-services';

/** The body of POST /api/admin/accounts. */
const inviteSchema = z.object({
  email: emailSchema,
  organisation: z.string({ error: 'must be the name of the organisation' }).trim().min(1, 'must be the name of the organisation').max(120, 'must be at most 120 characters'),
  role: z.enum(ROLES, { error: 'must be "campaigner", "agent" or "admin"' }).default('campaigner'),
});

/** The body of POST /api/admin/accounts/:id/role. */
const roleSchema = z.object({ role: z.enum(ORGANISATION_ROLES, { error: 'must be "agent" or "campaigner"' }) }, { error: 'must be an object such as { "role": "agent" }' });

const ACCOUNT_ID = /^[a-f0-9]{32}$/;

/** GET /api/admin/audit: entries name accounts by id only. */
interface AuditEntryResponse {
  /** ISO 8601. */
  at: string;
  action: AuditEntry['action'];
  actorId: string | null;
  targetId: string | null;
  /** The entry's particulars (such as a sign-off move's from and to); never a name or an address. */
  details: AuditEntry['details'];
}

/** GET /api/admin/organisations: one organisation. */
interface OrganisationResponse {
  id: string;
  name: string;
  /** Accounts in it, of any status. */
  accounts: number;
}

/** The admin's accounts API: list, invite, disable, reset access, make an agent or a campaigner, and the audit log. Admins only. */
export function adminAccountsRouter(services: AccountServices, email: { mailer: Mailer; publicUrl: string }): Router {
  const router = caseSensitiveRouter();
  const admin: RequestHandler[] = [signedIn(services), csrfProtection, adminOnly];

  const respond = async (account: Account): Promise<AccountResponse> => {
    const org = await services.organisations.find(account.orgId);
    return accountResponse(account, org?.name ?? '');
  };
  const accountId = (id: string) => {
    if (!ACCOUNT_ID.test(id)) throw AppError.notFound('this account');
    return id;
  };

  router.get('/api/admin/accounts', ...admin, async (_req, res) => {
    const accounts = await services.accounts.list();
    const names = await services.organisations.names(accounts.map((a) => a.orgId));
    res.json({ accounts: accounts.map((a) => accountResponse(a, names.get(a.orgId) ?? '')) });
  });

  // The invite is emailed when SMTP is configured; the answer says whether it was, and always carries the link to copy.
  const sendInvite = async (account: Account, invite: { token: string; expiresAt: number }, reset: boolean): Promise<InviteResponse> => {
    const link = inviteResponse(invite.token, invite.expiresAt);
    const organisation = (await services.organisations.find(account.orgId))?.name ?? '';
    const outcome = await email.mailer.send(inviteEmail({ to: account.email, organisation, link: `${email.publicUrl}${link.path}`, expiresAt: invite.expiresAt, reset }));
    return { ...link, emailed: outcome.sent };
  };

  router.post('/api/admin/accounts', ...admin, async (req, res) => {
    const input = parseWith(inviteSchema, req.body);
    const { account, invite } = await services.admin.invite(authOf(res).account, input);
    const body: { account: AccountResponse; invite: InviteResponse } = { account: await respond(account), invite: await sendInvite(account, invite, false) };
    res.status(201).json(body);
  });

  router.post('/api/admin/accounts/:id/disable', ...admin, async (req, res) => {
    const account = await services.admin.disable(authOf(res).account, accountId(routeParam(req, 'id')));
    res.json({ account: await respond(account) });
  });

  router.post('/api/admin/accounts/:id/reset-access', ...admin, async (req, res) => {
    const { account, invite } = await services.admin.resetAccess(authOf(res).account, accountId(routeParam(req, 'id')));
    const body: { account: AccountResponse; invite: InviteResponse } = { account: await respond(account), invite: await sendInvite(account, invite, true) };
    res.json(body);
  });

  router.post('/api/admin/accounts/:id/role', ...admin, async (req, res) => {
    const id = accountId(routeParam(req, 'id'));
    const { role } = parseWith(roleSchema, req.body);
    res.json({ account: await respond(await services.admin.setRole(authOf(res).account, id, role)) });
  });

  // The organisations that have accounts, for the admin's share-link view (an organisation is made with its first invite).
  router.get('/api/admin/organisations', ...admin, async (_req, res) => {
    const accounts = await services.accounts.list();
    const names = await services.organisations.names(accounts.map((a) => a.orgId));
    const organisations: OrganisationResponse[] = [...names].map(([id, name]) => ({ id, name, accounts: accounts.filter((a) => a.orgId === id).length })).sort((a, b) => a.name.localeCompare(b.name));
    res.json({ organisations });
  });

  router.get('/api/admin/audit', ...admin, async (_req, res) => {
    const entries: AuditEntryResponse[] = (await services.audit.recent()).map((e) => ({ at: new Date(e.at).toISOString(), action: e.action, actorId: e.actorId, targetId: e.targetId, details: e.details }));
    res.json({ entries });
  });

  return router;
}
