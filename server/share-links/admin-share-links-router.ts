import type { RequestHandler, Router } from 'express';
import type { AccountServices } from '../accounts/account-services';
import { AppError } from '../http/app-error';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { routeParam } from '../http/route-param';
import { adminOnly } from '../sessions/admin-guard';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import { adminShareLinkResponse } from './share-link-response';
import type { ShareLinkStore } from './share-link-store';

const ORG_ID = /^[a-f0-9]{32}$/;

/**
 * The admin's view of an organisation's live share links, with withdraw: for a link its organisation
 * cannot or will not withdraw (a leaked PDF with the imprint's names and addresses). Admins run the
 * site, so any organisation's; the answers show when a link was made, by which account and until when,
 * never the leaflet or its job (admins do not see an organisation's designs or jobs elsewhere either).
 * Withdrawals are audited. Signed-in admins only: the admin token does not open it.
 */
export function adminShareLinksRouter(deps: { services: AccountServices; shareLinks: ShareLinkStore }): Router {
  const router = caseSensitiveRouter();
  const admin: RequestHandler[] = [signedIn(deps.services), csrfProtection, adminOnly];
  const organisation = async (id: string) => {
    const org = ORG_ID.test(id) ? await deps.services.organisations.find(id) : null;
    if (!org) throw AppError.notFound('this organisation');
    return org;
  };

  router.get('/api/admin/organisations/:orgId/share-links', ...admin, async (req, res) => {
    const org = await organisation(routeParam(req, 'orgId'));
    const links = await deps.shareLinks.listForOrganisation(org.id);
    res.set('Cache-Control', 'no-store').json({ shareLinks: links.map(adminShareLinkResponse) });
  });

  router.delete('/api/admin/organisations/:orgId/share-links/:linkId', ...admin, async (req, res) => {
    const org = await organisation(routeParam(req, 'orgId'));
    const link = await deps.shareLinks.withdraw(org.id, routeParam(req, 'linkId'));
    if (!link) throw AppError.notFound('this share link');
    await deps.services.audit.record('share-link.withdrawn', authOf(res).account.id, link.id);
    res.status(204).end();
  });

  return router;
}
