import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { WARNING_WORDS } from '../../../common/spending/limit-warning';
import { formatPounds, parsePounds } from '../../../common/spending/money';
import { formatDay } from '../../../common/spending/uk-date';
import { ApiError } from '../api/api-error';
import { addCandidate, attachInvoice, correctEntry, createElection, getSpending, listEntries, recordEntry, returnUrl, setLimit, uploadInvoice, type ElectionSummary, type SpendingEntryResponse, type SpendingOverview } from '../api/spending-api';
import { SignedInHeader } from '../session/signed-in-header';
import { useSession } from '../session/session-context';
import { EntryForm, labelOf } from './entry-form';
import { SpendingChart } from './spending-chart';
import './spending.css';

/**
 * "Spending": the organisation's elections, each candidate's spending against the limit the agent set
 * (warned at 80 % and 100 %) and over time. Its agents (and admins) also keep the ledger here: add
 * elections, candidates and limits, record entries split between candidates, correct them (a reversal
 * and a replacement: nothing is ever changed or deleted), and download each candidate's return as CSV
 * or PDF. Campaigners see the totals and the chart only.
 */
export function SpendingPage() {
  const { account } = useSession();
  const orgId = account.organisationId;
  const [overview, setOverview] = useState<SpendingOverview | null>(null);
  const [failed, setFailed] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [entries, setEntries] = useState<SpendingEntryResponse[] | null>(null);
  const reload = useCallback(() => {
    getSpending(orgId).then(setOverview, () => setFailed(true));
  }, [orgId]);
  useEffect(reload, [reload]);
  const election = overview?.elections.find((e) => e.id === chosen) ?? overview?.elections[0] ?? null;
  const canRecord = overview?.canRecord ?? false;
  const loadEntries = useCallback(() => {
    if (election && canRecord) listEntries(orgId, election.id).then(setEntries, () => setEntries([]));
  }, [orgId, election?.id, canRecord]);
  useEffect(loadEntries, [loadEntries]);
  const refresh = () => {
    reload();
    loadEntries();
  };
  const selectId = useId();

  return (
    <>
      <SignedInHeader title="Election spending" />
      <main id="main" tabIndex={-1} className="spending-page">
        <p>
          <a href="#/">← Back to your leaflets</a>
        </p>
        <h1>Spending</h1>
        <p className="lead">
          {canRecord
            ? 'Everything spent on each candidate’s campaign, for their spending return: record each item with its invoice, split shared costs between candidates, and correct an entry with a new one (nothing is ever deleted).'
            : 'What has been spent on each candidate’s campaign against their limit, as your agent records it.'}
        </p>
        {failed ? (
          <p className="notice notice-error" role="alert">
            Spending could not be loaded. Check your connection and reload the page.
          </p>
        ) : null}
        {overview === null && !failed ? <p role="status">Loading…</p> : null}
        {overview && overview.elections.length === 0 ? <p>No elections yet.{canRecord ? ' Add one below to start the ledger.' : ' Your agent adds them.'}</p> : null}
        {overview && overview.elections.length > 1 ? (
          <div className="field">
            <label htmlFor={selectId}>Election</label>
            <select id={selectId} value={election?.id ?? ''} onChange={(e) => (setChosen(e.target.value), setEntries(null))}>
              {overview.elections.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({formatDay(e.pollingDay)})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {election ? <ElectionView key={election.id} orgId={orgId} election={election} canRecord={canRecord} entries={entries} onChange={refresh} /> : null}
        {canRecord ? <NewElection orgId={orgId} onMade={(id) => (setChosen(id), setEntries(null), reload())} /> : null}
      </main>
    </>
  );
}

function ElectionView({ orgId, election, canRecord, entries, onChange }: { orgId: string; election: ElectionSummary; canRecord: boolean; entries: SpendingEntryResponse[] | null; onChange: () => void }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="spending-election">
      <h2 id={headingId}>
        {election.name}
        {election.kind ? ` (${election.kind})` : ''}
      </h2>
      <p className="field-hint">Polling day {formatDay(election.pollingDay)}</p>
      <h3>Totals</h3>
      {election.candidates.length === 0 ? <p>No candidates yet.</p> : null}
      <ul className="spending-totals">
        {election.candidates.map((c) => (
          <li key={c.id} className={`spending-total warning-${c.warning}`}>
            <p className="spending-total-name">{c.name}</p>
            <p>
              <strong>{formatPounds(c.totalPence)}</strong> spent{c.limitPence === null ? ' · no limit set' : ` of ${formatPounds(c.limitPence)} (${c.percentOfLimit} %)`}
            </p>
            {c.warning !== 'none' ? <p className="spending-warning">{WARNING_WORDS[c.warning]}</p> : null}
            {canRecord ? (
              <>
                <LimitForm orgId={orgId} candidateId={c.id} name={c.name} limitPence={c.limitPence} onSaved={onChange} />
                <p className="spending-exports">
                  Return of {c.name}: <a href={returnUrl(orgId, c.id, 'csv')}>CSV</a> · <a href={returnUrl(orgId, c.id, 'pdf')}>PDF</a>
                </p>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <SpendingChart candidates={election.candidates} pollingDay={election.pollingDay} />
      {canRecord ? (
        <>
          <NewCandidate orgId={orgId} electionId={election.id} onMade={onChange} />
          {election.candidates.length > 0 ? (
            <details className="spending-add">
              <summary>Add an entry</summary>
              <EntryForm orgId={orgId} candidates={election.candidates} submitLabel="Add to the ledger" onSubmit={async (input) => void (await recordEntry(orgId, { ...input, electionId: election.id }), onChange())} />
            </details>
          ) : null}
          <h3>Ledger</h3>
          {entries === null ? <p role="status">Loading the entries…</p> : <EntryList orgId={orgId} election={election} entries={entries} onChange={onChange} />}
        </>
      ) : null}
    </section>
  );
}

const STATUS_WORDS = { current: '', corrected: 'Corrected', reversal: 'Reversal' } as const;

function EntryList({ orgId, election, entries, onChange }: { orgId: string; election: ElectionSummary; entries: SpendingEntryResponse[]; onChange: () => void }) {
  const [correcting, setCorrecting] = useState<string | null>(null);
  if (entries.length === 0) return <p>Nothing recorded yet.</p>;
  return (
    <ol className="spending-entries">
      {entries.map((e) => (
        <li key={e.id} className={`spending-entry status-${e.status}`}>
          <p className="spending-entry-head">
            <strong>{e.item}</strong> <span className="spending-amount">{formatPounds(e.amountPence)}</span>
            {e.status !== 'current' ? <span className="spending-badge">{STATUS_WORDS[e.status]}</span> : null}
            {e.invoiceMissing ? <span className="spending-badge spending-badge-missing">Invoice missing</span> : null}
          </p>
          <p>
            {formatDay(e.incurredOn)} · {e.supplierName}, {e.supplierAddress} · VAT {formatPounds(e.vatPence)}
            {e.paidOn ? ` · paid ${formatDay(e.paidOn)}` : ' · not paid yet'}
          </p>
          <p>
            {e.parts.map((p) => `${p.candidateName} ${formatPounds(p.pence)}`).join(' · ')}
            {e.invoice ? (
              <>
                {' · '}
                <a href={e.invoice.url}>Invoice ({e.invoice.type.toUpperCase()})</a>
              </>
            ) : null}
          </p>
          {e.reason ? <p className="field-hint">Reason: {e.reason}</p> : null}
          {e.status === 'current' && !e.invoice ? <AttachInvoice orgId={orgId} entry={e} onDone={onChange} /> : null}
          {e.status === 'current' ? (
            correcting === e.id ? (
              <CorrectForm orgId={orgId} election={election} entry={e} onDone={() => (setCorrecting(null), onChange())} onCancel={() => setCorrecting(null)} />
            ) : (
              <button type="button" className="button button-secondary" onClick={() => setCorrecting(e.id)}>
                Correct this entry
              </button>
            )
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function CorrectForm({ orgId, election, entry, onDone, onCancel }: { orgId: string; election: ElectionSummary; entry: SpendingEntryResponse; onDone: () => void; onCancel: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [replace, setReplace] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const reverseOnly = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await correctEntry(orgId, entry.id, { reason, replacement: null });
      onDone();
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.fields[0] ? `${labelOf(err.fields[0].path)}: ${err.fields[0].message}` : err.message) : 'It could not be sent; try again.');
    }
  };
  const reasonField = (
    <div className="field">
      <label htmlFor={`${id}-reason`}>Reason for the correction</label>
      <input id={`${id}-reason`} type="text" value={reason} onChange={(e) => setReason(e.target.value)} required />
    </div>
  );
  return (
    <div className="spending-correct">
      <h4>Correct “{entry.item}”</h4>
      <p className="field-hint">The entry stays in the ledger; a reversal cancels it and, unless the spending did not happen, a new entry replaces it.</p>
      <div className="spending-split-by">
        <label>
          <input type="radio" name={`${id}-how`} checked={replace} onChange={() => setReplace(true)} /> Replace it with the right details
        </label>
        <label>
          <input type="radio" name={`${id}-how`} checked={!replace} onChange={() => setReplace(false)} /> Cancel it only (the spending did not happen)
        </label>
      </div>
      {replace ? (
        <EntryForm orgId={orgId} candidates={election.candidates} entry={entry} submitLabel="Save the correction" extra={reasonField} onSubmit={async (input) => void (await correctEntry(orgId, entry.id, { reason, replacement: input }), onDone())} />
      ) : (
        <form onSubmit={(e) => void reverseOnly(e)} noValidate>
          {reasonField}
          {problem ? (
            <p className="field-problem" role="alert">
              {problem}
            </p>
          ) : null}
          <button type="submit" className="button button-primary">
            Cancel the entry
          </button>
        </form>
      )}
      <button type="button" className="button-quiet" onClick={onCancel}>
        Close without correcting
      </button>
    </div>
  );
}

/** A small form of a few fields that reports the server's first problem. */
function useSubmit(action: () => Promise<void>) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (err) {
      setProblem(err instanceof ApiError ? (err.fields[0] ? `${err.fields[0].path}: ${err.fields[0].message}` : err.message) : 'It could not be sent; try again.');
    } finally {
      setBusy(false);
    }
  };
  return { problem, setProblem, busy, submit };
}

function AttachInvoice({ orgId, entry, onDone }: { orgId: string; entry: SpendingEntryResponse; onDone: () => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const { problem, setProblem, busy, submit } = useSubmit(async () => {
    if (!file) return setProblem('Choose the invoice file first.');
    await attachInvoice(orgId, entry.id, (await uploadInvoice(orgId, file)).invoiceId);
    onDone();
  });
  return (
    <form className="spending-inline" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={`${id}-file`}>Invoice for “{entry.item}” (PDF or image)</label>
      <input id={`${id}-file`} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <button type="submit" className="button button-secondary" disabled={busy}>
        Attach invoice
      </button>
      {problem ? (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

function LimitForm({ orgId, candidateId, name, limitPence, onSaved }: { orgId: string; candidateId: string; name: string; limitPence: number | null; onSaved: () => void }) {
  const id = useId();
  const [text, setText] = useState(limitPence === null ? '' : (limitPence / 100).toFixed(2));
  const { problem, setProblem, busy, submit } = useSubmit(async () => {
    const pence = text.trim() === '' ? null : parsePounds(text);
    if (text.trim() !== '' && pence === null) return setProblem('Write the limit in pounds, such as 12500 (or leave it empty for none)');
    await setLimit(orgId, candidateId, pence);
    onSaved();
  });
  return (
    <form className="spending-inline" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={`${id}-limit`}>Limit for {name} (£)</label>
      <input id={`${id}-limit`} type="text" inputMode="decimal" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="button button-secondary" disabled={busy}>
        Set limit
      </button>
      {problem ? (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

function NewCandidate({ orgId, electionId, onMade }: { orgId: string; electionId: string; onMade: () => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const { problem, busy, submit } = useSubmit(async () => {
    await addCandidate(orgId, electionId, name, null);
    setName('');
    onMade();
  });
  return (
    <form className="spending-inline" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={`${id}-name`}>New candidate&rsquo;s name</label>
      <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button button-secondary" disabled={busy}>
        Add candidate
      </button>
      {problem ? (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

function NewElection({ orgId, onMade }: { orgId: string; onMade: (id: string) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [pollingDay, setPollingDay] = useState('');
  const [kind, setKind] = useState('');
  const { problem, busy, submit } = useSubmit(async () => {
    const made = await createElection(orgId, { name, pollingDay, kind });
    setName('');
    setPollingDay('');
    setKind('');
    onMade(made.id);
  });
  return (
    <details className="spending-add">
      <summary>Add an election</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Election</label>
          <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="spending-form-row">
          <div className="field">
            <label htmlFor={`${id}-day`}>Polling day</label>
            <input id={`${id}-day`} type="date" value={pollingDay} onChange={(e) => setPollingDay(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>Kind (optional)</label>
            <input id={`${id}-kind`} type="text" value={kind} onChange={(e) => setKind(e.target.value)} placeholder="Borough council, by-election…" />
          </div>
        </div>
        {problem ? (
          <p className="field-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          Add election
        </button>
      </form>
    </details>
  );
}
