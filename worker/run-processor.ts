import { UnrecoverableError } from 'bullmq';
import { printJobResultSchema } from '../common/queue/print-job';
import { printRunJobDataSchema, type PrintRunJobResult } from '../common/queue/print-run-job';

/** What the run step needs of its BullMQ job (the parent of a run's renders). */
export interface RunJob {
  data: unknown;
  /** Every child's result, by child job key (BullMQ keeps them on the parent, even after the children are removed). */
  getChildrenValues(): Promise<Record<string, unknown>>;
}

/**
 * A print run's own step, run once every variant's render has completed (BullMQ moves the parent to
 * the wait list only then): checks that each child left a PDF and sums the run up.
 */
export async function processRun(job: RunJob): Promise<PrintRunJobResult> {
  const parsed = printRunJobDataSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`the print run's data is not valid (${parsed.error.issues[0]?.path.join('.')})`);
  const values = Object.values(await job.getChildrenValues());
  let pages = 0;
  for (const value of values) {
    const result = printJobResultSchema.safeParse(value);
    if (!result.success) throw new UnrecoverableError('a render of this run left no PDF');
    pages += result.data.pages;
  }
  return { renders: values.length, pages };
}
