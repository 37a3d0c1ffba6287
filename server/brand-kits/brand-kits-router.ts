import type { RequestHandler, Response, Router } from 'express';
import type { BrandKitResponse } from '../../common/api/brand-kit-response';
import { brandKitSchema, effectiveBrandKit, type BrandKit } from '../../common/brand/brand-kit';
import { readAssetInfo } from '../../common/node/asset-info';
import type { FileStore } from '../../common/node/file-store';
import type { AccountServices } from '../accounts/account-services';
import { AppError } from '../http/app-error';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { routeParam } from '../http/route-param';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import type { BrandKitStore } from './brand-kit-store';

const EMPTY: BrandKit = { colours: [], logos: [], typefaces: [], imprintMinFontSize: null };

/**
 * Brand kits (issue 16): each organisation's named CMYK colours, logos, typefaces and imprint rule, and
 * what it inherits from the organisations above it, which it may add to and never remove from. Read by
 * the organisation's accounts (and admins); set by its agents (and admins); anyone else gets 404.
 * Changes are audited `organisation.brand-kit-set` (counts only).
 */
export function brandKitsRouter(deps: { services: AccountServices; kits: BrandKitStore; store: FileStore }): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  const organisationOf = async (res: Response, orgId: string) => {
    const { account } = authOf(res);
    if (account.orgId !== orgId && account.role !== 'admin') throw AppError.notFound('this organisation');
    const org = await deps.services.organisations.find(orgId);
    if (!org) throw AppError.notFound('this organisation');
    return org;
  };
  const read = async (orgId: string): Promise<BrandKitResponse> => {
    const ancestors = (await deps.services.organisations.ancestors(orgId)).reverse();
    const kits = await deps.kits.kitsOf([...ancestors.map((a) => a.id), orgId]);
    const inherited = ancestors.flatMap((a) => (kits.has(a.id) ? [{ organisation: a, kit: kits.get(a.id)! }] : []));
    const own = kits.get(orgId) ?? EMPTY;
    const ownName = (await deps.services.organisations.find(orgId))?.name ?? '';
    return { organisation: { id: orgId, name: ownName }, own, inherited, effective: effectiveBrandKit([...inherited.map((i) => ({ organisation: i.organisation.name, kit: i.kit })), { organisation: ownName, kit: own }]) };
  };

  router.get('/api/organisations/:orgId/brand-kit', ...member, async (req, res) => {
    const org = await organisationOf(res, routeParam(req, 'orgId'));
    res.set('Cache-Control', 'no-store').json(await read(org.id));
  });

  router.put('/api/organisations/:orgId/brand-kit', ...member, async (req, res) => {
    const org = await organisationOf(res, routeParam(req, 'orgId'));
    const { account } = authOf(res);
    if (account.role !== 'agent' && account.role !== 'admin') throw new AppError(403, 'agent_only', "only the organisation's agent (or an admin) can change its brand kit");
    const kit = parseWith(brandKitSchema, req.body ?? {});
    const missing = [];
    for (const [i, logo] of kit.logos.entries()) if (!(await readAssetInfo(deps.store, logo.assetId))) missing.push({ path: `logos[${i}].assetId`, message: 'no uploaded image has this id; upload it with POST /api/assets first' });
    if (missing.length > 0) throw AppError.validation(missing);
    // A child adds to its ancestors' kits: it cannot take one of their names for another colour or logo, nor loosen their imprint rule.
    const { inherited } = await read(org.id);
    const taken = (names: string[], from: 'colours' | 'logos') =>
      names.flatMap((n, i) => (inherited.some((k) => k.kit[from].some((c) => c.name.toLowerCase() === n.toLowerCase())) ? [{ path: `${from}[${i}].name`, message: `"${n}" is already a ${from === 'colours' ? 'colour' : 'logo'} of an organisation above yours; use another name` }] : []));
    const clashes = [...taken(kit.colours.map((c) => c.name), 'colours'), ...taken(kit.logos.map((l) => l.name), 'logos')];
    if (clashes.length > 0) throw new AppError(422, 'brand_kit_inherited', clashes[0]!.message, clashes);
    const inheritedMin = inherited.reduce<number | null>((min, k) => (k.kit.imprintMinFontSize === null ? min : Math.max(min ?? 0, k.kit.imprintMinFontSize)), null);
    if (kit.imprintMinFontSize !== null && inheritedMin !== null && kit.imprintMinFontSize < inheritedMin)
      throw new AppError(422, 'brand_kit_inherited', `imprintMinFontSize: an organisation above yours sets the imprint at ${inheritedMin} pt or more; yours may be stricter, not looser`, [{ path: 'imprintMinFontSize', message: `must be at least ${inheritedMin} pt (inherited)` }]);
    await deps.kits.set(org.id, kit, account.id);
    await deps.services.audit.record('organisation.brand-kit-set', account.id, org.id, { colours: kit.colours.length, logos: kit.logos.length, typefaces: kit.typefaces.length });
    res.json(await read(org.id));
  });

  return router;
}
