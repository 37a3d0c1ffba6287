import { addDays, londonDate } from '../../../common/orders/needed-by';
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

/**
 * Issue 15's whole path through the API, with the real ledger: sign-off (returned, edited, approved), an
 * order from a printer with a price table, the printer's email, delivery with an invoice, and the
 * spending ledger and the candidate's return showing the order split between two candidates.
 */
let smtp: TestSmtp;
let rosette: RunningRosette;
let campaigner: TestClient;
let agentAccount: TestAccount;
let agent: TestClient;
let template: Json;
/** Made by the first case, used again by the second. */
const made: { designId?: string; printerId?: string; base?: string; electionId?: string; alice?: string; ben?: string } = {};

const PRINTER_EMAIL = 'orders@riverside-print.example.org';
/** Placing waits for the print-ready PDF, which the worker renders: as long as a render takes on a busy machine. */
const RENDERING = { timeoutMs: 60_000, everyMs: 200 };
const call = callJson;
/** Sent again on 503 (the proof's queue did not answer within its bound), as the editor does after Retry-After. */
const submit = (designId: string, version: number) =>
  sentPast503('the sign-off request', () => call(campaigner, '/api/sign-off-requests', { designId, version }));

beforeAll(async () => {
  smtp = await startTestSmtp();
  rosette = await startRosette({ SMTP_URL: smtp.url, MAIL_FROM: 'Rosette <rosette@example.org>', PUBLIC_URL: 'https://print.example.org' }, undefined, CALM);
  campaigner = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  agentAccount = await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent', email: 'agent-desk@example.org' });
  agent = await rosette.signedIn(agentAccount);
  template = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: Json }).design;
  expect((await call(agent, `/api/organisations/${agentAccount.orgId}/sign-off`, { required: true }, 'PUT')).status).toBe(200);
});
afterAll(async () => {
  await rosette?.close();
  await smtp?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe("the agent's desk, end to end", () => {
  it('signs off, orders from a printer, and records the spending split between two candidates', async () => {
    // Sign-off: returned with a comment, edited (a new version), approved.
    const saved = await call(campaigner, '/api/designs', { design: { ...withRealImprint(template), title: 'Bus leaflet' } });
    const designId = saved.body.id as string;
    const first = await submit(designId, 1);
    expect((await call(agent, `/api/sign-off-requests/${first.body.id}/return`, { comment: 'Say which routes' })).body.status).toBe('returned');
    const design = (await call(campaigner, `/api/designs/${designId}`)).body.design as Json;
    design.pages[0].elements.find((e: Json) => e.id === 'headline').text = 'A bus every ten minutes on routes 4 and 7';
    const edited = await call(campaigner, `/api/designs/${designId}`, { design }, 'PUT');
    expect(edited.body.version).toBe(2);
    const second = await submit(designId, 2);
    expect((await call(agent, `/api/sign-off-requests/${second.body.id}/approve`, {})).body.status).toBe('approved');

    // The printer (the imprint's), its price table, and the election with two candidates and their limits.
    const printer = await call(agent, '/api/printers', { name: REAL_IMPRINT.printer.name, address: REAL_IMPRINT.printer.address, email: PRINTER_EMAIL, prices: [{ format: 'A5', stock: '130gsm gloss', quantity: 5000, pricePence: 15600, vatPence: 2600 }] });
    expect(printer.status).toBe(201);
    const base = `/api/organisations/${agentAccount.orgId}/spending`;
    const election = (await call(agent, `${base}/elections`, { name: 'Borough council', pollingDay: addDays(londonDate(Date.now()), 150) })).body;
    const alice = (await call(agent, `${base}/elections/${election.id}/candidates`, { name: 'Alice Ward', limitPence: 11_000 })).body;
    const ben = (await call(agent, `${base}/elections/${election.id}/candidates`, { name: 'Ben Evans', limitPence: 100_000 })).body;

    // The order of the approved version, at the table's price, placed with a 60/40 split.
    const drafted = await call(campaigner, '/api/print-orders', { designId, version: 2, printerId: printer.body.id, quantity: 5000, stock: '130gsm gloss', deliveryAddress: '5 New Street\nRiverside RV1 1AA', neededBy: addDays(londonDate(Date.now()), 7), price: { source: 'table' } });
    expect(drafted.body).toMatchObject({ status: 'draft', pricePence: 15600, vatPence: 2600, priceSource: 'table' });
    const split = { by: 'percent', parts: [{ candidateId: alice.id, percent: 60 }, { candidateId: ben.id, percent: 40 }] };
    // The split is checked with the order's ledger entry, once the PDF is ready (before that: 409 pdf_not_ready, as on a busy machine).
    const unequal = await waitForValue('the unequal split refused once the PDF is ready', async () => {
      const res = await call(agent, `/api/print-orders/${drafted.body.id}/place`, { spending: { electionId: election.id, split: { by: 'percent', parts: [{ candidateId: alice.id, percent: 60 }, { candidateId: ben.id, percent: 30 }] } } });
      return res.status === 409 && res.body.error.code === 'pdf_not_ready' ? null : res;
    }, RENDERING);
    expect([unequal.status, unequal.body.error.fields[0].path]).toEqual([400, 'split.parts']);
    const placed = await waitForValue('the order placed once its PDF is ready', async () => {
      const res = await call(agent, `/api/print-orders/${drafted.body.id}/place`, { spending: { electionId: election.id, split } });
      return res.status === 409 && res.body.error.code === 'pdf_not_ready' ? null : res;
    }, RENDERING);
    expect(placed.body.status).toBe('placed');

    // The printer's email: the PDF's link (which needs no account) and the details; the agent's copy.
    const mail = await smtp.mailTo(PRINTER_EMAIL);
    const link = /https:\/\/print\.example\.org(\/downloads\/[a-f0-9]{64}\.pdf)/.exec(mail.text);
    expect(link).not.toBeNull();
    expect(mail.text).toContain('5,000');
    await smtp.mailTo('agent-desk@example.org');
    const pdf = await fetch(rosette.baseUrl + link![1]);
    expect(pdf.status).toBe(200);
    expect((await readPdf(Buffer.from(await pdf.arrayBuffer()))).text).toContain('routes 4 and 7');

    // The ledger: one entry of the order, £156.00 split £93.60 / £62.40, the invoice missing until it comes.
    const entries = async () => (await call(agent, `${base}/entries?electionId=${election.id}`)).body.entries as Json[];
    const [entry] = await entries();
    expect(entry).toMatchObject({ printOrderId: drafted.body.id, supplierName: REAL_IMPRINT.printer.name, amountPence: 15600, vatPence: 2600, invoiceMissing: true });
    expect(entry!.parts.map((p: Json) => [p.candidateName, p.pence])).toEqual([
      ['Alice Ward', 9360],
      ['Ben Evans', 6240],
    ]);

    // Printed, the invoice arrives (it goes with the ledger entry too), delivered.
    expect((await call(agent, `/api/print-orders/${drafted.body.id}/printed`, {})).body.status).toBe('printed');
    const invoice = await agent.request(`/api/print-orders/${drafted.body.id}/invoice`, { method: 'PUT', body: new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n')), headers: { 'Content-Type': 'application/pdf' } });
    expect(invoice.status).toBe(200);
    expect((await call(agent, `/api/print-orders/${drafted.body.id}/delivered`, {})).body.status).toBe('delivered');
    const [withInvoice] = await entries();
    expect(withInvoice).toMatchObject({ invoiceMissing: false, invoice: { type: 'pdf' } });

    // Totals against the limits: Alice's £93.60 of £110 is past 80 %, Ben's £62.40 of £1,000 is not.
    const totals = (await call(campaigner, base)).body.elections.find((e: Json) => e.id === election.id).candidates as Json[];
    expect(totals.map((c) => [c.name, c.totalPence, c.warning])).toEqual([
      ['Alice Ward', 9360, 'approaching'],
      ['Ben Evans', 6240, 'none'],
    ]);

    // The candidate's return: the order's share, its supplier, and the invoice listed.
    const csv = await (await agent.request(`${base}/candidates/${alice.id}/return.csv`)).text();
    expect(csv).toContain(REAL_IMPRINT.printer.name);
    expect(csv).toMatch(/93\.60/);
    const returnPdf = await agent.request(`${base}/candidates/${alice.id}/return.pdf`);
    const text = (await readPdf(Buffer.from(await returnPdf.arrayBuffer()))).text;
    expect(text).toContain('Alice Ward');
    expect(text).toMatch(/93\.60/);
    Object.assign(made, { designId, printerId: printer.body.id, base, electionId: election.id, alice: alice.id, ben: ben.id });
  });

  it("reverses a placed order's spending when it is cancelled, leaving the totals as they were before it", async () => {
    const { designId, printerId, base, electionId, alice, ben } = made as Required<typeof made>;
    const totals = async () => ((await call(agent, base)).body.elections.find((e: Json) => e.id === electionId).candidates as Json[]).map((c) => c.totalPence);
    const before = await totals();
    const drafted = await call(campaigner, '/api/print-orders', { designId, version: 2, printerId, quantity: 5000, stock: '130gsm gloss', deliveryAddress: '5 New Street', neededBy: addDays(londonDate(Date.now()), 7), price: { source: 'table' } });
    const split = { by: 'amount', parts: [{ candidateId: alice, pence: 15000 }, { candidateId: ben, pence: 600 }] };
    await waitForValue('the second order placed', async () => {
      const res = await call(agent, `/api/print-orders/${drafted.body.id}/place`, { spending: { electionId, split } });
      return res.status === 409 && res.body.error.code === 'pdf_not_ready' ? null : res;
    }, RENDERING);
    // Alice's share takes her past her limit: the warning says so.
    const placedTotals = (await call(agent, base)).body.elections.find((e: Json) => e.id === electionId).candidates as Json[];
    expect(placedTotals.map((c) => [c.totalPence, c.warning])).toEqual([
      [before[0] + 15000, 'reached'],
      [before[1] + 600, 'none'],
    ]);
    expect((await call(agent, `/api/print-orders/${drafted.body.id}/cancel`, {})).body.status).toBe('cancelled');
    expect(await totals()).toEqual(before);
    const entries = ((await call(agent, `${base}/entries?electionId=${electionId}`)).body.entries as Json[]).filter((e) => e.printOrderId === drafted.body.id);
    expect(entries.map((e) => [e.status, e.amountPence, e.reason])).toEqual([
      ['reversal', -15600, 'The print order was cancelled'],
      ['corrected', 15600, ''],
    ]);
  });
});
