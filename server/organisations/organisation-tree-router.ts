import type { RequestHandler, Router } from 'express';
import { ORGANISATION_TREE_MAX_DEPTH, setParentSchema } from '../../common/organisations/organisation-tree';
import type { AccountServices } from '../accounts/account-services';
import { OrganisationTreeError, type OrganisationNode } from '../accounts/organisation-store';
import { AppError } from '../http/app-error';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { routeParam } from '../http/route-param';
import { adminOnly } from '../sessions/admin-guard';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';

/** GET /api/admin/organisation-tree: one organisation. */
interface OrganisationNodeResponse {
  id: string;
  name: string;
  parentId: string | null;
}

const respond = (node: OrganisationNode): OrganisationNodeResponse => ({ id: node.id, name: node.name, parentId: node.parentId });

/**
 * The admin's organisation tree (issue 16): every organisation with its parent, and setting or clearing
 * one's parent. Admins only, as the rest of the admin API (signed in, admin role, CSRF token); each change
 * is audited (`organisation.parent-set` / `.parent-cleared`, details `from` and `to`: ids) in the
 * transaction that makes it. The database refuses cycles and trees deeper than ORGANISATION_TREE_MAX_DEPTH.
 */
export function organisationTreeRouter(services: AccountServices): Router {
  const router = caseSensitiveRouter();
  const admin: RequestHandler[] = [signedIn(services), csrfProtection, adminOnly];

  router.get('/api/admin/organisation-tree', ...admin, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ organisations: (await services.organisations.listTree()).map(respond), maxDepth: ORGANISATION_TREE_MAX_DEPTH });
  });

  router.put('/api/admin/organisations/:orgId/parent', ...admin, async (req, res) => {
    const orgId = routeParam(req, 'orgId');
    const { parentId } = parseWith(setParentSchema, req.body ?? {});
    const actor = authOf(res).account;
    const node = await services.transaction(async (records) => {
      const before = await records.organisations.node(orgId);
      if (!before) throw AppError.notFound('this organisation');
      if (parentId !== null && !(await records.organisations.find(parentId)))
        throw new AppError(422, 'unknown_organisation', 'parentId: there is no organisation with this id', [{ path: 'parentId', message: 'there is no organisation with this id' }]);
      if (before.parentId === parentId) return before;
      try {
        await records.organisations.setParent(orgId, parentId);
      } catch (err) {
        if (!(err instanceof OrganisationTreeError)) throw err;
        if (err.reason === 'cycle') throw new AppError(409, 'organisation_tree_cycle', 'parentId: this would make the organisation its own ancestor; an organisation cannot sit below itself or below one of its own descendants', [{ path: 'parentId', message: 'is the organisation itself or one of its descendants' }]);
        throw new AppError(409, 'organisation_tree_too_deep', `parentId: the tree would have more than ${ORGANISATION_TREE_MAX_DEPTH} levels (counting the organisations below this one)`, [{ path: 'parentId', message: `would make the tree deeper than ${ORGANISATION_TREE_MAX_DEPTH} levels` }]);
      }
      await records.audit.record(parentId === null ? 'organisation.parent-cleared' : 'organisation.parent-set', actor.id, orgId, { from: before.parentId, to: parentId });
      return { ...before, parentId };
    });
    res.json({ organisation: respond(node) });
  });

  return router;
}
