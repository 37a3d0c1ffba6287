import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { formatPence, parsePounds } from '../../../common/orders/money';
import { addDays, dayInWords, londonDate } from '../../../common/orders/needed-by';
import type { PrintOrderInput } from '../../../common/orders/print-order';
import { PRINT_ORDER_TRANSITIONS, type PrintOrderStatus } from '../../../common/orders/print-order-workflow';
import { ApiError } from '../api/api-error';
import { getDesign, listDesigns } from '../api/designs-api';
import { errorSentence } from '../api/error-sentence';
import { draftOrder, listOrders, listPrinters, moveOrder, uploadInvoice, type OrderEmailResponse, type OrderMove, type PrinterResponse, type PrintOrderResponse } from '../api/print-orders-api';
import { getSignOffSetting, listSignOffs } from '../api/sign-off-api';
import { formatUkDateTime } from '../admin/london-time';
import { useSession } from '../session/session-context';
import { SignedInHeader } from '../session/signed-in-header';
import { Field, problemsByPath } from './field';
import { equalSplit, placeBody, PlaceSpending, type SpendingChoice } from './place-spending';
import { getSpending } from '../api/spending-api';
import type { ElectionSummary } from '../../../common/spending/spending-response';
import './orders.css';
import { PrinterField } from './printer-field';
import { patientRead } from '../api/patient-read';

const STATUS_WORDS: Record<PrintOrderStatus, string> = { draft: 'Draft', placed: 'Placed', printed: 'Printed', delivered: 'Delivered', cancelled: 'Cancelled' };
/** The button for each move, as the agent reads it. */
const MOVES: Array<{ to: PrintOrderStatus; move: OrderMove; label: string }> = [
  { to: 'placed', move: 'place', label: 'Place order (emails the printer)' },
  { to: 'printed', move: 'printed', label: 'Mark printed' },
  { to: 'delivered', move: 'delivered', label: 'Mark delivered' },
  { to: 'cancelled', move: 'cancel', label: 'Cancel order' },
];

/** A design version the order form offers: an approved one, or (when sign-off is not required) a saved design's latest. */
interface DesignChoice {
  value: string;
  label: string;
  designId: string;
  version: number | null;
}

/**
 * "Print orders": the organisation's orders and a form for a new one. Anyone may prepare a draft; the
 * agent places it (Rosette emails the printer the PDF's link, or shows the email to copy when it cannot
 * send), marks it printed and delivered, and keeps the invoice with it.
 */
