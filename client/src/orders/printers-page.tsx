import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { PAPER_SIZE_NAMES, type PaperSize } from '../../../common/design/paper-formats';
import { formatPence, parsePounds } from '../../../common/orders/money';
import type { PriceRow } from '../../../common/orders/printer';
import { ApiError } from '../api/api-error';
import { errorSentence } from '../api/error-sentence';
import { listPrinters, removePrinter, savePrinter, type PrinterResponse } from '../api/print-orders-api';
import { useSession } from '../session/session-context';
import { SignedInHeader } from '../session/signed-in-header';
import { Field, problemsByPath } from './field';
import './orders.css';

/** A price row as typed: pounds as text, converted to pence on saving. */
interface RowDraft {
  key: number;
  format: PaperSize;
  stock: string;
  quantity: string;
  price: string;
  vat: string;
}

let nextKey = 1;
const emptyRow = (): RowDraft => ({ key: nextKey++, format: 'A5', stock: '', quantity: '', price: '', vat: '' });
const rowFrom = (r: PriceRow): RowDraft => ({ key: nextKey++, format: r.format, stock: r.stock, quantity: String(r.quantity), price: (r.pricePence / 100).toFixed(2), vat: (r.vatPence / 100).toFixed(2) });

/**
 * "Printers": the organisation's printers, with their price tables. Everyone sees them; agents add,
 * change and remove them. The name and address are the ones the imprint must give.
 */
