import { type RequestHandler, type Router } from 'express';
import { z } from 'zod';
import type { OrganisationImprintResponse } from '../../common/api/organisation-imprint-response';
import { imprintSchema } from '../../common/design/design-schema';
import { sampleImprintProblems } from '../../common/templates/sample-imprint-problems';
import { AppError, formatPath } from '../http/app-error';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { routeParam } from '../http/route-param';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import type { AccountServices } from './account-services';
import type { OrganisationImprint } from './organisation-store';

/** PUT's body: the imprint, checked with the design schema's own imprint fields. */
const setImprintSchema = z.object({ imprint: imprintSchema }, { error: 'must be an object with the imprint' });

const respond = (stored: OrganisationImprint | null): OrganisationImprintResponse =>
  stored ? { imprint: stored.imprint, updatedAt: new Date(stored.updatedAt).toISOString() } : { imprint: null, updatedAt: null };

/**
 * An organisation's own legal imprint (promoter, on behalf of, usual printer), which new designs start
 * from. Its accounts read and set it; an admin may for any organisation (they run the site and help
 * parties set up). Anyone else is told the organisation does not exist (404), as for its designs.
 * A sample or placeholder detail is refused as in a print job (422 sample_imprint, one field per
 * detail), without quoting the details back. Every change is audited (`organisation.imprint-set`).
 */
export function organisationImprintRouter(services: AccountServices): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(services), csrfProtection];
  const orgOf = (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]): string => {
    const { account } = authOf(res);
    const orgId = routeParam(req, 'orgId');
    if (account.orgId !== orgId && account.role !== 'admin') throw AppError.notFound('this organisation');
    return orgId;
  };

  router.get('/api/organisations/:orgId/imprint', ...member, async (req, res) => {
    const orgId = orgOf(req, res);
    if (!(await services.organisations.find(orgId))) throw AppError.notFound('this organisation');
    res.json(respond(await services.organisations.imprint(orgId)));
  });

  router.put('/api/organisations/:orgId/imprint', ...member, async (req, res) => {
    const orgId = orgOf(req, res);
    const { imprint } = parseWith(setImprintSchema, req.body);
    const problems = sampleImprintProblems(imprint);
    if (problems.length > 0) {
      const fields = problems.map((p) => ({ path: formatPath(p.path), message: p.unquoted }));
      throw new AppError(422, 'sample_imprint', `the imprint has sample or placeholder details (${problems.map((p) => p.path.slice(1).join('.')).join(', ')}): fill in the real promoter and printer, with their addresses`, fields);
    }
    const actor = authOf(res).account.id;
    const stored = await services.organisations.setImprint(orgId, imprint, actor);
    if (!stored) throw AppError.notFound('this organisation');
    await services.audit.record('organisation.imprint-set', actor, orgId);
    res.json(respond(stored));
  });

  return router;
}
