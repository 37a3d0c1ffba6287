import type { RequestHandler, Router } from 'express';
import type { PublishedTemplateResponse, PublishedTemplateSummary, PublishedTemplateVersionsResponse } from '../../common/api/published-template-response';
import { publishTemplateSchema } from '../../common/templates/publish-template-input';
import type { AccountServices } from '../accounts/account-services';
import type { DesignStore } from '../designs/design-store';
import { AppError } from '../http/app-error';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { routeParam } from '../http/route-param';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import type { PublishedTemplateStore, PublishedTemplateVersion } from './published-template-store';
import type { TemplateLocksDesk } from './template-locks-desk';
import { lockedElementsOf } from '../../common/templates/template-locks';

const url = (id: string) => `/api/published-templates/${id}`;

function summary(t: PublishedTemplateVersion, organisation: { id: string; name: string }, own: boolean): PublishedTemplateSummary {
  return {
    id: t.id,
    name: t.name,
    organisation,
    own,
    version: t.version,
    publishedAt: new Date(t.publishedAt).toISOString(),
    format: { size: t.design.format.size, orientation: t.design.format.orientation },
    pages: t.design.pages.length,
    locked: t.locked,
    url: url(t.id),
    sourceDesignId: own ? t.sourceDesignId : null,
  };
}

/**
 * The template library (issue 16): an organisation's agent (or an admin, for their own organisation)
 * publishes one of its saved designs as a template, with chosen elements locked; every account of the
 * organisations below it sees it beside the built-in templates. A template of an organisation that is
 * not the asker's or one of its ancestors is not found (404), like any other organisation's record.
 */
export function publishedTemplatesRouter(deps: { services: AccountServices; designs: DesignStore; templates: PublishedTemplateStore; locks: TemplateLocksDesk }): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  /** The asker's organisation and its ancestors, each with its name. */
  const visible = async (orgId: string) => {
    const own = await deps.services.organisations.find(orgId);
    return [...(own ? [own] : []), ...(await deps.locks.publishersFor(orgId))];
  };

  router.get('/api/published-templates', ...member, async (_req, res) => {
    const { orgId } = authOf(res).account;
    const orgs = await visible(orgId);
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    const templates = await deps.templates.listCurrent(orgs.map((o) => o.id));
    res.set('Cache-Control', 'no-store').json({ templates: templates.map((t) => summary(t, { id: t.orgId, name: names.get(t.orgId) ?? '' }, t.orgId === orgId)) });
  });

  router.get('/api/published-templates/:id', ...member, async (req, res) => {
    const { orgId } = authOf(res).account;
    const orgs = await visible(orgId);
    const t = await deps.templates.find(orgs.map((o) => o.id), routeParam(req, 'id'), null);
    if (!t) throw AppError.notFound('this published template');
    const body: PublishedTemplateResponse = { ...summary(t, { id: t.orgId, name: orgs.find((o) => o.id === t.orgId)?.name ?? '' }, t.orgId === orgId), currentVersion: t.currentVersion, design: t.design };
    res.set('Cache-Control', 'no-store').json(body);
  });

  // The publisher's history (its publish screen): every version, newest first. Only the publishing
  // organisation sees it; those below see the newest version, and anyone else is told it does not exist.
  router.get('/api/published-templates/:id/versions', ...member, async (req, res) => {
    const { orgId } = authOf(res).account;
    const versions = await deps.templates.listVersions(orgId, routeParam(req, 'id'));
    if (!versions) throw AppError.notFound('this published template');
    const body: PublishedTemplateVersionsResponse = {
      id: routeParam(req, 'id'),
      currentVersion: versions[0]!.version,
      versions: versions.map((v) => ({ version: v.version, name: v.name, publishedAt: new Date(v.publishedAt).toISOString(), locked: v.locked, sourceDesignVersion: v.sourceDesignVersion })),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/api/published-templates', ...member, async (req, res) => {
    const { account } = authOf(res);
    // Brand rules are the organisation's responsibility: its agent publishes them (an admin may, for their own organisation).
    if (account.role !== 'agent' && account.role !== 'admin') throw new AppError(403, 'agents_only', "only the organisation's agent (or an admin) can publish templates");
    const input = parseWith(publishTemplateSchema, req.body ?? {});
    const saved = input.version === undefined ? await deps.designs.get(account.orgId, input.designId) : await deps.designs.getVersion(account.orgId, input.designId, input.version);
    if (!saved) throw AppError.notFound(input.version === undefined ? 'this design' : 'this version of the design');
    const { unknown } = lockedElementsOf(saved.design, input.locked);
    if (unknown.length > 0) {
      const fields = unknown.map((id) => ({ path: `locked[${input.locked.indexOf(id)}]`, message: `the design has no element "${id}"` }));
      throw AppError.validation(fields);
    }
    const published = await deps.templates.publish({ orgId: account.orgId, accountId: account.id, sourceDesignId: saved.id, sourceVersion: saved.version, name: input.name ?? saved.title, design: saved.design, locked: input.locked });
    await deps.services.audit.record('template.published', account.id, published.id, { version: published.version, locked: published.locked.length });
    const organisation = (await deps.services.organisations.find(account.orgId)) ?? { id: account.orgId, name: '' };
    const body: PublishedTemplateResponse = { ...summary(published, organisation, true), currentVersion: published.currentVersion, design: published.design };
    res.status(201).location(url(published.id)).json(body);
  });

  return router;
}
