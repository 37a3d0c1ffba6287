import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Imprint } from '../../../common/design/design-schema';
import { sampleImprintProblems } from '../../../common/templates/sample-imprint-problems';
import { ApiError } from '../api/api-error';
import { getOrganisationImprint, setOrganisationImprint } from '../api/organisation-imprint-api';
import { SignedInHeader } from '../session/signed-in-header';
import { useSession } from '../session/session-context';
import './imprint-page.css';

type Role = 'promoter' | 'onBehalfOf' | 'printer';
type Party = { name: string; address: string };
type Form = Record<Role, Party>;
/** Problems by field path (`imprint.promoter.name`). */
type Problems = Record<string, string>;

const PARTIES: Array<{ role: Role; legend: string; who: string; hint: string }> = [
  { role: 'promoter', legend: 'Promoter', who: 'Promoter', hint: 'The person responsible for your leaflets (often the agent), with their postal address.' },
  { role: 'onBehalfOf', legend: 'On behalf of (if any)', who: 'On behalf of', hint: 'The candidate or party your leaflets promote, if that is not the promoter. Leave both empty if not needed.' },
  { role: 'printer', legend: 'Usual printer', who: 'Printer', hint: 'The company that usually prints your leaflets, with its postal address.' },
];

const EMPTY: Form = { promoter: { name: '', address: '' }, onBehalfOf: { name: '', address: '' }, printer: { name: '', address: '' } };

function formOf(imprint: Imprint | null): Form {
  if (!imprint) return EMPTY;
  return { promoter: { ...imprint.promoter }, printer: { ...imprint.printer }, onBehalfOf: imprint.onBehalfOf ? { ...imprint.onBehalfOf } : { name: '', address: '' } };
}

/** The imprint to send: "on behalf of" left out when both its fields are empty. */
function imprintOf(form: Form): Imprint {
  const { onBehalfOf, ...rest } = form;
  return onBehalfOf.name.trim() || onBehalfOf.address.trim() ? { ...rest, onBehalfOf } : rest;
}

const fieldId = (path: string) => `org-${path.replace(/\./g, '-')}`;

/**
 * "Your organisation's imprint": the promoter, "on behalf of" and usual printer that every new design
 * of the organisation starts from. A sample or placeholder detail is flagged before it is sent, and the
 * server refuses it too (422 sample_imprint).
 */
export function ImprintPage() {
  const { account } = useSession();
  const [form, setForm] = useState<Form | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    getOrganisationImprint(account.organisationId).then(
      (body) => setForm(formOf(body.imprint)),
      () => setLoadFailed(true),
    );
  }, [account.organisationId]);

  const set = (role: Role, field: keyof Party, text: string) => {
    setForm((f) => (f ? { ...f, [role]: { ...f[role], [field]: text } } : f));
    setState({ kind: 'idle' });
  };

  const showProblems = (found: Problems) => {
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const imprint = imprintOf(form);
    const local = sampleImprintProblems(imprint);
    if (local.length > 0) {
      showProblems(Object.fromEntries(local.map((p) => [p.path.join('.'), p.unquoted])));
      return;
    }
    setProblems({});
    setState({ kind: 'saving' });
    try {
      const body = await setOrganisationImprint(account.organisationId, imprint);
      setForm(formOf(body.imprint));
      setState({ kind: 'saved' });
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields.filter((f) => f.path.startsWith('imprint.')) : [];
      if (fields.length > 0) {
        setState({ kind: 'idle' });
        showProblems(Object.fromEntries(fields.map((f) => [f.path, f.message])));
      } else {
        setState({ kind: 'failed', message: err instanceof ApiError && err.isTemporary ? 'Rosette cannot save it just now; try again in a moment.' : 'It could not be saved; try again.' });
        summary.current?.focus();
      }
    }
  };

  return (
    <>
      <SignedInHeader />
      <main id="main" tabIndex={-1} className="imprint-page">
        <p>
          <a href="#/">← Back to your leaflets</a>
        </p>
        <h1>Your organisation&rsquo;s imprint</h1>
        <p className="lead">
          Election material must say who promoted it, on whose behalf, and who printed it, with their addresses. Set them once here for {account.organisation}: every new design
          starts from them, and each design can still change its own.
        </p>
        {loadFailed ? (
          <p className="notice notice-error" role="alert">
            The imprint could not be loaded. Check your connection and reload the page.
          </p>
        ) : null}
        {form === null && !loadFailed ? <p role="status">Loading…</p> : null}
        {form ? (
          <form onSubmit={(e) => void submit(e)} noValidate>
            {PARTIES.map(({ role, legend, who, hint }) => (
              <fieldset key={role} className="imprint-party">
                <legend>{legend}</legend>
                <p className="field-hint">{hint}</p>
                {(['name', 'address'] as const).map((field) => (
                  <Field key={field} path={`imprint.${role}.${field}`} label={`${who} ${field}`} value={form[role][field]} problem={problems[`imprint.${role}.${field}`]} onChange={(t) => set(role, field, t)} />
                ))}
              </fieldset>
            ))}
            <div ref={summary} tabIndex={-1} aria-live="polite">
              {state.kind === 'saved' ? <p className="notice-ok">Saved. New designs start from this imprint.</p> : null}
              {state.kind === 'failed' ? <p className="notice notice-error">{state.message}</p> : null}
            </div>
            <div className="button-row">
              <button type="submit" className="button button-primary" disabled={state.kind === 'saving'}>
                {state.kind === 'saving' ? 'Saving…' : 'Save the imprint'}
              </button>
            </div>
          </form>
        ) : null}
      </main>
    </>
  );
}

function Field({ path, label, value, problem, onChange }: { path: string; label: string; value: string; problem: string | undefined; onChange: (text: string) => void }) {
  const uid = useId();
  const id = fieldId(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={value} autoComplete="off" aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${uid}-problem` : undefined} onChange={(e) => onChange(e.target.value)} />
      {problem ? (
        <p id={`${uid}-problem`} className="field-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
