import type { RequestHandler, Router } from 'express';
import type { AccountServices } from '../accounts/account-services';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import type { PrintRecord, PrintRecordStore } from './print-record-store';

/** One entry of GET /api/print-history. Who sent it is recorded but not shown: accounts are not named to each other. */
export interface PrintHistoryEntry {
  id: string;
  title: string;
  status: PrintRecord['status'];
  pages: number | null;
  /** ISO 8601. */
  sentAt: string;
  /** ISO 8601; null until done or failed. */
  finishedAt: string | null;
  /** The finished PDF; null until done. */
  downloadUrl: string | null;
}

/** GET /api/print-history: the organisation's print jobs, newest first, kept after the queue has dropped them. */
export function printHistoryRouter(deps: { services: AccountServices; records: PrintRecordStore }): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  router.get('/api/print-history', ...member, async (_req, res) => {
    const records = await deps.records.listForOrganisation(authOf(res).account.orgId);
    res.set('Cache-Control', 'no-store').json({ printJobs: records.map(entryOf) });
  });
  return router;
}

function entryOf(r: PrintRecord): PrintHistoryEntry {
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    pages: r.pages,
    sentAt: new Date(r.createdAt).toISOString(),
    finishedAt: r.finishedAt === null ? null : new Date(r.finishedAt).toISOString(),
    // The same address the print job's own answer gives (print-job-response.ts).
    downloadUrl: r.pdfHash ? `/downloads/${r.pdfHash}.pdf` : null,
  };
}
