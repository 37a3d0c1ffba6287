import { useEffect, useState, type FormEvent } from 'react';
import { formatPence } from '../../../common/orders/money';
import { addDays, londonDate } from '../../../common/orders/needed-by';
import type { RunOrderInput } from '../../../common/orders/run-order-input';
import { ApiError } from '../api/api-error';
import { errorSentence } from '../api/error-sentence';
import { listPrinters, type PrinterResponse, type PrintOrderResponse } from '../api/print-orders-api';
import { orderRun, sendRunForSignOff, type PrintRunResponse } from '../api/print-runs-api';
import { decideSignOff, getSignOffSetting } from '../api/sign-off-api';
import { Field, problemsByPath } from '../orders/field';
import { useSession } from '../session/session-context';
import '../orders/orders.css';
import { PrinterField } from '../orders/printer-field';
import { patientRead } from '../api/patient-read';

/**
 * A done run at the agent's desk: one sign-off of its design version with its variant table (sent by
 * anyone, decided by another account's agent), then one order of the whole run with a quantity per
 * version, prepared here and placed on the Print orders screen as any order is.
 */
export function RunAgentDesk({ run, onChanged }: { run: PrintRunResponse; onChanged: () => void }) {
  const { account } = useSession();
  const isAgent = account.role === 'agent' || account.role === 'admin';
  const [required, setRequired] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [ordering, setOrdering] = useState(false);
  useEffect(() => {
    getSignOffSetting(account.organisationId).then((s) => setRequired(s.required), () => setRequired(true));
  }, [account.organisationId]);

  const act = async (what: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      await what();
      onChanged();
    } catch (err) {
      setMessage(errorSentence(err));
    } finally {
      setBusy(false);
    }
  };
  const signOff = run.signOff;
  const table = run.tableHash ? `table ${run.tableHash.slice(0, 8)}` : 'its table';
  const covered = `version ${run.designVersion} of the design with this variant table (${table}, ${run.counts.variants} versions)`;
  const mayOrder = signOff?.status === 'approved' || required === false;

  return (
    <div className="run-desk">
      <section aria-labelledby="run-sign-off-heading">
        <h3 id="run-sign-off-heading">Sign-off</h3>
        {run.tableHash === null ? (
          <p>This run was made before Rosette kept which table it printed: print every version again to send it for sign-off.</p>
        ) : signOff === null ? (
          <>
            <p>One sign-off covers every version: your agent approves {covered}. A change to the design or to the table afterwards needs a new run and a new sign-off.</p>
            <button type="button" className="button" disabled={busy} onClick={() => void act(() => sendRunForSignOff(run.id))}>
              Send this run for sign-off
            </button>
          </>
        ) : signOff.status === 'approved' ? (
          <p className="notice" role="status">
            Approved: {covered}.
          </p>
        ) : signOff.status === 'returned' ? (
          <>
            <p className="notice notice-error">
              Returned by your agent: see their comment under <a href={`#/sign-off/${signOff.id}`}>Sign-off</a>, change the table or the design and print again, or send it again as it is.
            </p>
            <button type="button" className="button" disabled={busy} onClick={() => void act(() => sendRunForSignOff(run.id))}>
              Send it again as it is
            </button>
          </>
        ) : (
          <>
            <p role="status">Waiting for your agent: {covered}.</p>
            {isAgent && !signOff.sentByYou ? (
              <div className="run-decision">
                <label>
                  Comment (needed to return it)
                  <textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
                </label>
                <div className="button-row">
                  <button type="button" className="button button-primary" disabled={busy} onClick={() => void act(() => decideSignOff(signOff.id, 'approve', comment))}>
                    Approve every version
                  </button>
                  <button type="button" className="button" disabled={busy || comment.trim() === ''} onClick={() => void act(() => decideSignOff(signOff.id, 'return', comment))}>
                    Return with comment
                  </button>
                </div>
              </div>
            ) : isAgent ? (
              <p>You sent it: another agent of your organisation decides on it.</p>
            ) : null}
          </>
        )}
      </section>
      {mayOrder && !ordering ? (
        <p>
          <button type="button" className="button button-primary" onClick={() => setOrdering(true)}>
            Order every version
          </button>
        </p>
      ) : null}
      {mayOrder && ordering ? <RunOrderForm run={run} isAgent={isAgent} /> : null}
      <div aria-live="polite">{message ? <p className="notice notice-error">{message}</p> : null}</div>
    </div>
  );
}