export function PrintersPage() {
  const { account } = useSession();
  const canEdit = account.role === 'agent' || account.role === 'admin';
  const [printers, setPrinters] = useState<PrinterResponse[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [editing, setEditing] = useState<PrinterResponse | 'new' | null>(null);
  const reload = useCallback(() => {
    listPrinters().then(setPrinters, (err: unknown) => setFailed(errorSentence(err)));
  }, []);
  useEffect(reload, [reload]);

  const remove = async (p: PrinterResponse) => {
    if (!window.confirm(`Remove ${p.name} from your printers? Orders already made with them keep them.`)) return;
    try {
      await removePrinter(p.id);
      reload();
    } catch (err) {
      setFailed(errorSentence(err));
    }
  };

  return (
    <>
      <SignedInHeader title="Printers" />
      <main id="main" tabIndex={-1} className="orders-page">
        <p>
          <a href="#/orders">← Print orders</a>
        </p>
        <h1>Printers</h1>
        <p className="lead">The printers your organisation orders from. Give each one's name and address exactly as your imprint gives them: an order must go to the printer the design's imprint names.</p>
        {failed ? (
          <p className="notice notice-error" role="alert">
            {failed}
          </p>
        ) : null}
        {printers === null && !failed ? <p role="status">Loading…</p> : null}
        {printers?.length === 0 ? <p>No printers yet.{canEdit ? ' Add the first one below.' : " Ask your organisation's agent to add one."}</p> : null}
        {printers?.map((p) =>
          editing !== 'new' && editing?.id === p.id ? (
            <PrinterForm key={p.id} printer={p} onDone={() => (setEditing(null), reload())} onCancel={() => setEditing(null)} />
          ) : (
            <PrinterCard key={p.id} printer={p} onEdit={canEdit ? () => setEditing(p) : null} onRemove={canEdit ? () => void remove(p) : null} />
          ),
        )}
        {canEdit && editing === 'new' ? <PrinterForm printer={null} onDone={() => (setEditing(null), reload())} onCancel={() => setEditing(null)} /> : null}
        {canEdit && editing === null ? (
          <p>
            <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
              Add a printer
            </button>
          </p>
        ) : null}
      </main>
    </>
  );
}

function PrinterCard({ printer, onEdit, onRemove }: { printer: PrinterResponse; onEdit: (() => void) | null; onRemove: (() => void) | null }) {
  const id = useId();
  return (
    <section className="order-card" aria-labelledby={id}>
      <h2 id={id}>{printer.name}</h2>
      <p className="order-address">{printer.address}</p>
      <p>{printer.email}</p>
      {printer.prices.length === 0 ? (
        <p className="field-hint">No price table: orders take their quote.</p>
      ) : (
        <div className="table-scroll">
          <table className="price-table">
            <caption>Prices (including VAT)</caption>
            <thead>
              <tr>
                <th scope="col">Size</th>
                <th scope="col">Stock</th>
                <th scope="col">Copies</th>
                <th scope="col">Price</th>
                <th scope="col">of which VAT</th>
              </tr>
            </thead>
            <tbody>
              {printer.prices.map((r) => (
                <tr key={`${r.format}-${r.stock}-${r.quantity}`}>
                  <td>{r.format}</td>
                  <td>{r.stock}</td>
                  <td>{r.quantity.toLocaleString('en-GB')}</td>
                  <td>{formatPence(r.pricePence)}</td>
                  <td>{formatPence(r.vatPence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {onEdit || onRemove ? (
        <div className="button-row">
          {onEdit ? (
            <button type="button" className="button-secondary" onClick={onEdit}>
              Change {printer.name}
            </button>
          ) : null}
          {onRemove ? (
            <button type="button" className="button-quiet" onClick={onRemove}>
              Remove {printer.name}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function PrinterForm({ printer, onDone, onCancel }: { printer: PrinterResponse | null; onDone: () => void; onCancel: () => void }) {
  const [name, setName] = useState(printer?.name ?? '');
  const [address, setAddress] = useState(printer?.address ?? '');
  const [email, setEmail] = useState(printer?.email ?? '');
  const [rows, setRows] = useState<RowDraft[]>(() => printer?.prices.map(rowFrom) ?? []);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const headingId = useId();
  const setRow = (key: number, change: Partial<RowDraft>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    const prices = rows.map((r, i) => {
      const pricePence = parsePounds(r.price);
      const vatPence = parsePounds(r.vat);
      if (pricePence === null) local[`prices[${i}].pricePence`] = 'write the price in pounds, such as 120.00';
      if (vatPence === null) local[`prices[${i}].vatPence`] = 'write the VAT in pounds, such as 20.00 (0 when none)';
      return { format: r.format, stock: r.stock, quantity: Number(r.quantity), pricePence: pricePence ?? -1, vatPence: vatPence ?? -1 };
    });
    if (Object.keys(local).length > 0) {
      setProblems(local);
      setMessage('Some prices are not amounts in pounds.');
      return;
    }
    setSaving(true);
    try {
      await savePrinter({ name, address, email, prices }, printer?.id ?? null);
      onDone();
    } catch (err) {
      setProblems(err instanceof ApiError ? problemsByPath(err.fields) : {});
      setMessage(errorSentence(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="order-card order-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={headingId}>{printer ? `Change ${printer.name}` : 'Add a printer'}</h2>
      <Field label="Name, as the imprint gives it" problem={problems.name}>
        {(p) => <input {...p} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="organization" />}
      </Field>
      <Field label="Address, as the imprint gives it" problem={problems.address}>
        {(p) => <textarea {...p} rows={3} value={address} onChange={(e) => setAddress(e.target.value)} />}
      </Field>
      <Field label="Email for orders" problem={problems.email}>
        {(p) => <input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />}
      </Field>
      <fieldset className="price-rows">
        <legend>Price table (optional)</legend>
        <p className="field-hint">One row per size, stock and number of copies, with the price including VAT and the VAT in it, as the printer quotes them.</p>
        {rows.map((r, i) => (
          <fieldset key={r.key} className="price-row">
            <legend>Row {i + 1}</legend>
            <Field label="Size" problem={problems[`prices[${i}].format`]}>
              {(p) => (
                <select {...p} value={r.format} onChange={(e) => setRow(r.key, { format: e.target.value as PaperSize })}>
                  {PAPER_SIZE_NAMES.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Stock and finish" problem={problems[`prices[${i}].stock`]}>
              {(p) => <input {...p} type="text" value={r.stock} placeholder="350gsm silk" onChange={(e) => setRow(r.key, { stock: e.target.value })} />}
            </Field>
            <Field label="Copies" problem={problems[`prices[${i}].quantity`]}>
              {(p) => <input {...p} type="number" inputMode="numeric" min={1} value={r.quantity} onChange={(e) => setRow(r.key, { quantity: e.target.value })} />}
            </Field>
            <Field label="Price incl. VAT (£)" problem={problems[`prices[${i}].pricePence`]}>
              {(p) => <input {...p} type="text" inputMode="decimal" value={r.price} onChange={(e) => setRow(r.key, { price: e.target.value })} />}
            </Field>
            <Field label="of which VAT (£)" problem={problems[`prices[${i}].vatPence`]}>
              {(p) => <input {...p} type="text" inputMode="decimal" value={r.vat} onChange={(e) => setRow(r.key, { vat: e.target.value })} />}
            </Field>
            <button type="button" className="button-quiet" onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}>
              Remove row {i + 1}
            </button>
          </fieldset>
        ))}
        <button type="button" className="button-secondary" onClick={() => setRows((all) => [...all, emptyRow()])}>
          Add a price row
        </button>
      </fieldset>
      <div aria-live="polite">{message ? <p className="notice notice-error">{message}</p> : null}</div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {printer ? 'Save changes' : 'Add printer'}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
