import type { PrintJob } from '../api/print-jobs-api';

/** A wait in words: "under a minute", "about 1 minute", "about 12 minutes", "about 2 hours". */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  return `about ${Math.round(minutes / 60)} hours`;
}

/** Where a waiting job is, in words: its place in line, and when it should start or why nobody can say. */
export function queuedWords(job: Pick<PrintJob, 'position' | 'estimatedWaitSeconds' | 'printingPaused'>): string {
  if (job.printingPaused) {
    const line = job.position === null ? '' : job.position === 1 ? ' (next in line)' : ` (number ${job.position} in line)`;
    return `Printing is paused for a moment by Rosette's admins. Your leaflet is safe in the print queue${line} and will be printed as soon as printing resumes.`;
  }
  const place = job.position === null ? 'in the print queue' : job.position === 1 ? 'next in the print queue' : `in the print queue: number ${job.position} in line`;
  const wait = job.estimatedWaitSeconds !== null ? ` It should start in ${waitInWords(job.estimatedWaitSeconds)}.` : '';
  return `Your leaflet is ${place}.${wait}`;
}
