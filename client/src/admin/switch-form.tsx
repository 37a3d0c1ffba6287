import { useId, useState, type FormEvent } from 'react';
import { ApiError, type FieldProblem } from '../api/api-error';
import type { PersonView } from '../../../common/api/admin-status';
import { setMaintenance, type AdminStatus, type MaintenanceSwitch, type SwitchRequest } from '../api/admin-console-api';
import { formatDateTime } from './format-figures';
import { ukLocalToDate } from './london-time';
import { personName } from './person-name';
import { SWITCH_CHOICES, switchLabel } from './switch-choices';

/** The switch as it stands, and the form that changes it (a reason is always asked for: it goes in the audit log). */
export function SwitchForm({ current, people, onSwitched }: { current: MaintenanceSwitch; people?: Record<string, PersonView>; onSwitched: (status: AdminStatus) => void }) {
  const id = useId();
  // From automatic, the next step is a maintenance; from anything else, back to automatic.
  const [mode, setMode] = useState<MaintenanceSwitch['mode']>(current.mode === 'auto' ? 'on' : 'auto');
  const [message, setMessage] = useState('');
  const [expectedBack, setExpectedBack] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; fields: FieldProblem[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const choice = SWITCH_CHOICES.find((c) => c.mode === mode)!;
  const fieldProblem = (path: string) => problem?.fields.find((f) => f.path === path)?.message ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setDone(null);
    if (!reason.trim()) return setProblem({ message: 'Say why you are switching: the reason goes in the audit log.', fields: [{ path: 'reason', message: 'is required: say why you are switching' }] });
    const request: SwitchRequest = { mode, reason: reason.trim() };
    if (mode === 'on') {
      if (message.trim()) request.message = message.trim();
      if (expectedBack) {
        const at = ukLocalToDate(expectedBack);
        if (!at) return setProblem({ message: 'The expected return time is not a date and time.', fields: [{ path: 'expectedBackAt', message: 'is not a date and time' }] });
        request.expectedBackAt = at.toISOString();
      }
    }
    setBusy(true);
    try {
      const status = await setMaintenance(request);
      onSwitched(status);
      setDone(`Switch set to “${switchLabel(mode)}”. Every server follows within a second.`);
      // The next likely step: back to automatic after a maintenance, or a maintenance from automatic.
      setMode(mode === 'auto' ? 'on' : 'auto');
      setReason('');
      if (mode !== 'on') {
        setMessage('');
        setExpectedBack('');
      }
    } catch (err) {
      setProblem(err instanceof ApiError ? { message: sentence(err.message), fields: err.fields } : { message: 'The switch could not be set.', fields: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="console-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Maintenance switch</h2>
      <p className="switch-now">
        Now: <strong>{switchLabel(current.mode)}</strong>
        {current.setAt ? ` since ${formatDateTime(current.setAt)}` : ' (nobody has switched it)'}
        {current.setBy ? `, by ${personName(current.setBy, people)}` : ''}
      </p>
      {current.mode === 'on' && (current.message || current.expectedBackAt) ? (
        <p className="switch-message">
          {current.message ? `“${current.message}”` : null}
          {current.expectedBackAt ? ` Expected back ${formatDateTime(current.expectedBackAt)}.` : null}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Set the switch to</legend>
          {SWITCH_CHOICES.map((c) => (
            <div key={c.mode} className="switch-choice">
              <input type="radio" id={`${id}-${c.mode}`} name={`${id}-mode`} value={c.mode} checked={mode === c.mode} onChange={() => setMode(c.mode)} />
              <label htmlFor={`${id}-${c.mode}`}>
                <strong>{c.label}</strong>: {c.hint}
                {c.mode === current.mode ? ' (as now)' : ''}
              </label>
            </div>
          ))}
        </fieldset>
        {mode === 'on' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-message`}>Message for visitors</label>
              <p className="field-hint" id={`${id}-message-hint`}>
                Shown on the maintenance page; at most 500 characters.
              </p>
              <textarea id={`${id}-message`} rows={2} maxLength={500} value={message} onChange={(e) => setMessage(e.target.value)} aria-describedby={`${id}-message-hint`} aria-invalid={fieldProblem('message') ? true : undefined} />
              <FieldProblemText text={fieldProblem('message')} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-back`}>Expected back (UK time)</label>
              <p className="field-hint" id={`${id}-back-hint`}>
                A date and time in the UK (Europe/London, GMT or BST as the date has it), whatever this computer&rsquo;s clock is set to.
                {expectedBack && ukLocalToDate(expectedBack) ? ` That is ${formatDateTime(ukLocalToDate(expectedBack)!.getTime())}.` : ''}
              </p>
              <input
                id={`${id}-back`}
                type="datetime-local"
                value={expectedBack}
                onChange={(e) => setExpectedBack(e.target.value)}
                aria-describedby={`${id}-back-hint`}
                aria-invalid={fieldProblem('expectedBackAt') ? true : undefined}
              />
              <FieldProblemText text={fieldProblem('expectedBackAt')} />
            </div>
          </>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason (kept in the audit log)</label>
          <input id={`${id}-reason`} required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={fieldProblem('reason') ? true : undefined} />
          <FieldProblemText text={fieldProblem('reason')} />
        </div>
        {problem ? (
          <p className="notice notice-error" role="alert">
            {problem.message}
          </p>
        ) : null}
        {done ? (
          <p className="notice notice-ok" role="status">
            {done}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy}>
          {choice.action}
        </button>
      </form>
    </section>
  );
}

function FieldProblemText({ text }: { text: string | null }) {
  return text ? <p className="field-problem">{sentence(text)}</p> : null;
}

function sentence(text: string): string {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}
