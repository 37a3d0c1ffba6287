import { addDays, londonDate } from '../../../common/orders/needed-by';
import { PRINT_ORDER_STATUSES, PRINT_ORDER_TRANSITIONS, type PrintOrderStatus } from '../../../common/orders/print-order-workflow';
import { AppError } from '../../../server/http/app-error';
import type { OnOrderPlaced } from '../../../server/print-orders/on-order-placed';
import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { readPdf } from '../../support/read-pdf';
import { REAL_IMPRINT, withRealImprint } from '../../support/real-imprint';
import type { TestAccount, TestClient } from '../../support/test-client';
import { startTestSmtp, type TestSmtp } from '../../support/test-smtp';
import { waitForValue } from '../../support/wait-for';
import { callJson } from '../../support/call-json';
import { sentPast503 } from '../../support/sent-past-503';

type Json = Record<string, any>;

let smtp: TestSmtp;
let rosette: RunningRosette;
let campaigner: TestClient;
let agentAccount: TestAccount;
let agent: TestClient;
let secondAgent: TestClient;
let outsiderAgent: TestClient;
let admin: TestClient;
let template: Json;

const PRINTER_EMAIL = 'orders@riverside-print.example.org';
/** A mailbox the test SMTP server refuses (550). */
const BOUNCING_EMAIL = 'gone@riverside-print.example.org';
/** What the ledger hook saw, inside the placing transaction; and whether it refuses the next one. */
const ledger: Array<{ id: string; statusInTx: string; title: string; supplier: string; pricePence: number }> = [];
let ledgerRefuses = false;
const onOrderPlaced: OnOrderPlaced = async (order, tx) => {
  if (ledgerRefuses) throw new AppError(409, 'ledger_refused', 'the ledger refused this order');
  const row = await tx.selectFrom('print_orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
  ledger.push({ id: order.id, statusInTx: row.status, title: order.title, supplier: `${order.printer.name}, ${order.printer.address}`, pricePence: order.pricePence });
};
const call = callJson;
const fieldOf = (r: { status: number; body: Json }) => [r.status, r.body.error?.fields?.[0]?.path];
const saveDesign = async (client: TestClient, title: string, imprint = REAL_IMPRINT) => {
  const { status, body } = await call(client, '/api/designs', { design: { ...withRealImprint(template), imprint, title } });
  expect(status).toBe(201);
  return body.id as string;
};
/** Sends version 1 for sign-off (again on 503, as the editor does after Retry-After) and answers the request's id. */
const submit = async (client: TestClient, designId: string) => {
  const sent = await sentPast503('the sign-off request', () => call(client, '/api/sign-off-requests', { designId, version: 1 }));
  expect(sent.status).toBe(201);
  return sent.body.id as string;
};
const uploadInvoice = (client: TestClient, orderId: string, body: Buffer, type: string) =>
  client.request(`/api/print-orders/${orderId}/invoice`, { method: 'PUT', body: new Uint8Array(body), headers: { 'Content-Type': type } }).then(async (res) => ({ status: res.status, body: (await res.json()) as Json }));
const audit = async () => (await call(admin, '/api/admin/audit')).body.entries as Array<{ action: string; actorId: string; targetId: string; details: Json | null }>;
/**
 * A place request's election and split. This file replaces the ledger's recording with its own (`onOrderPlaced`
 * above, to see what it is given and that it runs inside the placing), so the ids need only be well formed;
 * the real ledger is tested with orders in test/server/agent-desk/agent-desk.test.ts.
 */
const PLACE = { spending: { electionId: 'e'.repeat(32), split: { by: 'percent', parts: [{ candidateId: 'c'.repeat(32), percent: 100 }] } } };
const inAWeek = () => addDays(londonDate(Date.now()), 7);

const printerBody = {
  name: REAL_IMPRINT.printer.name,
  address: REAL_IMPRINT.printer.address,
  email: PRINTER_EMAIL,
  prices: [
    { format: 'A6', stock: '350gsm silk', quantity: 1000, pricePence: 4800, vatPence: 800 },
    { format: 'A6', stock: '350gsm silk', quantity: 5000, pricePence: 12000, vatPence: 2000 },
    { format: 'A5', stock: '130gsm gloss', quantity: 5000, pricePence: 15600, vatPence: 2600 },
  ],
};

beforeAll(async () => {
  smtp = await startTestSmtp({ refuse: [BOUNCING_EMAIL] });
  rosette = await startRosette({ SMTP_URL: smtp.url, MAIL_FROM: 'Rosette <rosette@example.org>', PUBLIC_URL: 'https://print.example.org' }, undefined, { ...CALM, onOrderPlaced });
  campaigner = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  agentAccount = await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent', email: 'agent-orders@example.org' });
  agent = await rosette.signedIn(agentAccount);
  secondAgent = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent' }));
  outsiderAgent = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens', role: 'agent' }));
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  template = ((await (await campaigner.request('/api/templates/a6-postcard')).json()) as { design: Json }).design;
  expect((await call(agent, `/api/organisations/${agentAccount.orgId}/sign-off`, { required: true }, 'PUT')).status).toBe(200);
});
afterAll(async () => {
  await rosette?.close();
  await smtp?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('the print order workflow table', () => {
  it('starts at draft, reaches every status, and ends only at delivered or cancelled', () => {
    const reached = new Set<PrintOrderStatus>(['draft']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const from of [...reached]) for (const to of PRINT_ORDER_TRANSITIONS[from]) if (!reached.has(to)) changed = reached.add(to) !== null;
    }
    expect([...reached].sort()).toEqual([...PRINT_ORDER_STATUSES].sort());
    expect(PRINT_ORDER_STATUSES.filter((s) => PRINT_ORDER_TRANSITIONS[s].length === 0)).toEqual(['delivered', 'cancelled']);
  });
});

describe('printers', () => {
  let printerId: string;

  it('are added by an agent with a price table, read by campaigners, and audited', async () => {
    expect((await call(campaigner, '/api/printers', printerBody)).body.error.code).toBe('agent_only');
    const added = await call(agent, '/api/printers', printerBody);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: printerBody.name, email: PRINTER_EMAIL, prices: expect.arrayContaining(printerBody.prices) });
    printerId = added.body.id;
    expect((await call(campaigner, '/api/printers')).body.printers.map((p: Json) => p.id)).toEqual([printerId]);
    expect((await audit()).find((e) => e.targetId === printerId)).toMatchObject({ action: 'printer.added', actorId: agentAccount.id, details: null });
  });

  it('are another organisation\'s business: 404, and an empty list', async () => {
    expect((await call(outsiderAgent, `/api/printers/${printerId}`)).status).toBe(404);
    expect((await call(outsiderAgent, `/api/printers/${printerId}`, printerBody, 'PUT')).status).toBe(404);
    expect((await call(outsiderAgent, `/api/printers/${printerId}`, undefined, 'DELETE')).status).toBe(404);
    expect((await call(outsiderAgent, '/api/printers')).body.printers).toEqual([]);
  });

  it('refuse bad input naming the field', async () => {
    const row = printerBody.prices[0]!;
    for (const [body, path] of [
      [{ ...printerBody, name: ' ' }, 'name'],
      [{ ...printerBody, email: 'not-an-address' }, 'email'],
      [{ ...printerBody, prices: [{ ...row, pricePence: -1 }] }, 'prices[0].pricePence'],
      [{ ...printerBody, prices: [{ ...row, pricePence: 12.5 }] }, 'prices[0].pricePence'],
      [{ ...printerBody, prices: [{ ...row, pricePence: 1e12 }] }, 'prices[0].pricePence'],
      [{ ...printerBody, prices: [{ ...row, vatPence: row.pricePence + 1 }] }, 'prices[0].vatPence'],
      [{ ...printerBody, prices: [{ ...row, format: 'B5' }] }, 'prices[0].format'],
      [{ ...printerBody, prices: [{ ...row, quantity: 0 }] }, 'prices[0].quantity'],
      [{ ...printerBody, prices: [row, { ...row }] }, 'prices[1].quantity'],
    ] as const) {
      expect(fieldOf(await call(agent, '/api/printers', body))).toEqual([400, path]);
    }
  });

  it('are changed and removed by an agent only', async () => {
    const other = await call(agent, '/api/printers', { ...printerBody, name: 'Quick Print', prices: [] });
    expect((await call(campaigner, `/api/printers/${other.body.id}`, undefined, 'DELETE')).status).toBe(403);
    const changed = await call(agent, `/api/printers/${other.body.id}`, { ...printerBody, name: 'Quick Print Ltd', prices: [] }, 'PUT');
    expect(changed.body).toMatchObject({ name: 'Quick Print Ltd', prices: [] });
    expect((await call(agent, `/api/printers/${other.body.id}`, undefined, 'DELETE')).status).toBe(204);
    expect((await call(agent, '/api/printers')).body.printers.map((p: Json) => p.id)).toEqual([printerId]);
  });
});

