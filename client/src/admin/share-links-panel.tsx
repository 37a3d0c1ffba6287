import { useCallback, useEffect, useState } from 'react';
import { errorSentence } from '../api/error-sentence';
import { listOrganisations, listOrganisationShareLinks, withdrawOrganisationShareLink, type AdminAccount, type AdminOrganisation, type AdminShareLink } from '../api/admin-api';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/**
 * The admin's view of one organisation's live share links, with withdraw: for a link that leaked or
 * that its organisation cannot withdraw. It shows when each was made, by whom and until when, not the
 * leaflet (admins do not see an organisation's leaflets). Withdrawals go in the audit log.
 * @param accounts The accounts page's list, to name who made each link.
 */
export function ShareLinksPanel({ accounts }: { accounts: AdminAccount[] | null }) {
  const [organisations, setOrganisations] = useState<AdminOrganisation[] | null>(null);
  const [orgId, setOrgId] = useState('');
  const [links, setLinks] = useState<AdminShareLink[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    listOrganisations().then(setOrganisations, (err: unknown) => setProblem(errorSentence(err)));
  }, []);
  const reload = useCallback(() => {
    setLinks(null);
    if (!orgId) return;
    listOrganisationShareLinks(orgId).then(setLinks, (err: unknown) => setProblem(errorSentence(err)));
  }, [orgId]);
  useEffect(reload, [reload]);

  const withdraw = async (linkId: string) => {
    setProblem(null);
    try {
      await withdrawOrganisationShareLink(orgId, linkId);
    } catch (err) {
      setProblem(errorSentence(err));
    }
    reload();
  };
  const who = (id: string | null) => (id === null ? 'not recorded' : (accounts?.find((a) => a.id === id)?.email ?? 'an account no longer listed'));

  return (
    <section aria-labelledby="share-links-heading">
      <h2 id="share-links-heading">Share links of an organisation</h2>
      <p>Every link that still opens a leaflet, including links of print jobs that have left the queue. Withdrawing one stops it at once.</p>
      {problem ? (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="share-links-organisation">Whose links</label>
        <select id="share-links-organisation" value={orgId} onChange={(e) => setOrgId(e.target.value)} disabled={organisations === null}>
          <option value="">Choose an organisation</option>
          {(organisations ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      {orgId && links === null ? <p role="status">Loading…</p> : null}
      {links && links.length === 0 ? <p role="status">This organisation has no live share links.</p> : null}
      {links && links.length > 0 ? (
        <table className="accounts-table">
          <caption>Times are UK time (Europe/London).</caption>
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">By</th>
              <th scope="col">Works until</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id}>
                <td>{when.format(new Date(l.createdAt))}</td>
                <td>{who(l.createdBy)}</td>
                <td>{l.expiresAt ? when.format(new Date(l.expiresAt)) : 'until withdrawn'}</td>
                <td>
                  <button type="button" className="button-quiet button-danger" aria-label={`Withdraw the link made ${when.format(new Date(l.createdAt))}`} onClick={() => void withdraw(l.id)}>
                    Withdraw
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
