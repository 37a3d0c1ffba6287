import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { type Router, type RequestHandler } from 'express';
import { layoutDesign } from '../../common/layout/layout-design';
import type { FileStore } from '../../common/node/file-store';
import type { AccountServices } from '../accounts/account-services';
import { routeParam } from '../http/route-param';
import { AppError } from '../http/app-error';
import { csrfProtection } from '../http/csrf';
import { parseWith } from '../http/parse-with';
import { findOwnJob } from '../print-jobs/print-jobs-router';
import type { PrintQueue } from '../print-jobs/print-queue';
import { loadAssetInfos, refuseSampleImprint } from '../print-jobs/submit-print-job';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import { designHashOf } from '../sign-off/sign-off-desk';
import type { SignOffStore } from '../sign-off/sign-off-store';
import { frontPageOf } from './front-page';
import { createShareLinkSchema, MAX_LINKS_PER_JOB } from './share-link';
import { createdShareLinkResponse, organisationShareLinkResponse, shareLinkResponse } from './share-link-response';
import { TooManyShareLinksError, type ShareLinkStore } from './share-link-store';

const DAY_MS = 24 * 3600_000;

const JOB_ID = /^[a-f0-9]{32}$/;

/**
 * A campaigner's share links of their organisation's finished print jobs: make, list, revoke. Making
 * one needs the job; listing and withdrawing do not (links are records of their own, and outlive the
 * job in the queue), so a link can be withdrawn for its whole life. A proof is never shared, and while
 * the organisation requires sign-off, only a print of exactly a version an agent approved is.
 */
export function shareLinksRouter(deps: { services: AccountServices; queue: PrintQueue; store: FileStore; shareLinks: ShareLinkStore; signOffs: SignOffStore; now: () => number }): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  const ownJob = async (id: string, orgId: string) => {
    const view = await findOwnJob(deps.queue, id, orgId);
    if (!view) throw AppError.notFound('this print job');
    return view;
  };

  router.post('/api/print-jobs/:id/share-links', ...member, async (req, res) => {
    const { expiresInDays } = parseWith(createShareLinkSchema, req.body ?? {});
    const orgId = authOf(res).account.orgId;
    const view = await ownJob(routeParam(req, 'id'), orgId);
    const design = view.result ? await deps.queue.findDesign(view.id) : null;
    if (view.status !== 'done' || !view.result || !design) throw new AppError(409, 'job_not_done', 'a share link can be made once the PDF is ready');
    // A PDF printed before sample imprints were refused must not be handed to volunteers either.
    refuseSampleImprint(design);
    // A proof is for the agent; volunteers get the final file.
    if (view.proof) throw new AppError(422, 'proof_not_shareable', 'this PDF is a proof marked "PROOF — NOT APPROVED": print the design without proof to share it');
    if ((await deps.services.organisations.signOffRequired(orgId)) && !(await deps.signOffs.isApproved(orgId, designHashOf(design)))) {
      throw new AppError(422, 'sign_off_required', 'your organisation requires sign-off before sharing, and an agent has not approved this version of the design: send it for sign-off, then share the print of the approved version');
    }
    const front = frontPageOf(layoutDesign(design, await loadAssetInfos(design, deps.store)));
    const expiresAt = expiresInDays === null ? null : deps.now() + expiresInDays * DAY_MS;
    const job = { jobId: view.id, orgId, pdfHash: view.result.pdfHash, title: design.title, pages: view.result.pages, bytes: view.result.bytes, front };
    const { link, token } = await deps.shareLinks.create(job, expiresAt, authOf(res).account.id).catch((err: unknown) => {
      if (err instanceof TooManyShareLinksError) throw new AppError(409, 'too_many_share_links', `this print job has ${MAX_LINKS_PER_JOB} share links already; revoke some first`);
      throw err;
    });
    res.status(201).json(createdShareLinkResponse(link, token));
  });

  router.get('/api/print-jobs/:id/share-links', ...member, async (req, res) => {
    const orgId = authOf(res).account.orgId;
    const jobId = routeParam(req, 'id');
    const links = JOB_ID.test(jobId) ? await deps.shareLinks.list(jobId, orgId) : [];
    // A job the queue has dropped is still the organisation's while it has links; otherwise it must be theirs in the queue.
    if (links.length === 0) await ownJob(jobId, orgId);
    res.json({ shareLinks: links.map(shareLinkResponse) });
  });

  router.delete('/api/print-jobs/:id/share-links/:linkId', ...member, async (req, res) => {
    const orgId = authOf(res).account.orgId;
    if (!(await deps.shareLinks.revoke(routeParam(req, 'id'), orgId, routeParam(req, 'linkId')))) throw AppError.notFound('this share link');
    res.status(204).end();
  });

  router.get('/api/share-links', ...member, async (_req, res) => {
    const links = await deps.shareLinks.listForOrganisation(authOf(res).account.orgId);
    res.set('Cache-Control', 'no-store').json({ shareLinks: links.map(organisationShareLinkResponse) });
  });

  router.delete('/api/share-links/:linkId', ...member, async (req, res) => {
    if (!(await deps.shareLinks.withdraw(authOf(res).account.orgId, routeParam(req, 'linkId')))) throw AppError.notFound('this share link');
    res.status(204).end();
  });

  return router;
}
