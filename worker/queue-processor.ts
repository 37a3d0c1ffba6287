import type { Job } from 'bullmq';
import { RUN_JOB } from '../common/queue/names';
import type { PrintJobResult } from '../common/queue/print-job';
import type { PrintRunJobResult } from '../common/queue/print-run-job';
import { printProcessor, type DelayableJob, type PrintProcessorDeps } from './print-processor';
import { processRun, type RunProcessorDeps } from './run-processor';

/** What the print queue's worker returns: a render's result, or a run's summary. */
export type QueueJobResult = PrintJobResult | PrintRunJobResult;

/**
 * The print queue's processor: a print run's parent job (RUN_JOB) gets the run step, every other job is
 * a render (print-processor.ts), whether sent alone or as a variant of a run.
 */
export function queueProcessor(deps: PrintProcessorDeps & Omit<RunProcessorDeps, 'store'>): (job: Job, token?: string) => Promise<QueueJobResult> {
  const render = printProcessor(deps);
  return (job, token) => (job.name === RUN_JOB ? processRun(job, deps) : render(job as unknown as DelayableJob, token));
}

/** Whether a result is a render's (a run's summary has no PDF hash). */
export function isRenderResult(result: QueueJobResult): result is PrintJobResult {
  return 'pdfHash' in result;
}
