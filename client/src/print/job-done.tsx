import type { PrintJob } from '../api/print-jobs-api';
import { formatBytes } from '../app/format-bytes';
import { HISTORY_HASH } from '../app/use-hash-route';
import { ShareLinksPanel } from './share-links-panel';

/** A finished job: download, share, and what preflight noticed. */
export function JobDone({ job, download }: { job: PrintJob; download: NonNullable<PrintJob['download']> }) {
  return (
    <div className="job-done">
      <p className="status-ok">
        Your print-ready PDF is ready ({download.pages} {download.pages === 1 ? 'page' : 'pages'}, {formatBytes(download.bytes)}).
      </p>
      <div className="button-row">
        <a className="button button-primary" href={download.url} download>
          Download PDF
        </a>
        <a className="button button-secondary" href={HISTORY_HASH}>
          Print history
        </a>
      </div>
      <ShareLinksPanel jobId={job.id} />
      {job.warnings.length > 0 ? (
        <div className="preflight">
          <p>Worth checking before it is printed:</p>
          <ul>
            {job.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
