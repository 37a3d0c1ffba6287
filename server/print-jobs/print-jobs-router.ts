import { caseSensitiveRouter } from '../http/case-sensitive-router';
import type { PrintSettings } from '../../common/colour/print-settings';
import type { StoreHealth } from '../health/store-probe';
import { type Router, type RequestHandler, type Response } from 'express';
import type { FileStore } from '../../common/node/file-store';
import type { AccountServices } from '../accounts/account-services';
import type { DesignStore } from '../designs/design-store';
import type { TemplateLocksDesk } from '../published-templates/template-locks-desk';
import type { BrandRules } from '../brand-kits/brand-rules';
import { routeParam } from '../http/route-param';
import { AppError } from '../http/app-error';
import { csrfProtection } from '../http/csrf';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import { printJobResponse, type QueueOutlook } from './print-job-response';
import type { PrintJobView, PrintQueue } from './print-queue';
import { submitPrintJob } from './submit-print-job';

/** What a refused print job is told to wait while the file store cannot be written, seconds. */
const STORE_RETRY_AFTER_SECONDS = 60;

/** What a print job id looks like (a truncated sha256). */
export const JOB_ID = /^[a-f0-9]{32}$/;

/**
 * The organisation's print job with this id, or null: a job of another organisation is not found,
 * exactly like one that does not exist, so ids tell outsiders nothing.
 */
export async function findOwnJob(queue: PrintQueue, id: string, orgId: string): Promise<PrintJobView | null> {
  const view = JOB_ID.test(id) ? await queue.find(id) : null;
  return view && view.orgId === orgId ? view : null;
}

/** Sending a design to print and following the job: signed-in accounts, their organisation's jobs only. */
export function printJobsRouter(deps: {
  queue: PrintQueue;
  store: FileStore;
  now: () => number;
  services: AccountServices;
  /** Saved designs: a job sent from one is recorded against the version it printed. */
  designs?: DesignStore;
  /** Published templates' locks: a job sent from a design made from one must keep its locked elements. */
  locks?: TemplateLocksDesk;
  /** The brand kit's rules (the imprint's minimum size); not checked when absent. */
  brandRules?: BrandRules;
  /** How colours become inks (PRINT_RICH_BLACK, PRINT_MAX_INK_COVERAGE). */
  print?: PrintSettings;
  /** Whether the file store takes writes: while it does not, new print jobs get 503 (their PDFs could not be stored). */
  storeHealth?: { readonly current: StoreHealth };
  /** What the queue is doing for a job at this place (overload-state.ts): its expected wait, and whether printing is paused. */
  outlook?: (position: number | null) => QueueOutlook;
}): Router {
  const router = caseSensitiveRouter();
  const respond = (view: PrintJobView) => printJobResponse(view, deps.outlook?.(view.position));
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  const orgOf = (res: Response) => authOf(res).account.orgId;

  router.post('/api/print-jobs', ...member, async (req, res) => {
    const store = deps.storeHealth?.current;
    if (store && !store.writable) {
      throw new AppError(
        503,
        'store_unavailable',
        `Rosette cannot store new PDFs just now (${store.code}); the jobs already accepted are safe and will print once it can. Please send this one again in a few minutes`,
        [],
        { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) },
      );
    }
    const view = await submitPrintJob(req.body, orgOf(res), deps, authOf(res).account.id);
    res.status(202).location(`/api/print-jobs/${view.id}`).json(respond(view));
  });

  router.get('/api/print-jobs/:id', ...member, async (req, res) => {
    const view = await findOwnJob(deps.queue, routeParam(req, 'id'), orgOf(res));
    if (!view) throw AppError.notFound('this print job');
    res.set('Cache-Control', 'no-store').json(respond(view));
  });

  return router;
}
