import type { RequestHandler, Router } from 'express';
import type { PrintHistoryEntry, PrintHistoryResponse } from '../../common/api/print-history-entry';
import type { FileStore } from '../../common/node/file-store';
import type { AccountServices } from '../accounts/account-services';
import { caseSensitiveRouter } from '../http/case-sensitive-router';
import { csrfProtection } from '../http/csrf';
import { authOf } from '../sessions/request-auth';
import { signedIn } from '../sessions/signed-in-guard';
import { printRunHistoryEntry, runStepFailedOf } from '../print-runs/print-run-history';
import type { PrintRunFlow } from '../print-runs/print-run-flow';
import type { PrintRunStore } from '../print-runs/print-run-store';
import type { PrintRecord, PrintRecordStore } from './print-record-store';

/**
 * GET /api/print-history: the organisation's print jobs and print runs, newest first, kept after the
 * queue has dropped them; a run is listed once, not as each of its versions.
 */
export function printHistoryRouter(deps: { services: AccountServices; records: PrintRecordStore; runs: PrintRunStore; store: FileStore; flow: PrintRunFlow }): Router {
  const router = caseSensitiveRouter();
  const member: RequestHandler[] = [signedIn(deps.services), csrfProtection];
  router.get('/api/print-history', ...member, async (_req, res) => {
    const { account } = authOf(res);
    const runStepFailed = runStepFailedOf(deps.flow);
    const [records, runs] = await Promise.all([deps.records.listForOrganisation(account.orgId), deps.runs.listForOrganisation(account.orgId)]);
    const body: PrintHistoryResponse = {
      printJobs: records.map((r) => printHistoryEntry(r, account.id)),
      printRuns: await Promise.all(runs.map((r) => printRunHistoryEntry(r, deps.store, account.id, runStepFailed))),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}

/** @param viewerId The account asking: the entry says whether it sent the job, never who did. */
export function printHistoryEntry(r: PrintRecord & { designDeleted: boolean }, viewerId: string): PrintHistoryEntry {
  const done = r.status === 'done' && r.pdfHash !== null;
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    pages: r.pages,
    bytes: done ? r.bytes : null,
    sentByYou: r.accountId === viewerId,
    sentAt: new Date(r.createdAt).toISOString(),
    finishedAt: r.finishedAt === null ? null : new Date(r.finishedAt).toISOString(),
    // The same address the print job's own answer gives (print-job-response.ts).
    downloadUrl: done ? `/downloads/${r.pdfHash}.pdf` : null,
    shareLinksUrl: `/api/print-jobs/${r.id}/share-links`,
    design: r.design && !r.designDeleted ? { id: r.design.id, version: r.design.version, url: `/api/designs/${r.design.id}/versions/${r.design.version}` } : null,
    designDeleted: r.designDeleted,
  };
}
