import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { type Router, type RequestHandler } from 'express';
import type { AccountServices } from '../accounts/account-services';
import { routeParam } from '../http/route-param';
import { AppError } from '../http/app-error';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import { designVersionResponse, savedDesignResponse, savedDesignSummary } from './design-response';
import { DesignStore, MAX_DESIGNS_PER_ORGANISATION, TooManyDesignsError } from './design-store';
import type { TemplateLocksDesk } from '../published-templates/template-locks-desk';
import type { BrandRules } from '../brand-kits/brand-rules';
import { copyTitleOf, createDesignSchema, duplicateDesignSchema, renameDesignSchema, saveDesignSchema, type SavedDesign } from './saved-design';

/**
 * Designs saved on the server, per organisation: list, create, read, save a new version, rename,
 * duplicate, read the history, delete. Signed-in accounts only; renaming, duplicating and deleting are
 * audited (who, which design: ids only).
 */
export function designsRouter(deps: {
  services: AccountServices;
  designs: DesignStore;
  /** Published templates' locks: a design made from one keeps its locked elements on every save; absent, designs cannot be made from one. */
  locks?: TemplateLocksDesk;
  /** The brand kit's rules (the imprint's minimum size); not checked when absent. */
  brandRules?: BrandRules;
}): Router {
  const router = caseSensitiveRouter();
  const tooMany = (err: unknown) => {
    if (err instanceof TooManyDesignsError) throw new AppError(409, 'too_many_designs', `your organisation keeps ${MAX_DESIGNS_PER_ORGANISATION} designs already; delete some first`);
    throw err;
  };
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  const notFound = () => AppError.notFound('this design');
  // The design's template, with its locks (a saved design keeps the ones it was made with).
  const locksOf = async (saved: SavedDesign) => (saved.template && deps.locks ? deps.locks.locksOf(saved.template) : null);
  const respond = async (saved: SavedDesign) => savedDesignResponse(saved, (await locksOf(saved))?.response ?? null);

  router.get('/api/designs', ...member, async (_req, res) => {
    const designs = await deps.designs.list(authOf(res).account.orgId);
    res.set('Cache-Control', 'no-store').json({ designs: designs.map((d) => savedDesignSummary(d, authOf(res).account.id)) });
  });

  router.post('/api/designs', ...member, async (req, res) => {
    const { design, template } = parseWith(createDesignSchema, req.body);
    const { account } = authOf(res);
    if (template) {
      // Only a template of one of the organisation's ancestors; the new design must keep its locks from the start.
      const locks = deps.locks ? await deps.locks.locksOf(template, account.orgId) : null;
      if (!locks) throw AppError.notFound('this published template');
      deps.locks!.refuseBrokenLocks(design, locks);
    }
    await deps.brandRules?.refuseBrokenRules(account.orgId, design);
    const saved = await deps.designs.create(account.orgId, account.id, design, template ?? null).catch(tooMany);
    res.status(201).location(`/api/designs/${saved.id}`).json(await respond(saved));
  });

  router.get('/api/designs/:id', ...member, async (req, res) => {
    const saved = await deps.designs.get(authOf(res).account.orgId, routeParam(req, 'id'));
    if (!saved) throw notFound();
    res.json(await respond(saved));
  });

  router.put('/api/designs/:id', ...member, async (req, res) => {
    const { design } = parseWith(saveDesignSchema, req.body);
    const { account } = authOf(res);
    const id = routeParam(req, 'id');
    // A design's template never changes once it is made, so reading it before the save cannot race with one.
    const link = await deps.designs.templateOf(account.orgId, id);
    const locks = link && deps.locks ? await deps.locks.locksOf(link) : null;
    if (locks) deps.locks!.refuseBrokenLocks(design, locks);
    await deps.brandRules?.refuseBrokenRules(account.orgId, design);
    const saved = await deps.designs.update(account.orgId, id, design, account.id);
    if (!saved) throw notFound();
    res.json(savedDesignResponse(saved, locks?.response ?? null));
  });

  router.patch('/api/designs/:id', ...member, async (req, res) => {
    const { title } = parseWith(renameDesignSchema, req.body ?? {});
    const { account } = authOf(res);
    const saved = await deps.designs.rename(account.orgId, routeParam(req, 'id'), title, account.id);
    if (!saved) throw notFound();
    await deps.services.audit.record('design.renamed', account.id, saved.id);
    res.json(await respond(saved));
  });

  router.post('/api/designs/:id/duplicate', ...member, async (req, res) => {
    const body = parseWith(duplicateDesignSchema, req.body ?? {});
    const { account } = authOf(res);
    const original = await deps.designs.get(account.orgId, routeParam(req, 'id'));
    if (!original) throw notFound();
    // A new design (version 1, made by this account) with the original's current document, and its template's locks.
    const copy = await deps.designs.create(account.orgId, account.id, { ...original.design, title: body.title ?? copyTitleOf(original.title) }, original.template).catch(tooMany);
    await deps.services.audit.record('design.duplicated', account.id, copy.id);
    res.status(201).location(`/api/designs/${copy.id}`).json(await respond(copy));
  });

  router.get('/api/designs/:id/versions', ...member, async (req, res) => {
    const id = routeParam(req, 'id');
    const versions = await deps.designs.versions(authOf(res).account.orgId, id);
    if (!versions) throw notFound();
    res.json({ versions: versions.map((v) => designVersionResponse(id, v)) });
  });

  router.get('/api/designs/:id/versions/:version', ...member, async (req, res) => {
    const raw = routeParam(req, 'version');
    if (!/^[1-9]\d{0,8}$/.test(raw)) throw AppError.validation([{ path: 'version', message: 'must be a version number: 1 or more' }]);
    const saved = await deps.designs.getVersion(authOf(res).account.orgId, routeParam(req, 'id'), Number(raw));
    if (!saved) throw AppError.notFound('this version of the design');
    res.json(await respond(saved));
  });

  router.delete('/api/designs/:id', ...member, async (req, res) => {
    const { account } = authOf(res);
    const id = routeParam(req, 'id');
    if (!(await deps.designs.delete(account.orgId, id))) throw notFound();
    await deps.services.audit.record('design.deleted', account.id, id);
    res.status(204).end();
  });

  return router;
}
