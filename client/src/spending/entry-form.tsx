import { useId, useState, type FormEvent } from 'react';
import { formatPounds, parsePounds } from '../../../common/spending/money';
import { basisPointsOf, WHOLE_BASIS_POINTS } from '../../../common/spending/resolve-split';
import type { ReplacementInput } from '../../../common/spending/spending-schemas';
import { ukDateOf } from '../../../common/spending/uk-date';
import { ApiError } from '../api/api-error';
import { uploadInvoice, type CandidateTotals, type SpendingEntryResponse } from '../api/spending-api';

/** The form's fields as typed (money as pounds text, split figures as text). */
interface Draft {
  item: string;
  supplierName: string;
  supplierAddress: string;
  incurredOn: string;
  paidOn: string;
  amount: string;
  vat: string;
  by: 'percent' | 'amount';
  shares: Record<string, string>;
}

/** Labels of the fields, as problems name them (the server's paths). */
const LABELS: Record<string, string> = {
  item: 'Item',
  supplierName: 'Supplier',
  supplierAddress: "Supplier's address",
  incurredOn: 'Date incurred',
  paidOn: 'Date paid',
  amountPence: 'Amount including VAT',
  vatPence: 'VAT',
  invoiceId: 'Invoice',
  invoice: 'Invoice',
  split: 'Split',
  reason: 'Reason',
};

