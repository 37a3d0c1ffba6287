import { useCallback, useEffect, useId, useState } from 'react';
import { ApiError } from '../api/api-error';
import { createShareLink, listShareLinks, revokeShareLink, type ShareLink } from '../api/share-links-api';
import { formatUkDateTime } from '../admin/london-time';
import { CopyField } from '../app/copy-field';
import './share-links.css';
import { patientRead } from '../api/patient-read';

const when = { format: formatUkDateTime };
const EXPIRY_CHOICES: Array<[string, number | null]> = [
  ['Until I withdraw it', null],
  ['1 day', 1],
  ['7 days', 7],
  ['30 days', 30],
];

/**
 * Share links for volunteers: a page with the leaflet's front and a download button, no account
 * needed. Each link can be withdrawn; its address is shown once, when it is made. Times in UK time.
 * @param title The leaflet's title, when several panels share a page (the print history): it names
 *   the buttons for screen readers.
 */
export function ShareLinksPanel({ jobId, title }: { jobId: string; title?: string }) {
  const [links, setLinks] = useState<ShareLink[]>([]);
  const [made, setMade] = useState<string | null>(null);
  const [expiry, setExpiry] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const selectId = useId();
  const headingId = useId();
  const of = title ? ` of “${title}”` : '';
  const reload = useCallback(() => {
    patientRead(() => listShareLinks(jobId)).then(setLinks, () => undefined);
  }, [jobId]);
  useEffect(reload, [reload]);

  const run = async (action: () => Promise<void>) => {
    setProblem(null);
    try {
      await action();
    } catch (err) {
      setProblem(err instanceof ApiError ? `${err.message.charAt(0).toUpperCase()}${err.message.slice(1)}.` : 'Something went wrong; try again.');
    }
    reload();
  };
  const create = () =>
    run(async () => {
      try {
        const link = await createShareLink(jobId, EXPIRY_CHOICES[expiry]![1]);
        setMade(new URL(link.url, window.location.origin).href);
      } catch (err) {
        // The queue keeps a finished job 30 days; its links outlive it, but a new one needs it.
        if (err instanceof ApiError && err.status === 404) throw new ApiError(404, err.code, 'a new share link can be made only in the 30 days after printing; print it again for a new one');
        throw err;
      }
    });

  return (
    <section className="share-links" aria-labelledby={headingId}>
      <h3 id={headingId}>Share with volunteers</h3>
      <p className="field-hint">Anyone with a share link can see the front of the leaflet and download the PDF, without an account. Withdraw a link to stop it working.</p>
      <div className="button-row">
        <span className="field field-narrow">
          <label htmlFor={selectId}>Link works</label>
          <select id={selectId} value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
            {EXPIRY_CHOICES.map(([label], i) => (
              <option key={label} value={i}>
                {label}
              </option>
            ))}
          </select>
        </span>
        <button type="button" className="button-secondary" aria-label={title ? `Create share link${of}` : undefined} onClick={() => void create()}>
          Create share link
        </button>
      </div>
      {made ? <CopyField label="Share link (shown once: copy it now)" value={made} /> : null}
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      {links.length > 0 ? (
        <ul className="share-link-list">
          {links.map((l) => (
            <li key={l.id}>
              Made {when.format(new Date(l.createdAt))}, {l.expiresAt ? `works until ${when.format(new Date(l.expiresAt))}` : 'works until withdrawn'}{' '}
              <button type="button" className="button-quiet button-danger" aria-label={`Withdraw the link${of} made ${when.format(new Date(l.createdAt))}`} onClick={() => void run(() => revokeShareLink(jobId, l.id))}>
                Withdraw
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
