import fc from 'fast-check';
import { sql } from 'kysely';
import sharp from 'sharp';
import { priorityOf, routeKindOf } from '../../../server/overload/route-kind';
import { SpendingStore } from '../../../server/spending/spending-store';
import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { readPdf } from '../../support/read-pdf';
import type { TestAccount, TestClient } from '../../support/test-client';
import { addDays, londonDate } from '../../../common/orders/needed-by';
import { REAL_IMPRINT, withRealImprint } from '../../support/real-imprint';

type Json = Record<string, any>;

let rosette: RunningRosette;
let agentAccount: TestAccount;
let agent: TestClient;
let campaigner: TestClient;
let outsiderAgent: TestClient;
let admin: TestClient;
let base: string;
let electionId: string;
let otherElectionId: string;
let alice: string;
let bob: string;
let otherCandidate: string;
let invoiceId: string;

const call = async (client: TestClient, path: string, json?: unknown, method?: string) => {
  const res = await client.request(path, { json, ...(method && { method }) });
  const text = await res.text();
  return { status: res.status, body: (text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text) as Json };
};
const upload = async (client: TestClient, orgPath: string, data: Uint8Array, type = 'application/pdf') => {
  const res = await client.request(`${orgPath}/invoices`, { method: 'POST', body: data as BodyInit, headers: { 'Content-Type': type } });
  return { status: res.status, body: (await res.json()) as Json };
};
/** A one-page PDF, as a supplier's invoice would be. */
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const entry = (overrides: Json = {}): Json => ({
  electionId,
  item: '2,000 A5 leaflets',
  supplierName: 'Riverside Print Works',
  supplierAddress: '14 Dock Street, Riverside RV1 2AB',
  incurredOn: '2026-04-10',
  amountPence: 3001,
  vatPence: 500,
  split: { by: 'percent', parts: [{ percent: 50, candidateId: alice }, { percent: 50, candidateId: bob }] },
  ...overrides,
});
const overview = async (client: TestClient = agent) => (await call(client, base)).body as Json;
const candidateOf = async (id: string, client?: TestClient) => ((await overview(client)).elections as Json[]).flatMap((e) => e.candidates as Json[]).find((c) => c.id === id)!;
const audit = async () => (await call(admin, '/api/admin/audit')).body.entries as Array<{ action: string; actorId: string; targetId: string; details: Json | null }>;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  agentAccount = await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent' });
  agent = await rosette.signedIn(agentAccount);
  campaigner = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  outsiderAgent = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens', role: 'agent' }));
  admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  base = `/api/organisations/${agentAccount.orgId}/spending`;
});
afterAll(async () => {
  await rosette?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe('elections, candidates and limits', () => {
  it('are made by the agent, audited, and read by every account of the organisation', async () => {
    const made = await call(agent, `${base}/elections`, { name: 'Riverside Borough Council', pollingDay: '2026-05-07', kind: 'Local' });
    expect(made.status).toBe(201);
    electionId = made.body.id;
    const a = await call(agent, `${base}/elections/${electionId}/candidates`, { name: 'Alice Ward', limitPence: 10000 });
    const b = await call(agent, `${base}/elections/${electionId}/candidates`, { name: 'Bob Hale' });
    expect([a.status, b.status]).toEqual([201, 201]);
    [alice, bob] = [a.body.id, b.body.id];
    const limit = await call(agent, `${base}/candidates/${bob}/limit`, { limitPence: 5000 }, 'PUT');
    expect(limit.body).toMatchObject({ id: bob, limitPence: 5000 });
    const other = await call(agent, `${base}/elections`, { name: 'County by-election', pollingDay: '2026-09-01' });
    otherElectionId = other.body.id;
    otherCandidate = (await call(agent, `${base}/elections/${otherElectionId}/candidates`, { name: 'Cara Lee' })).body.id;

    const seen = await overview(campaigner);
    expect([seen.currency, seen.canRecord]).toEqual(['GBP', false]);
    expect(seen.elections.map((e: Json) => e.name)).toEqual(['County by-election', 'Riverside Borough Council']);
    expect(seen.elections[1].candidates).toEqual([
      { id: alice, name: 'Alice Ward', limitPence: 10000, totalPence: 0, percentOfLimit: 0, warning: 'none', series: [] },
      { id: bob, name: 'Bob Hale', limitPence: 5000, totalPence: 0, percentOfLimit: 0, warning: 'none', series: [] },
    ]);
    const actions = (await audit()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['election.created', 'election.candidate-added', 'election.limit-set']));
    expect((await audit()).find((e) => e.action === 'election.limit-set' && e.targetId === bob)?.details).toEqual({ from: null, to: 5000 });
  });

  it('refuses bad fields naming them (400), and a campaigner (403)', async () => {
    for (const [path, body, field] of [
      ['/elections', { name: '', pollingDay: '2026-05-07' }, 'name'],
      ['/elections', { name: 'X', pollingDay: '2026-02-30' }, 'pollingDay'],
      [`/elections/${electionId}/candidates`, { name: 'Dee', limitPence: -5 }, 'limitPence'],
      [`/elections/${electionId}/candidates`, { name: 'Dee', limitPence: 12.5 }, 'limitPence'],
    ] as const) {
      const res = await call(agent, `${base}${path}`, body);
      expect([res.status, res.body.error.fields[0].path]).toEqual([400, field]);
    }
    expect((await call(campaigner, `${base}/elections`, { name: 'X', pollingDay: '2026-05-07' })).status).toBe(403);
    expect((await call(campaigner, `${base}/candidates/${alice}/limit`, { limitPence: 1 }, 'PUT')).status).toBe(403);
  });
});

describe('recording spending', () => {
  let firstId: string;

  it('uploads an invoice checked by its content: a PDF or an image, nothing else (415 naming invoice)', async () => {
    const pdf = await upload(agent, base, PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ type: 'pdf', invoiceId: expect.stringMatching(/^[a-f0-9]{64}\.pdf$/) });
    invoiceId = pdf.body.invoiceId;
    const png = await upload(agent, base, new Uint8Array(await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer()), 'application/pdf');
    expect(png.body.type).toBe('png');
    const text = await upload(agent, base, new TextEncoder().encode('<html>%PDF-1.4</html>'), 'application/pdf');
    expect([text.status, text.body.error.fields[0].path]).toEqual([415, 'invoice']);
    expect((await upload(campaigner, base, PDF)).status).toBe(403);
    expect((await upload(outsiderAgent, base, PDF)).status).toBe(404);
  });

  it('splits an entry between two candidates, rounding so the parts add up exactly, and audits it', async () => {
    const res = await call(agent, `${base}/entries`, entry({ paidOn: '2026-04-12', invoiceId }));
    expect(res.status).toBe(201);
    firstId = res.body.id;
    expect(res.body).toMatchObject({ status: 'current', amountPence: 3001, vatPence: 500, invoiceMissing: false, recordedByYou: true, recordedByRole: 'agent', printOrderId: null });
    // 30.01 in halves: the odd penny goes to the first-listed candidate.
    expect(res.body.parts).toEqual([
      { candidateId: alice, candidateName: 'Alice Ward', pence: 1501 },
      { candidateId: bob, candidateName: 'Bob Hale', pence: 1500 },
    ]);
    const invoice = await agent.request(res.body.invoice.url);
    expect([invoice.status, invoice.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(await invoice.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
    expect((await outsiderAgent.request(res.body.invoice.url)).status).toBe(404);
    expect((await audit()).find((e) => e.action === 'spending.recorded' && e.targetId === firstId)).toMatchObject({ actorId: agentAccount.id, details: { amountPence: 3001, election: electionId } });
  });

  it('totals per candidate against the limit, warning at 80 % and at 100 %', async () => {
    expect(await candidateOf(alice)).toMatchObject({ totalPence: 1501, percentOfLimit: 15, warning: 'none' });
    // By amounts, not yet paid and so without its invoice: listed "invoice missing".
    const byAmount = await call(agent, `${base}/entries`, entry({ item: 'Delivery', incurredOn: '2026-04-20', amountPence: 10100, vatPence: 0, split: { by: 'amount', parts: [{ candidateId: alice, pence: 6499 }, { candidateId: bob, pence: 3601 }] } }));
    expect(byAmount.status).toBe(201);
    expect(byAmount.body.invoiceMissing).toBe(true);
    expect(await candidateOf(alice)).toMatchObject({ totalPence: 8000, percentOfLimit: 80, warning: 'approaching' });
    expect(await candidateOf(bob)).toMatchObject({ totalPence: 5101, percentOfLimit: 102, warning: 'reached' });
    // The campaigner reads the totals, and the chart's cumulative figures by day.
    expect((await candidateOf(alice, campaigner)).series).toEqual([
      { day: '2026-04-10', cumulativePence: 1501 },
      { day: '2026-04-20', cumulativePence: 8000 },
    ]);
  });

  it('corrects an entry with a reversal and a replacement, both new entries, never changing the original', async () => {
    const res = await call(agent, `${base}/entries/${firstId}/corrections`, { reason: 'Invoice was for 20.01', replacement: { ...entry({ amountPence: 2001, vatPence: 333, paidOn: '2026-04-12', invoiceId }), electionId: undefined } });
    expect(res.status).toBe(201);
    expect(res.body.reversal).toMatchObject({ status: 'reversal', correctsId: firstId, amountPence: -3001, vatPence: -500, reason: 'Invoice was for 20.01', incurredOn: '2026-04-10' });
    expect(res.body.reversal.parts.map((p: Json) => p.pence)).toEqual([-1501, -1500]);
    expect(res.body.replacement).toMatchObject({ status: 'current', correctsId: firstId, amountPence: 2001 });
    expect(res.body.replacement.parts.map((p: Json) => p.pence)).toEqual([1001, 1000]);
    const listed = (await call(agent, `${base}/entries?electionId=${electionId}`)).body.entries as Json[];
    expect(listed.find((e) => e.id === firstId)).toMatchObject({ status: 'corrected', amountPence: 3001, reversedById: res.body.reversal.id, replacedById: res.body.replacement.id });
    expect(listed).toHaveLength(4);
    expect(await candidateOf(alice)).toMatchObject({ totalPence: 7500, warning: 'none' });
    expect((await audit()).find((e) => e.action === 'spending.corrected')).toMatchObject({ targetId: firstId, details: { reversal: res.body.reversal.id, replacement: res.body.replacement.id } });
    // Once only; a reversal is not corrected itself.
    expect((await call(agent, `${base}/entries/${firstId}/corrections`, { reason: 'again' })).body.error.code).toBe('already_corrected');
    expect((await call(agent, `${base}/entries/${res.body.reversal.id}/corrections`, { reason: 'again' })).body.error.code).toBe('not_correctable');
  });

  it('keeps the ledger append-only in the database: no update, delete or truncate', async () => {
    const db = rosette.db;
    await expect(sql`update spending_entries set amount_pence = 1 where id = ${firstId}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from spending_entry_parts where entry_id = ${firstId}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from spending_invoices`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate spending_entries cascade`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('stores no part for a candidate whose share rounds to nothing', async () => {
    const res = await call(agent, `${base}/entries`, entry({ electionId: otherElectionId, item: 'Stamp', amountPence: 1, vatPence: 0, split: { by: 'percent', parts: [{ candidateId: otherCandidate, percent: 100 }] } }));
    expect(res.status).toBe(201);
    const second = (await call(agent, `${base}/elections/${otherElectionId}/candidates`, { name: 'Dan Roe' })).body.id as string;
    const split = await call(agent, `${base}/entries`, entry({ electionId: otherElectionId, item: 'Stamp', amountPence: 1, vatPence: 0, split: { by: 'percent', parts: [{ candidateId: otherCandidate, percent: 50 }, { candidateId: second, percent: 50 }] } }));
    expect([split.status, split.body.parts]).toEqual([201, [{ candidateId: otherCandidate, candidateName: 'Cara Lee', pence: 1 }]]);
  });

  /** A draft print order of the organisation (a ledger entry names an order that exists: migration 0041), not placed. */
  const draftOrder = async (): Promise<string> => {
    const template = ((await (await agent.request('/api/templates/a6-postcard')).json()) as { design: Json }).design;
    const designId = (await call(agent, '/api/designs', { design: { ...withRealImprint(template), title: 'Posters' } })).body.id as string;
    const printerId = (await call(agent, '/api/printers', { name: REAL_IMPRINT.printer.name, address: REAL_IMPRINT.printer.address, email: 'orders@dockside.example.org', prices: [] })).body.id as string;
    const order = await call(agent, '/api/print-orders', { designId, version: 1, printerId, quantity: 1000, stock: '170gsm silk', deliveryAddress: '1 Quay, Riverside', neededBy: addDays(londonDate(Date.now()), 7), price: { source: 'quote', pricePence: 1000, vatPence: 166 } });
    expect(order.status).toBe(201);
    return order.body.id as string;
  };

  it('records a placed print order through SpendingStore.recordOrder, once per order', async () => {
    const store = new SpendingStore(rosette.db, Date.now);
    const orderId = await draftOrder();
    const order = { orgId: agentAccount.orgId, printOrderId: orderId, accountId: agentAccount.id, electionId, item: '1,000 A4 posters', supplierName: 'Dockside Print', supplierAddress: '1 Quay, Riverside', incurredOn: '2026-04-21', amountPence: 1000, vatPence: 166, split: { by: 'percent' as const, parts: [{ candidateId: alice, percent: 33.33 }, { candidateId: bob, percent: 66.67 }] } };
    const id = await rosette.db.transaction().execute((trx) => store.recordOrder(trx, order));
    const listed = ((await call(agent, `${base}/entries`)).body.entries as Json[]).find((e) => e.id === id)!;
    expect(listed).toMatchObject({ printOrderId: orderId, amountPence: 1000, invoiceMissing: false });
    expect(listed.parts.map((p: Json) => p.pence)).toEqual([333, 667]);
    await expect(rosette.db.transaction().execute((trx) => store.recordOrder(trx, order))).rejects.toMatchObject({ status: 409, code: 'order_recorded' });
    // The printer's invoice arrives with the order (the same file store key scheme), in the order's transaction.
    const key = `invoices/${invoiceId}`;
    expect(await rosette.db.transaction().execute((trx) => store.attachOrderInvoice(agentAccount.orgId, orderId, key, agentAccount.id, trx))).toBe(id);
    const attached = ((await call(agent, `${base}/entries`)).body.entries as Json[]).find((e) => e.id === id)!;
    expect(attached.invoice).toEqual({ url: `${base}/entries/${id}/invoice`, type: 'pdf' });
    await expect(store.attachOrderInvoice(agentAccount.orgId, orderId, key, agentAccount.id)).rejects.toMatchObject({ status: 409, code: 'invoice_attached' });
    expect(await store.attachOrderInvoice(agentAccount.orgId, 'e'.repeat(32), key, agentAccount.id)).toBeNull();
    const another = await draftOrder();
    await expect(rosette.db.transaction().execute((trx) => store.recordOrder(trx, { ...order, printOrderId: another, split: { by: 'percent', parts: [{ candidateId: alice, percent: 60 }] } }))).rejects.toMatchObject({ status: 400, fields: [{ path: 'split.parts' }] });
  });
});

describe('bad input: each a 4xx naming the field', () => {
  it('refuses splits that do not add up, bad amounts, VAT over the amount, unknown candidates and dates', async () => {
    const cases: Array<[Json, string]> = [
      [{ split: { by: 'percent', parts: [{ candidateId: alice, percent: 50 }, { candidateId: bob, percent: 40 }] } }, 'split.parts'],
      [{ split: { by: 'amount', parts: [{ candidateId: alice, pence: 1000 }, { candidateId: bob, pence: 1000 }] } }, 'split.parts'],
      [{ split: { by: 'percent', parts: [{ candidateId: alice, percent: 33.333 }, { candidateId: bob, percent: 66.667 }] } }, 'split.parts[0].percent'],
      [{ split: { by: 'percent', parts: [{ candidateId: alice, percent: 50 }, { candidateId: alice, percent: 50 }] } }, 'split.parts[1].candidateId'],
      [{ split: { by: 'thirds', parts: [] } }, 'split.by'],
      [{ amountPence: -100 }, 'amountPence'],
      [{ amountPence: 0 }, 'amountPence'],
      [{ amountPence: 1_000_000_000 }, 'amountPence'],
      [{ amountPence: 10.5 }, 'amountPence'],
      [{ amountPence: '3001' }, 'amountPence'],
      [{ vatPence: 4000 }, 'vatPence'],
      [{ vatPence: -1 }, 'vatPence'],
      [{ split: { by: 'percent', parts: [{ candidateId: 'a'.repeat(32), percent: 100 }] } }, 'split.parts[0].candidateId'],
      [{ split: { by: 'percent', parts: [{ candidateId: otherCandidate, percent: 100 }] } }, 'split.parts[0].candidateId'],
      [{ electionId: 'a'.repeat(32) }, 'electionId'],
      [{ incurredOn: '2026-13-01' }, 'incurredOn'],
      [{ incurredOn: '2999-01-01' }, 'incurredOn'],
      [{ item: '' }, 'item'],
      [{ supplierName: 'Print\u0000Works' }, 'supplierName'],
      [{ supplierAddress: 'x'.repeat(501) }, 'supplierAddress'],
      [{ invoiceId: 'invoice.pdf' }, 'invoiceId'],
      [{ invoiceId: `${'0'.repeat(64)}.pdf` }, 'invoiceId'],
      // A payment of £20 or more needs its invoice.
      [{ paidOn: '2026-04-12' }, 'invoiceId'],
    ];
    const wrong: string[] = [];
    for (const [overrides, field] of cases) {
      const res = await call(agent, `${base}/entries`, entry(overrides));
      if (res.status !== 400 || res.body.error?.fields?.[0]?.path !== field) wrong.push(`${JSON.stringify(overrides)}: ${res.status} ${JSON.stringify(res.body.error?.fields)}`);
    }
    expect(wrong).toEqual([]);
    const correction = await call(agent, `${base}/entries/${'a'.repeat(32)}/corrections`, { reason: '' });
    expect(correction.body.error.fields[0].path).toBe('reason');
  });
});

describe('access', () => {
  it('lets a campaigner read totals but not record, nor read entries, invoices or exports (403)', async () => {
    expect((await call(campaigner, base)).status).toBe(200);
    expect((await call(campaigner, `${base}/entries`, entry())).status).toBe(403);
    expect((await call(campaigner, `${base}/entries`)).status).toBe(403);
    expect((await call(campaigner, `${base}/candidates/${alice}/return.csv`)).status).toBe(403);
  });

  it("shows another organisation's agent nothing (404), and lets an admin in", async () => {
    for (const [path, json, method] of [
      [base, undefined, 'GET'],
      [`${base}/entries`, undefined, 'GET'],
      [`${base}/entries`, entry(), 'POST'],
      [`${base}/elections`, { name: 'Mine now', pollingDay: '2026-05-07' }, 'POST'],
      [`${base}/candidates/${alice}/return.pdf`, undefined, 'GET'],
    ] as const) {
      const res = await call(outsiderAgent, path, json, method);
      expect([path, method, res.status]).toEqual([path, method, 404]);
      expect(JSON.stringify(res.body)).not.toContain('Alice');
    }
    const theirs = `/api/organisations/${(await call(outsiderAgent, '/api/session')).body.account.organisationId}/spending`;
    expect((await call(outsiderAgent, `${theirs}/candidates/${alice}/limit`, { limitPence: 1 }, 'PUT')).status).toBe(404);
    expect((await call(admin, base)).body.canRecord).toBe(true);
    expect((await call(admin, `/api/organisations/${'0'.repeat(32)}/spending`)).status).toBe(404);
  });

  it('is signed-in work under overload: shed after anonymous traffic, before downloads', () => {
    expect(routeKindOf('GET', `${base}`)).toBe('apiRead');
    expect(routeKindOf('POST', `${base}/entries`)).toBe('apiWrite');
    expect(routeKindOf('POST', `${base}/invoices`)).toBe('apiWrite');
    expect(priorityOf('apiWrite', 'signedIn')).toBeGreaterThan(priorityOf('page', 'anonymous'));
    expect(priorityOf('apiWrite', 'signedIn')).toBeLessThan(priorityOf('download', 'anonymous'));
  });
});

describe('the candidate\'s return', () => {
  it('exports CSV with the totals right, each item and its invoice, formulas disarmed', async () => {
    await call(agent, `${base}/entries`, entry({ item: '=HYPERLINK("http://evil")', supplierName: '+44 Print', incurredOn: '2026-04-22', amountPence: 1000, vatPence: 0, split: { by: 'percent', parts: [{ candidateId: alice, percent: 100 }] } }));
    const res = await agent.request(`${base}/candidates/${alice}/return.csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="spending-return-Alice-Ward.csv"');
    const rows = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toMatch(/^Reference,Date incurred,Date paid,Item,Supplier,Supplier address,Amount incl\. VAT \(GBP\),VAT \(GBP\),Share of Alice Ward \(GBP\),Invoice,Note$/);
    // 30.01 halves (reversed), 20.01 halves, 101.00 by amounts, 10.00 order at 33.33 %, 10.00 alone: 15.01 - 15.01 + 10.01 + 64.99 + 3.33 + 10.00.
    expect(rows.find((r) => r.startsWith('Total'))).toBe('Total,,,,,,,,88.33,,');
    expect(rows.find((r) => r.startsWith('Limit'))).toBe('Limit,,,,,,,,100.00,,');
    expect(rows.some((r) => r.includes(`"'=HYPERLINK(""http://evil"")"`) && r.includes("'+44 Print"))).toBe(true);
    expect(rows.filter((r) => r.includes(invoiceId))).toHaveLength(3);
    expect(rows.some((r) => r.includes('-15.01') && r.includes('Reverses'))).toBe(true);
    expect(rows.find((r) => r.includes('Delivery'))).toContain('missing');
  });

  it('exports a PDF with the same totals and the invoices listed, and nothing personal in its metadata but the title', async () => {
    const res = await agent.request(`${base}/candidates/${bob}/return.pdf`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const facts = await readPdf(Buffer.from(await res.arrayBuffer()));
    const text = facts.text.replace(/\s+/g, ' ');
    // 15.00 - 15.00 + 10.00 + 36.01 + 6.67.
    expect(text).toContain('Spending return: Bob Hale');
    expect(text).toContain('Total spent: £52.68 of a limit of £50.00 (Limit reached)');
    expect(text).toContain('Total: £52.68');
    expect(text).toContain('INVOICE MISSING');
    expect(text).toContain('Amount -£30.01 (VAT -£5.00); share of this candidate -£15.00');
    expect(text).toMatch(/Invoices .*: [a-f0-9]{64}\.pdf/);
    expect(facts.info.Title).toBe('Spending return: Bob Hale, Riverside Borough Council');
    expect(facts.info.Author).toBeUndefined();
    expect(facts.info.Subject).toBeUndefined();
    expect(facts.info.Keywords).toBeUndefined();
  });
});

describe('hostile input', () => {
  it('never gets a 5xx: an entry with one field replaced by anything, or any JSON at all, at every write', async () => {
    const anything = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1 + 0.2, '', '\u0000', 'a'.repeat(5000), '2026-02-29', '9999-12-31', '0000-01-01', '1e3', '33.333'));
    const fields = ['electionId', 'item', 'supplierName', 'supplierAddress', 'incurredOn', 'paidOn', 'amountPence', 'vatPence', 'invoiceId', 'split', 'by', 'parts', 'percent', 'pence', 'candidateId'];
    const wrong: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), anything, fc.constantFrom('entries', 'corrections', 'elections', 'limit'), async (field, value, where) => {
        const valid = entry({ paidOn: null });
        const body: Json = field in valid ? { ...valid, [field]: value } : { ...valid, split: { ...valid.split, [field === 'by' ? 'by' : 'parts']: field === 'by' ? value : [{ candidateId: alice, percent: 100, [field]: value }] } };
        const [path, json, method] =
          where === 'entries'
            ? [`${base}/entries`, body, 'POST']
            : where === 'corrections'
              ? [`${base}/entries/${'a'.repeat(32)}/corrections`, { reason: value, replacement: body }, 'POST']
              : where === 'elections'
                ? [`${base}/elections`, { name: value, pollingDay: value, kind: value }, 'POST']
                : [`${base}/candidates/${alice}/limit`, { limitPence: value }, 'PUT'];
        const res = await call(agent, path, json, method);
        if (res.status >= 500) wrong.push(`${where} ${field}=${JSON.stringify(value)?.slice(0, 80)}: ${res.status}`);
      }),
      { numRuns: 150 },
    );
    expect(wrong).toEqual([]);
    // The limit the fuzzer may have set is put back for the tests that follow.
    expect((await call(agent, `${base}/candidates/${alice}/limit`, { limitPence: 10000 }, 'PUT')).status).toBe(200);
  });
});