/** One order of the whole run: a default number of copies, any version's own, priced from the printer's table. */
function RunOrderForm({ run, isAgent }: { run: PrintRunResponse; isAgent: boolean }) {
  const [printers, setPrinters] = useState<PrinterResponse[]>([]);
  const [printerId, setPrinterId] = useState('');
  const [quantity, setQuantity] = useState('500');
  const [own, setOwn] = useState<Record<number, string>>({});
  const [stock, setStock] = useState('');
  const [deliveryAddress, setDeliveryAddress] = useState('');
  const [neededBy, setNeededBy] = useState(addDays(londonDate(Date.now()), 7));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [order, setOrder] = useState<PrintOrderResponse | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    patientRead(listPrinters).then((list) => (setPrinters(list), setPrinterId((id) => id || list[0]?.id || '')), () => undefined);
  }, []);
  const stocks = [...new Set(printers.find((p) => p.id === printerId)?.prices.map((p) => p.stock) ?? [])];
  // Only the versions whose copies differ from the default are sent, in this order (their field errors name them by index).
  const listed = run.variants.filter((v) => (own[v.n] ?? '').trim() !== '');
  const total = run.variants.reduce((sum, v) => sum + (Number(own[v.n] || quantity) || 0), 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    try {
      const input: RunOrderInput = {
        printerId,
        quantity: quantity.trim() === '' ? undefined : Number(quantity),
        quantities: listed.map((v) => ({ n: v.n, quantity: Number(own[v.n]) })),
        stock,
        deliveryAddress,
        neededBy,
        price: { source: 'table' },
      };
      setOrder(await orderRun(run.id, input));
      setProblems({});
      setMessage(null);
    } catch (err) {
      const fields = err instanceof ApiError ? problemsByPath(err.fields) : {};
      // quantities[i] is the i-th listed version: said against that version's own input.
      for (const [path, text] of Object.entries(fields)) {
        const at = /^quantities\[(\d+)\]/.exec(path);
        const version = at ? listed[Number(at[1])] : undefined;
        if (version) fields[`version-${version.n}`] = text;
      }
      setProblems(fields);
      setMessage(errorSentence(err));
    } finally {
      setSaving(false);
    }
  };

  if (order) {
    return (
      <section aria-labelledby="run-order-heading" className="run-order">
        <h3 id="run-order-heading">Order</h3>
        <p className="notice" role="status">
          Prepared: {order.quantity.toLocaleString('en-GB')} copies in {order.run?.versions.length ?? 0} versions from {order.printer.name}, {formatPence(order.pricePence)} including VAT of {formatPence(order.vatPence)}.{' '}
          {isAgent ? 'Place it under Print orders: that emails the printer the combined PDF and the ZIP, and records the spending.' : "Your organisation's agent places it under Print orders."}
        </p>
        <p>
          <a className="button button-primary" href="#/orders">
            {isAgent ? 'Place the order' : 'See the order'}
          </a>
        </p>
      </section>
    );
  }
  return (
    <form className="run-order" aria-labelledby="run-order-heading" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="run-order-heading">Order every version</h3>
      <p>One order for the whole run: the printer gets the combined PDF and the ZIP. Each version is priced from the printer’s price list as its own print of its copies.</p>
      <PrinterField printers={printers} printerId={printerId} onChange={setPrinterId} problem={problems.printerId} />
      <div className="field-pair">
        <Field label="Copies of each version" problem={problems.quantity} hint="Change any version's copies in the list below.">
          {(p) => <input {...p} type="number" inputMode="numeric" min={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} />}
        </Field>
        <Field label="Stock and finish" problem={problems.stock}>
          {(p) => (
            <select {...p} value={stock} onChange={(e) => setStock(e.target.value)}>
              <option value="">Choose a stock…</option>
              {stocks.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <table className="run-quantities">
        <caption>Copies per version ({total.toLocaleString('en-GB')} in all)</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Copies</th>
          </tr>
        </thead>
        <tbody>
          {run.variants.map((v) => (
            <tr key={v.n}>
              <th scope="row">
                {v.n + 1}. {v.label}
              </th>
              <td>
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  aria-label={`Copies of ${v.label}`}
                  placeholder={quantity}
                  value={own[v.n] ?? ''}
                  aria-invalid={problems[`version-${v.n}`] ? true : undefined}
                  onChange={(e) => setOwn((all) => ({ ...all, [v.n]: e.target.value }))}
                />
                {problems[`version-${v.n}`] ? <span className="field-problem">{problems[`version-${v.n}`]}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Field label="Deliver to" problem={problems.deliveryAddress}>
        {(p) => <textarea {...p} rows={2} value={deliveryAddress} onChange={(e) => setDeliveryAddress(e.target.value)} />}
      </Field>
      <Field label="Needed by (UK date)" problem={problems.neededBy}>
        {(p) => <input {...p} type="date" value={neededBy} onChange={(e) => setNeededBy(e.target.value)} />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          Prepare the order
        </button>
      </div>
      <div aria-live="polite">{message ? <p className="notice notice-error">{message}</p> : null}</div>
    </form>
  );
}
