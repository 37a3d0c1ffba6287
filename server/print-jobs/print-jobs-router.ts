import { Router } from 'express';
import type { FileStore } from '../../common/node/file-store';
import { AppError } from '../http/app-error';
import { printJobResponse } from './print-job-response';
import type { PrintQueue } from './print-queue';
import { submitPrintJob } from './submit-print-job';

const JOB_ID = /^[a-f0-9]{32}$/;

export function printJobsRouter(deps: { queue: PrintQueue; store: FileStore; now: () => number }): Router {
  const router = Router();

  router.post('/api/print-jobs', async (req, res) => {
    const view = await submitPrintJob(req.body, deps);
    res.status(202).location(`/api/print-jobs/${view.id}`).json(printJobResponse(view));
  });

  router.get('/api/print-jobs/:id', async (req, res) => {
    const id = req.params.id;
    const view = JOB_ID.test(id) ? await deps.queue.find(id) : null;
    if (!view) throw AppError.notFound('this print job');
    res.set('Cache-Control', 'no-store').json(printJobResponse(view));
  });

  return router;
}