export function OrdersPage() {
  const { account } = useSession();
  const isAgent = account.role === 'agent' || account.role === 'admin';
  const [orders, setOrders] = useState<PrintOrderResponse[] | null>(null);
  const [printers, setPrinters] = useState<PrinterResponse[]>([]);
  const [choices, setChoices] = useState<DesignChoice[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const [emails, setEmails] = useState<Record<string, OrderEmailResponse[]>>({});
  const [elections, setElections] = useState<ElectionSummary[]>([]);

  const reload = useCallback(() => {
    patientRead(listOrders).then(setOrders, (err: unknown) => setFailed(errorSentence(err)));
  }, []);
  useEffect(() => {
    reload();
    patientRead(listPrinters).then(setPrinters, () => undefined);
    if (isAgent) patientRead(() => getSpending(account.organisationId)).then((o) => setElections(o.elections), () => undefined);
    void (async () => {
      const [required, approved] = await Promise.all([getSignOffSetting(account.organisationId).then((s) => s.required), listSignOffs({ status: 'approved' })]);
      // A run's approval (a version with its variant table) is ordered from its run on the Versions screen, not here.
      const list: DesignChoice[] = approved.filter((r) => r.run === null).map((r) => ({ value: `${r.designId}:${r.version}`, label: `${r.title}, version ${r.version} (approved)`, designId: r.designId, version: r.version }));
      if (!required) for (const d of await listDesigns()) list.push({ value: `${d.id}:latest`, label: `${d.title}, latest version`, designId: d.id, version: null });
      setChoices(list);
    })().catch(() => undefined);
  }, [reload, account.organisationId, isAgent]);

  const replace = (order: PrintOrderResponse) => setOrders((all) => (all ? [order, ...all.filter((o) => o.id !== order.id)] : [order]));
  const active = orders?.filter((o) => o.status !== 'delivered' && o.status !== 'cancelled') ?? [];
  const done = orders?.filter((o) => o.status === 'delivered' || o.status === 'cancelled') ?? [];

  return (
    <>
      <SignedInHeader title="Print orders" />
      <main id="main" tabIndex={-1} className="orders-page">
        <p>
          <a href="#/">← Back to your leaflets</a>
        </p>
        <h1>Print orders</h1>
        <p className="lead">
          {isAgent
            ? 'Order an approved design from one of your printers. Placing an order emails the printer the print-ready PDF and the details, and you a copy.'
            : "Prepare an order of an approved design; your organisation's agent checks and places it."}{' '}
          <a href="#/printers">Your printers</a>
        </p>
        {failed ? (
          <p className="notice notice-error" role="alert">
            {failed}
          </p>
        ) : null}
        <section aria-labelledby="orders-open">
          <h2 id="orders-open">Orders in progress</h2>
          {orders === null && !failed ? <p role="status">Loading…</p> : null}
          {orders && active.length === 0 ? <p>None.</p> : null}
          {active.map((o) => (
            <OrderCard key={o.id} order={o} isAgent={isAgent} elections={elections} emails={emails[o.id]} onChanged={(next, sent) => (replace(next), sent && setEmails((all) => ({ ...all, [o.id]: sent })))} />
          ))}
        </section>
        <NewOrder choices={choices} printers={printers} onMade={replace} />
        {done.length > 0 ? (
          <section aria-labelledby="orders-done">
            <h2 id="orders-done">Delivered and cancelled</h2>
            {done.map((o) => (
              <OrderCard key={o.id} order={o} isAgent={isAgent} onChanged={replace} />
            ))}
          </section>
        ) : null}
      </main>
    </>
  );
}

function NewOrder({ choices, printers, onMade }: { choices: DesignChoice[]; printers: PrinterResponse[]; onMade: (o: PrintOrderResponse) => void }) {
  const today = londonDate(Date.now());
  const [design, setDesign] = useState('');
  const [printerId, setPrinterId] = useState('');
  const [quantity, setQuantity] = useState('');
  const [stock, setStock] = useState('');
  const [deliveryAddress, setDeliveryAddress] = useState('');
  const [neededBy, setNeededBy] = useState(addDays(today, 7));
  const [source, setSource] = useState<'table' | 'quote'>('table');
  const [price, setPrice] = useState('');
  const [vat, setVat] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const stocksId = useId();
  const printer = printers.find((p) => p.id === printerId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const choice = choices.find((c) => c.value === design);
    if (!choice) return (setProblems({ designId: 'choose a design' }), setMessage('Choose the design to order.'));
    const pricePence = parsePounds(price);
    const vatPence = parsePounds(vat);
    if (source === 'quote' && (pricePence === null || vatPence === null)) {
      setProblems({ ...(pricePence === null && { 'price.pricePence': 'write the quoted price in pounds, such as 120.00' }), ...(vatPence === null && { 'price.vatPence': 'write the VAT in pounds, such as 20.00 (0 when none)' }) });
      setMessage('The quote is not an amount in pounds.');
      return;
    }
    setSaving(true);
    try {
      const version = choice.version ?? (await getDesign(choice.designId)).version;
      const input: PrintOrderInput = {
        designId: choice.designId,
        version,
        printerId,
        quantity: Number(quantity),
        stock,
        deliveryAddress,
        neededBy,
        price: source === 'table' ? { source: 'table' } : { source: 'quote', pricePence: pricePence!, vatPence: vatPence! },
      };
      onMade(await draftOrder(input));
      setProblems({});
      setMessage(null);
    } catch (err) {
      const fields = err instanceof ApiError ? problemsByPath(err.fields) : {};
      if (fields.version) fields.designId ??= fields.version;
      setProblems(fields);
      setMessage(errorSentence(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="order-card order-form" aria-labelledby="new-order" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="new-order">New order</h2>
      <Field label="Design" problem={problems.designId}>
        {(p) => (
          <select {...p} value={design} onChange={(e) => setDesign(e.target.value)}>
            <option value="">Choose a design…</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PrinterField printers={printers} printerId={printerId} onChange={setPrinterId} problem={problems.printerId} />
      <div className="field-pair">
        <Field label="Copies" problem={problems.quantity}>
          {(p) => <input {...p} type="number" inputMode="numeric" min={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} />}
        </Field>
        <Field label="Stock and finish" problem={problems.stock}>
          {(p) => <input {...p} type="text" list={stocksId} value={stock} placeholder="350gsm silk" onChange={(e) => setStock(e.target.value)} />}
        </Field>
        <datalist id={stocksId}>
          {[...new Set(printer?.prices.map((r) => r.stock) ?? [])].map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>
      <Field label="Deliver to" problem={problems.deliveryAddress}>
        {(p) => <textarea {...p} rows={3} value={deliveryAddress} onChange={(e) => setDeliveryAddress(e.target.value)} autoComplete="street-address" />}
      </Field>
      <Field label="Needed by (UK date)" problem={problems.neededBy}>
        {(p) => <input {...p} type="date" min={today} value={neededBy} onChange={(e) => setNeededBy(e.target.value)} />}
      </Field>
      <fieldset>
        <legend>Price</legend>
        <label className="choice">
          <input type="radio" name="price-source" checked={source === 'table'} onChange={() => setSource('table')} /> From the printer's price table
        </label>
        <label className="choice">
          <input type="radio" name="price-source" checked={source === 'quote'} onChange={() => setSource('quote')} /> Their quote
        </label>
        {problems.price ? <p className="field-problem">{problems.price}</p> : null}
        {source === 'quote' ? (
          <div className="field-pair">
            <Field label="Quoted price incl. VAT (£)" problem={problems['price.pricePence']}>
              {(p) => <input {...p} type="text" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />}
            </Field>
            <Field label="of which VAT (£)" problem={problems['price.vatPence']}>
              {(p) => <input {...p} type="text" inputMode="decimal" value={vat} onChange={(e) => setVat(e.target.value)} />}
            </Field>
          </div>
        ) : null}
      </fieldset>
      <div aria-live="polite">{message ? <p className="notice notice-error">{message}</p> : null}</div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          Save as a draft
        </button>
      </div>
    </form>
  );
}

function OrderCard({ order, isAgent, elections = [], emails, onChanged }: { order: PrintOrderResponse; isAgent: boolean; elections?: ElectionSummary[]; emails?: OrderEmailResponse[]; onChanged: (o: PrintOrderResponse, emails?: OrderEmailResponse[]) => void }) {
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const moves = MOVES.filter((m) => PRINT_ORDER_TRANSITIONS[order.status].includes(m.to));
  const [spending, setSpending] = useState<SpendingChoice>(() => ({ electionId: elections[0]?.id ?? '', percents: equalSplit(elections[0]) }));
  // The elections arrive after the orders: start from the first once they do.
  useEffect(() => {
    if (!spending.electionId && elections[0]) setSpending({ electionId: elections[0].id, percents: equalSplit(elections[0]) });
  }, [elections, spending.electionId]);
  const invoiceAllowed = order.status === 'placed' || order.status === 'printed' || order.status === 'delivered';
  const unsent = emails ? emails.filter((e) => !e.sent) : order.printerEmail && !order.printerEmail.sent ? [order.printerEmail] : [];

  const run = async (move: OrderMove) => {
    if (move === 'cancel' && !window.confirm(`Cancel the order of ${order.title}?`)) return;
    setBusy(true);
    setMessage(null);
    try {
      const next = await moveOrder(order.id, move, move === 'place' ? placeBody(spending) : {});
      onChanged(next, next.emails);
    } catch (err) {
      setMessage(err instanceof ApiError && err.code === 'pdf_not_ready' ? 'The print-ready PDF is still being made. Try again in a few seconds.' : errorSentence(err));
    } finally {
      setBusy(false);
    }
  };
  const attach = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      onChanged(await uploadInvoice(order.id, file));
    } catch (err) {
      setMessage(errorSentence(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="order-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {order.quantity.toLocaleString('en-GB')} × {order.title}
        {order.run ? ` in ${order.run.versions.length} versions` : ''} <span className={`order-status status-${order.status}`}>{STATUS_WORDS[order.status]}</span>
      </h3>
      <dl className="order-facts">
        <dt>Design</dt>
        <dd>
          {order.title}, version {order.version} ({order.format})
        </dd>
        {order.run ? (
          <>
            <dt>Versions</dt>
            <dd>
              <details className="order-versions">
                <summary>
                  {order.run.versions.length} versions of one print run, {order.quantity.toLocaleString('en-GB')} copies in all
                </summary>
                <ol>
                  {order.run.versions.map((v) => (
                    <li key={v.n}>
                      {v.label}: {v.quantity.toLocaleString('en-GB')}
                    </li>
                  ))}
                </ol>
              </details>
            </dd>
          </>
        ) : null}
        <dt>Printer</dt>
        <dd>{order.printer.name}</dd>
        <dt>Stock</dt>
        <dd>{order.stock}</dd>
        <dt>Needed by</dt>
        <dd>{dayInWords(order.neededBy)}</dd>
        <dt>Deliver to</dt>
        <dd className="order-address">{order.deliveryAddress}</dd>
        <dt>Price</dt>
        <dd>
          {formatPence(order.pricePence)} incl. VAT {formatPence(order.vatPence)} ({order.priceSource === 'table' ? 'price table' : 'quote'})
        </dd>
        <dt>Last change</dt>
        <dd>{formatUkDateTime(order.updatedAt)}</dd>
        {order.pdfUrl ? (
          <>
            <dt>Print-ready PDF</dt>
            <dd>
              <a href={new URL(order.pdfUrl).pathname}>Download the PDF the printer was sent</a>
              {order.run?.zipUrl ? (
                <>
                  {' · '}
                  <a href={new URL(order.run.zipUrl).pathname}>the ZIP of every version</a>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {order.invoice ? (
          <>
            <dt>Invoice</dt>
            <dd>
              <a href={order.invoice.url}>Open the invoice</a>
            </dd>
          </>
        ) : null}
      </dl>
      {emails?.some((e) => e.sent) ? <p className="notice-ok">Emailed {emails.filter((e) => e.sent).map((e) => (e.to === 'printer' ? 'the printer' : 'you a copy')).join(' and ')}.</p> : null}
      {order.status !== 'placed' && order.printerEmail ? (
        <details className="order-email">
          <summary>The email to the printer{order.printerEmail.sent ? '' : ' (not sent by Rosette)'}</summary>
          <p className="order-address">{`Subject: ${order.printerEmail.subject}\n\n${order.printerEmail.text}`}</p>
        </details>
      ) : null}
      {(order.status === 'placed' ? unsent : []).map((e) => (
        <div key={e.to} className="notice">
          <p>
            {e.to === 'printer' ? `Rosette did not send the email to the printer: copy it into your own email to ${e.address ?? order.printer.name}.` : 'Rosette did not send you a copy.'}
          </p>
          {e.to === 'printer' ? <CopyText label={`Email to ${order.printer.name}: ${e.subject}`} text={`Subject: ${e.subject}\n\n${e.text}`} /> : null}
        </div>
      ))}
      {isAgent && order.status === 'draft' ? <PlaceSpending elections={elections} choice={spending} onChange={setSpending} /> : null}
      {isAgent && (moves.length > 0 || invoiceAllowed) ? (
        <div className="button-row">
          {moves.map((m) => (
            <button key={m.move} type="button" className={m.move === 'cancel' ? 'button-quiet' : 'button button-primary'} disabled={busy || (m.move === 'place' && !spending.electionId)} onClick={() => void run(m.move)}>
              {m.label}
            </button>
          ))}
          {invoiceAllowed ? (
            <label className="button-secondary file-button">
              {order.invoice ? 'Replace the invoice' : 'Attach the invoice'} (PDF or image)
              <input type="file" accept="application/pdf,image/png,image/jpeg" disabled={busy} onChange={(e) => void attach(e.target.files?.[0])} />
            </label>
          ) : null}
        </div>
      ) : null}
      <div aria-live="polite">{message ? <p className="notice notice-error">{message}</p> : null}</div>
    </article>
  );
}

/** A message's text to copy by hand (no SMTP server, or it refused), with a Copy button. */
function CopyText({ label, text }: { label: string; text: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly rows={8} value={text} onFocus={(e) => e.target.select()} />
      <button
        type="button"
        className="button-secondary"
        onClick={() =>
          void navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => document.getElementById(id)?.focus(),
          )
        }
      >
        Copy the email
      </button>
      <span role="status">{copied ? ' Copied.' : null}</span>
    </div>
  );
}
