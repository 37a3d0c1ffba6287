import type { PrintJob } from '../api/print-jobs-api';
import { queuedWords } from './queue-words';

/** Where the job is: its place in the queue or how far rendering has got, with a progress bar. */
export function JobProgress({ job }: { job: PrintJob }) {
  const words = job.status === 'queued' ? queuedWords(job) : 'Making your print-ready PDF…';
  return (
    <div className="job-progress">
      <p role="status">{words}</p>
      <label htmlFor="print-progress" className="visually-hidden">
        Print progress
      </label>
      <progress id="print-progress" max={100} value={job.progress}>
        {job.progress}%
      </progress>
      <span className="progress-number">{job.progress}%</span>
    </div>
  );
}
