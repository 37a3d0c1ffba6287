import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { type Router, type Response } from 'express';
import { z } from 'zod';
import { FAILED_PAGE_DEFAULT, FAILED_PAGE_MAX } from '../../common/api/admin-queue';
import { AppError } from '../http/app-error';
import { parseWith } from '../http/parse-with';
import { routeParam } from '../http/route-param';
import { JOB_ID } from '../print-jobs/print-jobs-router';
import { authOf } from '../sessions/request-auth';
import type { AdminToken } from './admin-token';
import type { QueueActions } from './queue-actions';
import { requireAdmin, type AdminSessionAuth } from './require-admin';

export interface QueueActionsRouterDeps {
  actions: QueueActions;
  /** ADMIN_TOKEN: may read the queue (monitoring), never change it. */
  admin: AdminToken;
  adminSession: AdminSessionAuth;
}

/** A whole number in a query string, `min` to `max`. */
const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: `must be a whole number from ${min} to ${max}` })
    .regex(/^\d{1,9}$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** The query of GET /api/admin/queue: which page of failed jobs. */
const failedPageSchema = z.object({
  /** Zero-based offset into the failed jobs, newest failure first. */
  start: wholeNumber(0, 1_000_000).default(0),
  limit: wholeNumber(1, FAILED_PAGE_MAX).default(FAILED_PAGE_DEFAULT),
});

/**
 * The admin's queue actions, under /api/admin/ (the overload gate never sheds those, and they work in
 * maintenance). Reading takes a signed-in admin or ADMIN_TOKEN; every change takes a signed-in admin
 * account and the CSRF token, and is audited under the account's id.
 */
export function queueActionsRouter(deps: QueueActionsRouterDeps): Router {
  const router = caseSensitiveRouter();
  const { actions } = deps;
  const adminAccount = requireAdmin(null, deps.adminSession);
  const adminOrMonitor = requireAdmin(deps.admin, deps.adminSession);
  // Writes pass the session guards, which leave the signed-in account on the response.
  const actor = (res: Response) => authOf(res).account.id;
  const jobId = (req: Parameters<typeof routeParam>[0]) => {
    const id = routeParam(req, 'id');
    if (!JOB_ID.test(id)) throw AppError.validation([{ path: 'id', message: 'must be a print job id: 32 hexadecimal digits' }]);
    return id;
  };

  router.get('/api/admin/queue', adminOrMonitor, async (req, res) => {
    const page = parseWith(failedPageSchema, req.query);
    res.set('Cache-Control', 'no-store').json(await actions.overview(page));
  });

  router.post('/api/admin/queue/pause', adminAccount, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await actions.pause(actor(res)));
  });

  router.post('/api/admin/queue/resume', adminAccount, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await actions.resume(actor(res)));
  });

  router.post('/api/admin/queue/failed/retry-all', adminAccount, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await actions.retryAllFailed(actor(res)));
  });

  router.post('/api/admin/queue/failed/:id/retry', adminAccount, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await actions.retryFailed(actor(res), jobId(req)));
  });

  router.delete('/api/admin/queue/failed/:id', adminAccount, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await actions.removeFailed(actor(res), jobId(req)));
  });

  return router;
}