export const labelOf = (path: string): string => LABELS[path.replace(/^replacement\./, '').split(/[.[]/)[0]!] ?? path;

const pounds = (pence: number) => (pence / 100).toFixed(2);

function draftOf(candidates: readonly CandidateTotals[], entry?: SpendingEntryResponse): Draft {
  const shares: Record<string, string> = {};
  for (const c of candidates) shares[c.id] = '';
  if (entry) for (const p of entry.parts) shares[p.candidateId] = pounds(Math.abs(p.pence));
  else if (candidates.length === 1) shares[candidates[0]!.id] = '100';
  return {
    item: entry?.item ?? '',
    supplierName: entry?.supplierName ?? '',
    supplierAddress: entry?.supplierAddress ?? '',
    incurredOn: entry?.incurredOn ?? '',
    paidOn: entry?.paidOn ?? '',
    amount: entry ? pounds(entry.amountPence) : '',
    vat: entry ? pounds(entry.vatPence) : '',
    by: entry ? 'amount' : 'percent',
    shares,
  };
}

/**
 * An entry's details: what, from whom, when, how much (pounds, read as whole pence), the invoice (a
 * PDF or image, uploaded when the form is sent) and the split between the election's candidates, by
 * percentages or by amounts, with the running sum shown so a split that does not add up is seen
 * before it is sent. Used to add an entry and, prefilled, to replace one in a correction.
 */
export function EntryForm({ orgId, candidates, entry, submitLabel, onSubmit, extra }: { orgId: string; candidates: readonly CandidateTotals[]; entry?: SpendingEntryResponse; submitLabel: string; onSubmit: (input: ReplacementInput) => Promise<void>; extra?: React.ReactNode }) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(candidates, entry));
  const [file, setFile] = useState<File | null>(null);
  // A file input cannot be emptied by React: a new one replaces it after an entry is added.
  const [fileKey, setFileKey] = useState(0);
  const [problems, setProblems] = useState<Array<{ path: string; message: string }>>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const today = ukDateOf(Date.now());
  const amountPence = parsePounds(draft.amount);
  const sum =
    draft.by === 'percent'
      ? candidates.reduce((s, c) => s + (basisPointsOf(Number(draft.shares[c.id] || 0)) ?? 0), 0)
      : candidates.reduce((s, c) => s + (parsePounds(draft.shares[c.id] || '0') ?? 0), 0);
  const sumWords = draft.by === 'percent' ? `${sum / 100} % of 100 %` : `${formatPounds(sum)} of ${amountPence === null ? 'the amount' : formatPounds(amountPence)}`;
  const adds = draft.by === 'percent' ? sum === WHOLE_BASIS_POINTS : amountPence !== null && sum === amountPence;
  const invalid = (path: string) => (problems.some((p) => labelOf(p.path) === LABELS[path]) ? true : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Array<{ path: string; message: string }> = [];
    const amount = parsePounds(draft.amount);
    const vat = parsePounds(draft.vat || '0');
    if (amount === null) local.push({ path: 'amountPence', message: 'write it in pounds, such as 120.50' });
    if (vat === null) local.push({ path: 'vatPence', message: 'write it in pounds, such as 20.08 (0 if none)' });
    const named = candidates.filter((c) => (draft.shares[c.id] ?? '').trim() !== '');
    const parts =
      draft.by === 'percent'
        ? named.map((c) => ({ candidateId: c.id, percent: Number(draft.shares[c.id]) }))
        : named.map((c) => ({ candidateId: c.id, pence: parsePounds(draft.shares[c.id]!) ?? Number.NaN }));
    if (parts.length === 0) local.push({ path: 'split', message: 'give at least one candidate a share' });
    if (local.length > 0) {
      setProblems(local);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      const invoiceId = file ? (await uploadInvoice(orgId, file)).invoiceId : null;
      const split = draft.by === 'percent' ? { by: 'percent' as const, parts: parts as Array<{ candidateId: string; percent: number }> } : { by: 'amount' as const, parts: parts as Array<{ candidateId: string; pence: number }> };
      await onSubmit({ item: draft.item, supplierName: draft.supplierName, supplierAddress: draft.supplierAddress, incurredOn: draft.incurredOn, paidOn: draft.paidOn || null, amountPence: amount!, vatPence: vat!, invoiceId, split });
      if (!entry) {
        setDraft(draftOf(candidates));
        setFile(null);
        setFileKey((k) => k + 1);
      }
    } catch (err) {
      setProblems(err instanceof ApiError && err.fields.length > 0 ? err.fields : [{ path: '', message: err instanceof ApiError ? err.message : 'It could not be sent; try again.' }]);
    } finally {
      setBusy(false);
    }
  };

  const text = (key: 'item' | 'supplierName', label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {hint ? <p className="field-hint" id={`${id}-${key}-hint`}>{hint}</p> : null}
      <input id={`${id}-${key}`} type="text" value={draft[key]} aria-invalid={invalid(key)} aria-describedby={hint ? `${id}-${key}-hint` : undefined} onChange={(e) => set(key, e.target.value)} required />
    </div>
  );

  return (
    <form className="spending-form" onSubmit={(e) => void submit(e)} noValidate>
      {extra}
      {text('item', 'Item', 'What was bought, such as “2,000 A5 leaflets” or “Delivery of leaflets”.')}
      {text('supplierName', 'Supplier')}
      <div className="field">
        <label htmlFor={`${id}-address`}>Supplier&rsquo;s address</label>
        <textarea id={`${id}-address`} rows={2} value={draft.supplierAddress} aria-invalid={invalid('supplierAddress')} onChange={(e) => set('supplierAddress', e.target.value)} required />
      </div>
      <div className="spending-form-row">
        <div className="field">
          <label htmlFor={`${id}-incurred`}>Date incurred</label>
          <input id={`${id}-incurred`} type="date" max={today} value={draft.incurredOn} aria-invalid={invalid('incurredOn')} onChange={(e) => set('incurredOn', e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-paid`}>Date paid (if paid)</label>
          <input id={`${id}-paid`} type="date" max={today} value={draft.paidOn} aria-invalid={invalid('paidOn')} onChange={(e) => set('paidOn', e.target.value)} />
        </div>
      </div>
      <div className="spending-form-row">
        <div className="field">
          <label htmlFor={`${id}-amount`}>Amount including VAT (£)</label>
          <input id={`${id}-amount`} type="text" inputMode="decimal" autoComplete="off" value={draft.amount} aria-invalid={invalid('amountPence')} onChange={(e) => set('amount', e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-vat`}>VAT within it (£)</label>
          <input id={`${id}-vat`} type="text" inputMode="decimal" autoComplete="off" value={draft.vat} aria-invalid={invalid('vatPence')} onChange={(e) => set('vat', e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-invoice`}>Invoice or receipt (PDF or image)</label>
        <p className="field-hint" id={`${id}-invoice-hint`}>
          Needed for £20 or more. If it has not arrived, leave it out and leave the date paid empty: the entry is shown “invoice missing” until you attach it.
        </p>
        <input key={fileKey} id={`${id}-invoice`} type="file" accept="application/pdf,image/png,image/jpeg" aria-describedby={`${id}-invoice-hint`} aria-invalid={invalid('invoiceId')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <fieldset className="spending-split">
        <legend>Split between candidates</legend>
        <div className="spending-split-by">
          <label>
            <input type="radio" name={`${id}-by`} checked={draft.by === 'percent'} onChange={() => set('by', 'percent')} /> By percentage
          </label>
          <label>
            <input type="radio" name={`${id}-by`} checked={draft.by === 'amount'} onChange={() => set('by', 'amount')} /> By amount (£)
          </label>
        </div>
        {candidates.map((c) => (
          <div className="field spending-share" key={c.id}>
            <label htmlFor={`${id}-share-${c.id}`}>
              {c.name} ({draft.by === 'percent' ? '%' : '£'})
            </label>
            <input id={`${id}-share-${c.id}`} type="text" inputMode="decimal" autoComplete="off" value={draft.shares[c.id] ?? ''} onChange={(e) => set('shares', { ...draft.shares, [c.id]: e.target.value })} />
          </div>
        ))}
        <p className={adds ? 'field-ok' : 'field-warning'} aria-live="polite">
          {adds ? `Adds up: ${sumWords}.` : `So far ${sumWords}: the split must add up to the whole.`}
        </p>
      </fieldset>
      {problems.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p>This entry could not be saved:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.path ? `${labelOf(p.path)}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
