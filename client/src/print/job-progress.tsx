import type { PrintJob } from '../api/print-jobs-api';

/** Where the job is: its place in the queue or how far rendering has got, with a progress bar. */
export function JobProgress({ job }: { job: PrintJob }) {
  const words =
    job.status === 'queued'
      ? job.position === null
        ? 'Your leaflet is in the print queue.'
        : job.position === 1
          ? 'Your leaflet is next in the print queue.'
          : `Your leaflet is in the print queue: number ${job.position} in line.`
      : 'Making your print-ready PDF…';
  return (
    <div className="job-progress">
      <p>{words}</p>
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