describe('an order of an approved version', () => {
  let designId: string;
  let printerId: string;
  let orderId: string;
  let order: Json;

  beforeAll(async () => {
    printerId = (await call(agent, '/api/printers')).body.printers[0].id;
    designId = await saveDesign(campaigner, 'Bus leaflet');
  });

  const orderBody = (extra: Json = {}) => ({ designId, version: 1, printerId, quantity: 5000, stock: '350gsm silk', deliveryAddress: '5 New Street\nRiverside RV1 1AA', neededBy: inAWeek(), price: { source: 'table' }, ...extra });

  it('is refused while the version is not approved (422 naming version)', async () => {
    const res = await call(campaigner, '/api/print-orders', orderBody());
    expect([res.status, res.body.error.code, res.body.error.fields[0].path]).toEqual([422, 'sign_off_required', 'version']);
  });

  it('is drafted by a campaigner once an agent approved the version, at the price table\'s price', async () => {
    const requestId = await submit(campaigner, designId);
    expect((await call(agent, `/api/sign-off-requests/${requestId}/approve`, {})).body.status).toBe('approved');
    const drafted = await call(campaigner, '/api/print-orders', orderBody());
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({ status: 'draft', title: 'Bus leaflet', format: 'A6', quantity: 5000, pricePence: 12000, vatPence: 2000, priceSource: 'table', pdfUrl: null, printerEmail: null, printer: { id: printerId } });
    orderId = drafted.body.id;
  });

  it('refuses bad input, each naming the field', async () => {
    const yesterday = addDays(londonDate(Date.now()), -1);
    for (const [body, status, path] of [
      [orderBody({ neededBy: yesterday }), 400, 'neededBy'],
      [orderBody({ neededBy: '2026-02-30' }), 400, 'neededBy'],
      [orderBody({ neededBy: addDays(londonDate(Date.now()), 400) }), 400, 'neededBy'],
      [orderBody({ quantity: -5 }), 400, 'quantity'],
      [orderBody({ quantity: 1e9 }), 400, 'quantity'],
      [orderBody({ price: { source: 'quote', pricePence: -100, vatPence: 0 } }), 400, 'price.pricePence'],
      [orderBody({ price: { source: 'quote', pricePence: 1e10, vatPence: 0 } }), 400, 'price.pricePence'],
      [orderBody({ price: { source: 'quote', pricePence: 100, vatPence: 200 } }), 400, 'price.vatPence'],
      [orderBody({ price: { source: 'guess' } }), 400, 'price.source'],
      [orderBody({ printerId: 'f'.repeat(32) }), 422, 'printerId'],
      [orderBody({ version: 7 }), 404, 'version'],
      [orderBody({ quantity: 2500 }), 422, 'price'],
    ] as const) {
      expect(fieldOf(await call(campaigner, '/api/print-orders', body))).toEqual([status, path]);
    }
  });

  it('must go to the printer the imprint names (422 naming printerId)', async () => {
    const other = await call(agent, '/api/printers', { ...printerBody, name: 'Hilltop Press', address: '1 Hill Road, Newport NP20 1AA' });
    const res = await call(campaigner, '/api/print-orders', orderBody({ printerId: other.body.id }));
    expect([res.status, res.body.error.code, res.body.error.fields[0].path]).toEqual([422, 'imprint_printer_mismatch', 'printerId']);
    expect(res.body.error.message).toContain(REAL_IMPRINT.printer.name);
    await call(agent, `/api/printers/${other.body.id}`, undefined, 'DELETE');
  });

  it('is placed by an agent only; another organisation\'s agent finds nothing', async () => {
    expect((await call(campaigner, `/api/print-orders/${orderId}/place`, PLACE)).body.error.code).toBe('agent_only');
    expect((await call(outsiderAgent, `/api/print-orders/${orderId}`)).status).toBe(404);
    expect((await call(outsiderAgent, `/api/print-orders/${orderId}/place`, PLACE)).status).toBe(404);
    expect((await call(outsiderAgent, '/api/print-orders')).body.orders).toEqual([]);
    expect(smtp.received.filter((m) => m.to.includes(PRINTER_EMAIL))).toEqual([]);
  });

  it('is placed only for an election and a split of its spending, naming what is missing (400)', async () => {
    const missing = await call(agent, `/api/print-orders/${orderId}/place`, {});
    expect(fieldOf(missing)).toEqual([400, 'spending']);
    const badSplit = await call(agent, `/api/print-orders/${orderId}/place`, { spending: { electionId: 'e'.repeat(32), split: { by: 'percent', parts: [] } } });
    expect(fieldOf(badSplit)).toEqual([400, 'spending.split.parts']);
    const badElection = await call(agent, `/api/print-orders/${orderId}/place`, { spending: { ...PLACE.spending, electionId: 'borough' } });
    expect(fieldOf(badElection)).toEqual([400, 'spending.electionId']);
  });

  it('emails the printer the PDF link and the details, and the agent a copy, when placed', async () => {
    // The print-ready PDF was queued with the draft; placing waits for it (409 with Retry-After until then).
    const placed = await waitForValue('the order placed', async () => {
      const res = await call(agent, `/api/print-orders/${orderId}/place`, PLACE);
      // 503: queueing the PDF again missed the producer's 1 s bound on a busy machine; a client retries after Retry-After.
      if ((res.status === 409 && res.body.error.code === 'pdf_not_ready') || res.status === 503) return null;
      return res;
    });
    expect(placed.status).toBe(200);
    order = placed.body;
    expect(order).toMatchObject({ status: 'placed', pdfUrl: expect.stringMatching(/^https:\/\/print\.example\.org\/downloads\/[a-f0-9]{64}\.pdf$/) });
    expect(order.emails.map((e: Json) => [e.to, e.address, e.sent])).toEqual([
      ['printer', PRINTER_EMAIL, true],
      ['agent', null, true],
    ]);

    const mail = await smtp.mailTo(PRINTER_EMAIL);
    expect(mail.subject).toContain('5,000 × Bus leaflet');
    expect(mail.replyTo).toBe(agentAccount.email);
    for (const detail of [order.pdfUrl, 'Quantity: 5,000', 'Stock and finish: 350gsm silk', 'Deliver to: 5 New Street, Riverside RV1 1AA', '£120.00 including VAT of £20.00', orderId]) expect(mail.text).toContain(detail);
    // The agent's own mailbox also holds the sign-off emails: the copy is the one whose subject says so.
    const copy = await waitForValue("the agent's copy", () => smtp.received.find((m) => m.to.includes(agentAccount.email) && m.subject.startsWith('Copy: ')));
    expect(copy.subject).toBe(`Copy: ${mail.subject}`);
    expect(copy.text).toContain(order.pdfUrl);

    // The link works without an account: it is the PDF's download address.
    const pdf = await rosette.anonymous().request(new URL(order.pdfUrl).pathname);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect((await readPdf(Buffer.from(await pdf.arrayBuffer()))).text).toContain(REAL_IMPRINT.printer.name);
    expect((await call(agent, `/api/print-orders/${orderId}/place`, PLACE)).body.error.code).toBe('illegal_transition');
    // The ledger's hook ran once, inside the transaction (it saw the order placed before it committed).
    expect(ledger).toEqual([{ id: orderId, statusInTx: 'placed', title: 'Bus leaflet', supplier: `${REAL_IMPRINT.printer.name}, ${REAL_IMPRINT.printer.address}`, pricePence: 12000 }]);
  });

  it('is marked printed, takes only a PDF or image invoice, and is marked delivered; every move audited', async () => {
    expect((await call(campaigner, `/api/print-orders/${orderId}/printed`, {})).status).toBe(403);
    expect((await call(agent, `/api/print-orders/${orderId}/printed`, {})).body.status).toBe('printed');
    const notPdf = await uploadInvoice(agent, orderId, Buffer.from('<html>invoice</html>'), 'application/pdf');
    expect([notPdf.status, notPdf.body.error.fields[0].path]).toEqual([415, 'invoice']);
    const empty = await uploadInvoice(agent, orderId, Buffer.alloc(0), 'application/pdf');
    expect([empty.status, empty.body.error.fields[0].path]).toEqual([400, 'invoice']);
    const tooBig = await uploadInvoice(agent, orderId, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(11 * 1024 * 1024)]), 'application/pdf');
    expect([tooBig.status, tooBig.body.error.fields[0].path]).toEqual([413, 'invoice']);
    const invoice = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    expect((await uploadInvoice(campaigner, orderId, invoice, 'application/pdf')).status).toBe(403);
    const attached = await uploadInvoice(agent, orderId, invoice, 'application/octet-stream');
    expect(attached.body.invoice).toEqual({ contentType: 'application/pdf', bytes: invoice.length, url: `/api/print-orders/${orderId}/invoice` });
    const back = await campaigner.request(`/api/print-orders/${orderId}/invoice`);
    expect([back.status, back.headers.get('content-type'), Buffer.from(await back.arrayBuffer()).equals(invoice)]).toEqual([200, 'application/pdf', true]);
    expect((await outsiderAgent.request(`/api/print-orders/${orderId}/invoice`)).status).toBe(404);

    const delivered = await call(agent, `/api/print-orders/${orderId}/delivered`, {});
    expect(delivered.body).toMatchObject({ status: 'delivered', invoice: { contentType: 'application/pdf' } });
    expect(delivered.body.history.map((t: Json) => [t.from, t.to])).toEqual([[null, 'draft'], ['draft', 'placed'], ['placed', 'printed'], ['printed', 'delivered']]);
    expect((await call(agent, `/api/print-orders/${orderId}/cancel`, {})).body.error.code).toBe('illegal_transition');
    const trail = (await audit()).filter((e) => e.targetId === orderId).map((e) => [e.action, e.details]);
    expect(trail).toEqual([
      ['print-order.delivered', { from: 'printed', to: 'delivered' }],
      ['print-order.invoice-attached', { bytes: invoice.length }],
      ['print-order.printed', { from: 'placed', to: 'printed' }],
      ['print-order.place', { from: 'draft', to: 'placed' }],
      ['print-order.created', { from: null, to: 'draft' }],
    ]);
  });

  it('takes a quote typed in by hand, and a draft can be cancelled', async () => {
    const quoted = await call(campaigner, '/api/print-orders', orderBody({ quantity: 2500, price: { source: 'quote', pricePence: 9000, vatPence: 1500 } }));
    expect(quoted.body).toMatchObject({ status: 'draft', pricePence: 9000, vatPence: 1500, priceSource: 'quote' });
    expect((await uploadInvoice(agent, quoted.body.id, Buffer.from('%PDF-1.4\n'), 'application/pdf')).body.error.code).toBe('invoice_not_expected');
    expect((await call(agent, `/api/print-orders/${quoted.body.id}/cancel`, {})).body.status).toBe('cancelled');
    expect((await call(agent, `/api/print-orders/${quoted.body.id}/place`, PLACE)).status).toBe(409);
  });

  describe('when something says no', () => {
    const quoted = (extra: Json = {}) => call(campaigner, '/api/print-orders', orderBody({ quantity: 2500, price: { source: 'quote', pricePence: 9000, vatPence: 1500 }, ...extra }));
    const mailsAbout = (id: string) => smtp.received.filter((m) => m.text.includes(id));

    it('leaves the order a draft, with nothing emailed, when the ledger refuses it in the same transaction', async () => {
      const { body } = await quoted();
      ledgerRefuses = true;
      try {
        expect((await call(agent, `/api/print-orders/${body.id}/place`, PLACE)).body.error.code).toBe('ledger_refused');
      } finally {
        ledgerRefuses = false;
      }
      const after = await call(agent, `/api/print-orders/${body.id}`);
      expect([after.body.status, after.body.printerEmail, after.body.history.length]).toEqual(['draft', null, 1]);
      expect(mailsAbout(body.id)).toEqual([]);
      expect((await call(agent, `/api/print-orders/${body.id}/place`, PLACE)).body.status).toBe('placed');
      expect(ledger.at(-1)).toMatchObject({ id: body.id, statusInTx: 'placed', pricePence: 9000 });
    });

    it('keeps the order placed and shows the email to copy when the mail server refuses the printer\'s address', async () => {
      const bouncing = await call(agent, '/api/printers', { ...printerBody, email: BOUNCING_EMAIL, prices: [] });
      const { body } = await quoted({ printerId: bouncing.body.id });
      const placed = await call(agent, `/api/print-orders/${body.id}/place`, PLACE);
      expect(placed.body.status).toBe('placed');
      expect(placed.body.emails.map((e: Json) => [e.to, e.sent])).toEqual([
        ['printer', false],
        ['agent', true],
      ]);
      expect(placed.body.emails[0].text).toContain(placed.body.pdfUrl);
      expect((await call(campaigner, `/api/print-orders/${body.id}`)).body.printerEmail).toMatchObject({ to: 'printer', address: BOUNCING_EMAIL, sent: false, text: expect.stringContaining(body.id) });
      // The order keeps the address it was sent to, whatever the printer's address becomes.
      await call(agent, `/api/printers/${bouncing.body.id}`, { ...printerBody, email: 'new@riverside-print.example.org', prices: [] }, 'PUT');
      expect((await call(campaigner, `/api/print-orders/${body.id}`)).body.printerEmail.address).toBe(BOUNCING_EMAIL);
      expect(rosette.logs.join('\n')).not.toContain(BOUNCING_EMAIL);
      // A photographed invoice: a PNG (by its first bytes, whatever the declared type).
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
      expect((await uploadInvoice(agent, body.id, png, 'application/pdf')).body.invoice).toMatchObject({ contentType: 'image/png', bytes: png.length });
      const back = await campaigner.request(`/api/print-orders/${body.id}/invoice`);
      expect([back.headers.get('content-type'), back.headers.get('content-disposition')]).toEqual(['image/png', 'attachment; filename="invoice.png"']);
    });

    it('places an order once when two agents place it at the same moment', async () => {
      const { body } = await quoted();
      const answers = await Promise.all([agent, secondAgent].map((client) => call(client, `/api/print-orders/${body.id}/place`, PLACE)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      await waitForValue('the printer\'s email and the agent\'s copy', () => mailsAbout(body.id).length >= 2);
      expect(mailsAbout(body.id).filter((m) => m.to.includes(PRINTER_EMAIL))).toHaveLength(1);
      expect(ledger.filter((l) => l.id === body.id)).toHaveLength(1);
    });
  });
});
