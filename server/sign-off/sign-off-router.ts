import { type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import type { SignOffSettingResponse } from '../../common/api/sign-off-response';
import { MAX_SIGN_OFF_COMMENT, SIGN_OFF_STATUSES } from '../../common/sign-off/sign-off-workflow';
import type { AccountServices } from '../accounts/account-services';
import type { DesignStore } from '../designs/design-store';
import { AppError } from '../http/app-error';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { routeParam } from '../http/route-param';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import type { SignOffDesk } from './sign-off-desk';
import { signOffDetail, signOffSummary } from './sign-off-response';
import type { SignOffStore } from './sign-off-store';

const ID = /^[a-f0-9]{32}$/;
const comment = z.string({ error: 'must be text' }).max(MAX_SIGN_OFF_COMMENT, `must be at most ${MAX_SIGN_OFF_COMMENT} characters`).default('');

/** POST /api/sign-off-requests: which saved version to send. */
const submitSchema = z.object(
  {
    designId: z.string({ error: 'must be the id of a saved design' }).regex(ID, 'must be the id of a saved design'),
    version: z.number({ error: 'must be a version number: 1 or more' }).int('must be a whole version number').min(1, 'must be a version number: 1 or more'),
    note: comment,
  },
  { error: 'must be an object such as { "designId": "…", "version": 3 }' },
);
const commentSchema = z.object({ comment }, { error: 'must be an object such as { "comment": "…" }' }).default({ comment: '' });
const noteSchema = z.object({ note: comment }, { error: 'must be an object such as { "note": "…" }' }).default({ note: '' });
const listSchema = z.object({
  status: z.enum(SIGN_OFF_STATUSES, { error: `must be one of ${SIGN_OFF_STATUSES.join(', ')}` }).optional(),
  designId: z.string().regex(ID, 'must be the id of a saved design').optional(),
});
const settingSchema = z.object({ required: z.boolean({ error: 'must be true or false' }) }, { error: 'must be an object such as { "required": true }' });

/**
 * Sign-off: a campaigner sends a frozen version of a saved design; the organisation's agents see the
 * queue, the proof and what changed since the last approval, and approve or return it. Every account
 * of the organisation reads its requests (a campaigner follows their design's); another organisation's
 * are not found (404). The organisation's setting (whether sign-off is required before sharing) is read
 * by its accounts and set by its agents or an admin.
 */
export function signOffRouter(deps: { services: AccountServices; desk: SignOffDesk; signOffs: SignOffStore; designs: DesignStore }): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  const who = (res: Response) => authOf(res).account;
  const titleOf = async (orgId: string, designId: string, version: number) => (await deps.designs.getVersion(orgId, designId, version))?.title ?? '';

  router.post('/api/sign-off-requests', ...member, async (req, res) => {
    const input = parseWith(submitSchema, req.body);
    const { request, created } = await deps.desk.submit(who(res), input);
    const body = signOffSummary(request, await titleOf(request.orgId, request.designId, request.version), who(res));
    res.status(created ? 201 : 200).location(body.url).json(body);
  });

  // A print run's sign-off: its design version and its variant table, approved once for every version.
  router.post('/api/runs/:id/sign-off', ...member, async (req, res) => {
    const { note } = parseWith(noteSchema, req.body ?? {});
    const { request, created } = await deps.desk.submitRun(who(res), routeParam(req, 'id'), note);
    const body = signOffSummary(request, await titleOf(request.orgId, request.designId, request.version), who(res));
    res.status(created ? 201 : 200).location(body.url).json(body);
  });

  router.get('/api/sign-off-requests', ...member, async (req, res) => {
    const filter = parseWith(listSchema, req.query);
    const account = who(res);
    const requests = await deps.signOffs.list(account.orgId, filter);
    const titles = new Map<string, string>();
    for (const r of requests) titles.set(r.id, await titleOf(account.orgId, r.designId, r.version));
    res.set('Cache-Control', 'no-store').json({ requests: requests.map((r) => signOffSummary(r, titles.get(r.id) ?? '', account)) });
  });

  router.get('/api/sign-off-requests/:id', ...member, async (req, res) => {
    const account = who(res);
    res.set('Cache-Control', 'no-store').json(signOffDetail(await deps.desk.open(account, routeParam(req, 'id')), account));
  });

  const decision = (to: 'approved' | 'returned'): RequestHandler => async (req, res) => {
    const { comment: text } = parseWith(commentSchema, req.body ?? {});
    const account = who(res);
    const moved = await deps.desk.decide(account, routeParam(req, 'id'), to, text);
    res.json(signOffSummary(moved, await titleOf(account.orgId, moved.designId, moved.version), account));
  };
  router.post('/api/sign-off-requests/:id/approve', ...member, decision('approved'));
  router.post('/api/sign-off-requests/:id/return', ...member, decision('returned'));

  router.post('/api/sign-off-requests/:id/resubmit', ...member, async (req, res) => {
    const { note } = parseWith(noteSchema, req.body ?? {});
    const account = who(res);
    const moved = await deps.desk.resubmit(account, routeParam(req, 'id'), note);
    res.json(signOffSummary(moved, await titleOf(account.orgId, moved.designId, moved.version), account));
  });

  const orgOf = (req: Parameters<RequestHandler>[0], res: Response): string => {
    const account = who(res);
    const orgId = routeParam(req, 'orgId');
    if (account.orgId !== orgId && account.role !== 'admin') throw AppError.notFound('this organisation');
    return orgId;
  };

  router.get('/api/organisations/:orgId/sign-off', ...member, async (req, res) => {
    const required = await deps.services.organisations.signOffRequired(orgOf(req, res));
    if (required === null) throw AppError.notFound('this organisation');
    const body: SignOffSettingResponse = { required };
    res.json(body);
  });

  router.put('/api/organisations/:orgId/sign-off', ...member, async (req, res) => {
    const orgId = orgOf(req, res);
    const account = who(res);
    if (account.role !== 'agent' && account.role !== 'admin') throw new AppError(403, 'agent_only', "only your organisation's agent or an admin can change whether sign-off is required");
    const { required } = parseWith(settingSchema, req.body);
    if (!(await deps.services.organisations.setSignOffRequired(orgId, required))) throw AppError.notFound('this organisation');
    await deps.services.audit.record(required ? 'organisation.sign-off-required' : 'organisation.sign-off-optional', account.id, orgId);
    const body: SignOffSettingResponse = { required };
    res.json(body);
  });

  return router;
}
