import type { RequestHandler, Router } from 'express';
import type { PrintSettings } from '../../common/colour/print-settings';
import type { FileStore } from '../../common/node/file-store';
import { runJobId } from '../../common/queue/names';
import type { AccountServices } from '../accounts/account-services';
import type { DesignStore } from '../designs/design-store';
import { AppError } from '../http/app-error';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { routeParam } from '../http/route-param';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import type { VariantTableStore } from '../variants/variant-table-store';
import type { PrintRunFlow } from './print-run-flow';
import type { PrintRunStore } from './print-run-store';
import { printRunResponse, runZipKeyOf } from './print-run-view';
import type { RunAdmission } from './run-admission';
import { startPrintRun } from './start-print-run';
import type { TemplateLocksDesk } from '../published-templates/template-locks-desk';

/**
 * Print runs: every version of a design (its variant table) printed as one unit of work, followed, and a
 * failed version retried alone. Members of the design's organisation only; anyone else gets 404.
 */
export function printRunsRouter(deps: {
  services: AccountServices;
  designs: DesignStore;
  tables: VariantTableStore;
  runs: PrintRunStore;
  flow: PrintRunFlow;
  admission: RunAdmission;
  store: FileStore;
  now: () => number;
  print?: PrintSettings;
  /** Published templates' locks, carried by each version of a design made from one. */
  locks?: TemplateLocksDesk;
}): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  const notFound = () => AppError.notFound('this print run');

  router.post('/api/designs/:id/runs', ...member, async (req, res) => {
    const { account } = authOf(res);
    const run = await startPrintRun(req, req.body, { orgId: account.orgId, accountId: account.id }, routeParam(req, 'id'), { ...deps, audit: deps.services.audit });
    res.status(202).location(`/api/runs/${run.id}`).json(await printRunResponse(run, deps.flow, deps.store));
  });

  router.get('/api/runs/:id', ...member, async (req, res) => {
    const run = await deps.runs.get(authOf(res).account.orgId, routeParam(req, 'id'));
    if (!run) throw notFound();
    res.set('Cache-Control', 'no-store').json(await printRunResponse(run, deps.flow, deps.store));
  });

  router.get('/api/runs/:id/zip', ...member, async (req, res) => {
    const run = await deps.runs.get(authOf(res).account.orgId, routeParam(req, 'id'));
    if (!run) throw notFound();
    const zip = await deps.store.read(runZipKeyOf(run));
    if (!zip) throw new AppError(404, 'not_ready', 'the ZIP of this run is made once every version has rendered; follow the run and try again when it is done');
    // Named by the run, not the design: a design's title may name a person.
    res.set({ 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="print-run-${run.id}.zip"`, 'Cache-Control': 'private, no-store' }).send(zip);
  });

  router.post('/api/runs/:id/variants/:n/retry', ...member, async (req, res) => {
    const run = await deps.runs.get(authOf(res).account.orgId, routeParam(req, 'id'));
    if (!run) throw notFound();
    const n = routeParam(req, 'n');
    const variant = /^\d{1,4}$/.test(n) ? run.variants[Number(n)] : undefined;
    if (!variant) throw AppError.notFound('this version of the run');
    if (!(await deps.flow.retry(variant.jobId))) throw new AppError(409, 'variant_not_failed', `version ${variant.position + 1} has not failed, so there is nothing to retry`);
    res.status(202).json(await printRunResponse(run, deps.flow, deps.store));
  });

  router.post('/api/runs/:id/retry', ...member, async (req, res) => {
    const run = await deps.runs.get(authOf(res).account.orgId, routeParam(req, 'id'));
    if (!run) throw notFound();
    if (!(await deps.flow.retry(runJobId(run.id)))) throw new AppError(409, 'run_not_failed', "this run's combined PDF has not failed, so there is nothing to retry; a failed version is retried on its own");
    res.status(202).json(await printRunResponse(run, deps.flow, deps.store));
  });

  return router;
}
