import { useCallback, useEffect, useId, useState } from 'react';
import { ApiError } from '../api/api-error';
import { decideSignOff, getSignOff, getSignOffSetting, listSignOffs, setSignOffSetting, type SignOffRequestDetail, type SignOffRequestSummary } from '../api/sign-off-api';
import { formatUkDateTime } from '../admin/london-time';
import { SignedInHeader } from '../session/signed-in-header';
import { useSession } from '../session/session-context';
import { DesignDiffView } from './design-diff-view';
import { DesignPages } from './design-pages';
import { ProofLink } from './proof-link';
import { signOffHash, STATUS_WORDS } from './sign-off-words';
import './sign-off.css';

/** Most decided requests listed under the queue. */
const RECENT = 20;

/**
 * "Sign-off": the organisation's requests. Its agents see the queue of versions waiting, open one to see
 * it as it will print, its proof PDF and what changed since the last approved version, and approve it
 * or return it with a comment; campaigners follow their designs' requests here too. Agents also set
 * whether the organisation requires sign-off before a print is shared.
 */
export function SignOffPage({ requestId }: { requestId: string | null }) {
  const { account } = useSession();
  const [requests, setRequests] = useState<SignOffRequestSummary[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const reload = useCallback(() => {
    listSignOffs().then(setRequests, () => setLoadFailed(true));
  }, []);
  useEffect(reload, [reload]);
  const waiting = requests?.filter((r) => r.status === 'pending') ?? [];
  const decided = requests?.filter((r) => r.status !== 'pending').slice(0, RECENT) ?? [];

  return (
    <>
      <SignedInHeader />
      <main id="main" tabIndex={-1} className="sign-off-page">
        <p>
          <a href="#/">← Back to your leaflets</a>
        </p>
        <h1>Sign-off</h1>
        <p className="lead">
          {account.role === 'agent'
            ? 'Designs your campaigners have sent you. Check each one as it will print, then approve it or return it with what to change. Any edit makes a new version that needs your sign-off again.'
            : "Designs sent to your organisation's agent. Once approved, a version can be printed and shared; any edit makes a new version that needs sign-off again."}
        </p>
        {account.role === 'agent' ? <RequiredSetting orgId={account.organisationId} /> : null}
        {loadFailed ? (
          <p className="notice notice-error" role="alert">
            The requests could not be loaded. Check your connection and reload the page.
          </p>
        ) : null}
        {requestId ? <RequestDetail key={requestId} id={requestId} onDecided={reload} /> : null}
        {requests === null && !loadFailed ? <p role="status">Loading…</p> : null}
        {requests ? (
          <>
            <RequestList heading={`Waiting for sign-off (${waiting.length})`} requests={waiting} empty="Nothing is waiting." current={requestId} />
            <RequestList heading="Decided recently" requests={decided} empty="Nothing has been decided yet." current={requestId} />
          </>
        ) : null}
      </main>
    </>
  );
}

function RequestList({ heading, requests, empty, current }: { heading: string; requests: SignOffRequestSummary[]; empty: string; current: string | null }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="sign-off-list">
      <h2 id={id}>{heading}</h2>
      {requests.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul>
          {requests.map((r) => (
            <li key={r.id}>
              <a href={signOffHash(r.id)} aria-current={r.id === current ? 'page' : undefined}>
                {r.title}, version {r.version}
                {r.run ? ' with its variant table' : ''}
              </a>{' '}
              <span className={`sign-off-status status-${r.status}`}>{STATUS_WORDS[r.status]}</span> <span className="field-hint">{formatUkDateTime(r.updatedAt)}{r.sentByYou ? ' · sent by you' : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RequestDetail({ id, onDecided }: { id: string; onDecided: () => void }) {
  const { account } = useSession();
  const [request, setRequest] = useState<SignOffRequestDetail | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const load = useCallback(() => {
    getSignOff(id).then(setRequest, (err: unknown) => setFailed(err instanceof ApiError && err.status === 404 ? 'This request was not found.' : 'This request could not be loaded; try again.'));
  }, [id]);
  useEffect(load, [load]);
  const headingId = useId();
  if (failed) return <p className="notice notice-error" role="alert">{failed}</p>;
  if (!request) return <p role="status">Loading the request…</p>;
  const canDecide = account.role === 'agent' && request.status === 'pending' && !request.sentByYou;
  return (
    <section className="sign-off-detail" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {request.title}, version {request.version}
        {request.run ? ' with its variant table' : ''}
      </h2>
      <p>
        <span className={`sign-off-status status-${request.status}`}>{STATUS_WORDS[request.status]}</span>
        {request.sentByYou ? ' · you sent it' : ''}
      </p>
      {request.run ? (
        <>
          <h3>Every version of the run</h3>
          <p>
            Approving this approves version {request.version} of the design with this variant table (table {request.run.tableHash.slice(0, 8)}): every one of its {request.run.versions.length} versions, and nothing else. A change to the design or the table afterwards needs a new run and a new sign-off.
          </p>
          <p>
            <a className="button" href={request.run.combinedUrl} download>
              Combined PDF of every version
            </a>
          </p>
          <details>
            <summary>The {request.run.versions.length} versions</summary>
            <ol>
              {request.run.versions.map((v) => (
                <li key={v.n}>{v.label}</li>
              ))}
            </ol>
          </details>
          <h3>The master design</h3>
        </>
      ) : (
        <h3>As it will print</h3>
      )}
      <DesignPages design={request.design} />
      <ProofLink jobId={request.proofJobId} />
      <h3>What changed</h3>
      {request.diff && request.approvedVersion !== null ? (
        <>
          <p>Since version {request.approvedVersion}, the last one approved:</p>
          <DesignDiffView diff={request.diff} approvedVersion={request.approvedVersion} pages={request.design.pages.length} />
        </>
      ) : (
        <p>No earlier version of this design was approved: check all of it.</p>
      )}
      <h3>History</h3>
      <ol className="sign-off-history">
        {request.history.map((t, i) => (
          <li key={i}>
            {formatUkDateTime(t.at)}: {t.from === null ? 'sent for sign-off' : t.to === 'pending' ? 'sent again' : STATUS_WORDS[t.to].toLowerCase()} by {t.byYou ? 'you' : t.byRole === 'agent' ? 'an agent' : t.byRole === 'admin' ? 'an admin' : 'a campaigner'}
            {t.comment ? <blockquote className="sign-off-comment">{t.comment}</blockquote> : null}
          </li>
        ))}
      </ol>
      {canDecide ? <DecisionForm id={request.id} onDone={() => (load(), onDecided())} /> : null}
      {account.role === 'agent' && request.status === 'pending' && request.sentByYou ? <p className="field-hint">You sent this version: another agent of your organisation must decide on it.</p> : null}
    </section>
  );
}

function DecisionForm({ id, onDone }: { id: string; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const commentId = useId();
  const decide = async (decision: 'approve' | 'return') => {
    if (decision === 'return' && comment.trim() === '') {
      setProblem('Say what needs to change before it can be approved.');
      document.getElementById(commentId)?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await decideSignOff(id, decision, comment);
      onDone();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'It could not be sent; try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="sign-off-decision" onSubmit={(e) => e.preventDefault()} noValidate>
      <h3>Your decision</h3>
      <div className="field">
        <label htmlFor={commentId}>Comment</label>
        <p className="field-hint">Needed to return it: say what to change. Optional when approving.</p>
        <textarea id={commentId} rows={3} maxLength={2000} value={comment} aria-invalid={problem ? true : undefined} onChange={(e) => setComment(e.target.value)} />
        {problem ? (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void decide('approve')}>
          Approve this version
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void decide('return')}>
          Return with comment
        </button>
      </div>
    </form>
  );
}

function RequiredSetting({ orgId }: { orgId: string }) {
  const [required, setRequired] = useState<boolean | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    getSignOffSetting(orgId).then((s) => setRequired(s.required), () => setMessage('The setting could not be loaded.'));
  }, [orgId]);
  const change = async (next: boolean) => {
    const before = required;
    // Shown at once; put back if the server refuses.
    setRequired(next);
    setMessage('');
    try {
      setRequired((await setSignOffSetting(orgId, next)).required);
      setMessage(next ? 'Saved: prints can be shared only once you have approved the version.' : 'Saved: prints can be shared without sign-off.');
    } catch {
      setRequired(before);
      setMessage('The setting could not be saved; try again.');
    }
  };
  return (
    <div className="field sign-off-setting">
      <label>
        <input type="checkbox" checked={required ?? false} disabled={required === null} onChange={(e) => void change(e.target.checked)} /> Require sign-off before a print is shared with volunteers
      </label>
      <p className="field-hint" role="status">
        {message || 'Proofs, marked “PROOF — NOT APPROVED”, can always be made.'}
      </p>
    </div>
  );
}
