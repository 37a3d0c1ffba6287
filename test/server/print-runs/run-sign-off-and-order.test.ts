import sharp from 'sharp';
import type { FileStore } from '../../../common/node/file-store';
import { addDays, londonDate } from '../../../common/orders/needed-by';
import { assetKey } from '../../../common/queue/names';
import { callJson, type JsonAnswer } from '../../support/call-json';
import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { recordedLeaks } from '../../support/leak-watch';
import { readPdf } from '../../support/read-pdf';
import { REAL_IMPRINT, withRealImprint } from '../../support/real-imprint';
import type { TestAccount, TestClient } from '../../support/test-client';
import { startTestSmtp, type TestSmtp } from '../../support/test-smtp';
import { patient, waitForValue } from '../../support/wait-for';
import { hidingReads } from '../../support/hiding-store';

type Json = Record<string, any>;

/**
 * Issue 16's agent's desk for a print run, through the API with real PostgreSQL and Redis: one sign-off
 * of the master version with its variant table, one order of the whole run with a quantity per version
 * (priced version by version from the printer's table), one email to the printer with the combined PDF
 * and the ZIP, one ledger entry, reversed on cancelling; and what is refused, naming the field.
 */
const WARDS = ['Abbey', 'Brunswick', 'Castle'];
const FIELDS = [
  { key: 'ward', label: 'Ward', page: 0, elementId: 'vote' },
  { key: 'candidate', label: "Candidate's name", page: 0, elementId: 'headline' },
];
const CONFIRM = { confirm: { unchangedTemplateText: true } };
const PRINTER_EMAIL = 'orders@riverside-print.example.org';
const STOCK = '130gsm gloss';
/** The printer's A5 steps: 500 for £48 (VAT £8), 1,000 for £72 (VAT £12). */
const PRICES = [
  { format: 'A5', stock: STOCK, quantity: 500, pricePence: 4800, vatPence: 800 },
  { format: 'A5', stock: STOCK, quantity: 1000, pricePence: 7200, vatPence: 1200 },
];

/** Asset files the worker cannot read while listed here: a run whose renders fail until they are back (a run that is not done). */
const hidden = new Set<string>();
const hiding = (store: FileStore): FileStore => hidingReads(store, (key) => hidden.has(key));

let smtp: TestSmtp;
let rosette: RunningRosette;
let campaigner: TestClient;
let agentAccount: TestAccount;
let agent: TestClient;
let outsider: TestClient;
let template: Json;
let printerId: string;
let electionId: string;
let candidateId: string;
/** The approved run of the first case, used again by the later ones. */
const made: { designId?: string; runId?: string } = {};

const call = callJson;
const neededBy = () => addDays(londonDate(Date.now()), 7);
const rowsOf = (wards: readonly string[]) => wards.map((w, i) => ({ ward: `Vote in ${w} on 7 May`, candidate: `Candidate ${i + 1}` }));
const withTable = async (title: string, rows: Json[], fields: Json[] = FIELDS) => {
  const saved = await call(campaigner, '/api/designs', { design: { ...withRealImprint(template), title } });
  expect(saved.status).toBe(201);
  expect((await call(campaigner, `/api/designs/${saved.body.id}/variants`, { fields, rows }, 'PUT')).status).toBe(200);
  return saved.body.id as string;
};
/** Started again on 503 (the queue did not take the flow within its bound on a busy machine), as the screen does after Retry-After. */
const startRun = (designId: string) =>
  waitForValue('a run accepted', async () => {
    const res = await call(campaigner, `/api/designs/${designId}/runs`, CONFIRM);
    if (res.status === 503) return null;
    expect(res.status).toBe(202);
    return res.body;
  });
const waitForDone = (runId: string) =>
  waitForValue(`run ${runId} done`, async () => {
    const { body } = await call(campaigner, `/api/runs/${runId}`);
    return body.status === 'done' ? body : null;
  }, { timeoutMs: patient(60_000), everyMs: 100 });
const orderBody = (overrides: Json = {}) => ({ printerId, quantity: 500, stock: STOCK, deliveryAddress: '5 New Street\nRiverside RV1 1AA', neededBy: neededBy(), price: { source: 'table' }, ...overrides });
const fieldsOf = (res: JsonAnswer) => [res.status, res.body.error?.code, (res.body.error?.fields ?? []).map((f: Json) => f.path)];

beforeAll(async () => {
  smtp = await startTestSmtp();
  rosette = await startRosette({ SMTP_URL: smtp.url, MAIL_FROM: 'Rosette <rosette@example.org>', PUBLIC_URL: 'https://print.example.org' }, undefined, { ...CALM, wrapStore: hiding });
  campaigner = await rosette.signedIn(await rosette.createAccount({ organisation: 'Riverside Labour' }));
  agentAccount = await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent', email: 'run-agent@example.org' });
  agent = await rosette.signedIn(agentAccount);
  outsider = await rosette.signedIn(await rosette.createAccount({ organisation: 'Hillside Greens', role: 'agent' }));
  template = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: Json }).design;
  expect((await call(agent, `/api/organisations/${agentAccount.orgId}/sign-off`, { required: true }, 'PUT')).status).toBe(200);
  const printer = await call(agent, '/api/printers', { name: REAL_IMPRINT.printer.name, address: REAL_IMPRINT.printer.address, email: PRINTER_EMAIL, prices: PRICES });
  expect(printer.status).toBe(201);
  printerId = printer.body.id;
  const base = `/api/organisations/${agentAccount.orgId}/spending`;
  electionId = (await call(agent, `${base}/elections`, { name: 'Borough council', pollingDay: addDays(londonDate(Date.now()), 150) })).body.id;
  candidateId = (await call(agent, `${base}/elections/${electionId}/candidates`, { name: 'Alice Ward', limitPence: 100_000 })).body.id;
}, patient(30_000));
afterAll(async () => {
  await rosette?.close();
  await smtp?.close();
  expect(recordedLeaks()).toEqual([]);
});

describe("a print run at the agent's desk", () => {
  it('is signed off once (the version with its table) and ordered once, a quantity per version, one email and one ledger entry', async () => {
    const designId = await withTable('Ward newsletter', rowsOf(WARDS));
    const run = await waitForDone((await startRun(designId)).id);
    expect(run.tableHash).toMatch(/^[a-f0-9]{64}$/);
    expect(run.signOff).toBeNull();

    // Not approved yet: the order is refused, naming the run.
    expect(fieldsOf(await call(agent, `/api/runs/${run.id}/orders`, orderBody()))).toEqual([422, 'sign_off_required', ['run']]);

    // Sent once for every version; the agent sees the versions and the combined PDF, and approves.
    const sent = await call(campaigner, `/api/runs/${run.id}/sign-off`, { note: 'Three wards' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ designId, version: 1, status: 'pending', proofJobId: null, run: { id: run.id, tableHash: run.tableHash } });
    expect((await smtp.mailTo('run-agent@example.org')).text).toContain('with its variant table');
    expect((await call(campaigner, `/api/runs/${run.id}`)).body.signOff).toMatchObject({ id: sent.body.id, status: 'pending', sentByYou: true });
    const detail = (await call(agent, sent.body.url)).body;
    expect(detail.run).toMatchObject({ id: run.id, tableHash: run.tableHash, combinedUrl: run.combined.url });
    expect(detail.run.versions.map((v: Json) => v.label)).toEqual(WARDS.map((w) => `Vote in ${w} on 7 May`));
    expect((await call(agent, `/api/sign-off-requests/${sent.body.id}/approve`, {})).body.status).toBe('approved');
    expect((await call(campaigner, `/api/runs/${run.id}`)).body.signOff).toMatchObject({ status: 'approved' });
    // Approved once: sending it again is refused; the master alone is not approved by it.
    expect(fieldsOf(await call(campaigner, `/api/runs/${run.id}/sign-off`, {}))[1]).toBe('already_sent');
    const single = await call(campaigner, '/api/print-orders', { designId, version: 1, printerId, quantity: 500, stock: STOCK, deliveryAddress: '5 New Street', neededBy: neededBy(), price: { source: 'table' } });
    expect(fieldsOf(single)).toEqual([422, 'sign_off_required', ['version']]);

    // One order: 500 of each ward but Brunswick, which wants 1,000; priced per version from the table.
    const drafted = await call(campaigner, `/api/runs/${run.id}/orders`, orderBody({ quantities: [{ n: 1, quantity: 1000 }] }));
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({ status: 'draft', quantity: 2000, pricePence: 4800 + 7200 + 4800, vatPence: 800 + 1200 + 800, priceSource: 'table', pdfUrl: null, run: { id: run.id, zipUrl: null } });
    expect(drafted.body.run.versions).toEqual([
      { n: 0, label: 'Vote in Abbey on 7 May', quantity: 500 },
      { n: 1, label: 'Vote in Brunswick on 7 May', quantity: 1000 },
      { n: 2, label: 'Vote in Castle on 7 May', quantity: 500 },
    ]);
    // Placed by the agent, as any order: the split says whose spending it is.
    const placed = await call(agent, `${drafted.body.url}/place`, { spending: { electionId, split: { by: 'percent', parts: [{ candidateId, percent: 100 }] } } });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ status: 'placed', pdfUrl: `https://print.example.org${run.combined.url}` });
    expect(placed.body.run.zipUrl).toMatch(/^https:\/\/print\.example\.org\/downloads\/[a-f0-9]{64}\.zip$/);

    // One email to the printer: every version's copies, the combined PDF and the ZIP, both reachable without an account.
    const mail = await smtp.mailTo(PRINTER_EMAIL);
    expect(mail.subject).toContain('in 3 versions');
    expect(mail.text).toContain('Quantity: 2,000 in all');
    expect(mail.text).toContain('2. Vote in Brunswick on 7 May: 1,000');
    expect(smtp.received.filter((m) => m.to.includes(PRINTER_EMAIL))).toHaveLength(1);
    const pdfLink = /https:\/\/print\.example\.org(\/downloads\/[a-f0-9]{64}\.pdf)/.exec(mail.text)![1]!;
    const zipLink = /https:\/\/print\.example\.org(\/downloads\/[a-f0-9]{64}\.zip)/.exec(mail.text)![1]!;
    const combined = await readPdf(Buffer.from(await (await fetch(rosette.baseUrl + pdfLink)).arrayBuffer()));
    expect(combined.info.Pages).toBe(String(2 * WARDS.length));
    const zip = await fetch(rosette.baseUrl + zipLink);
    expect([zip.status, zip.headers.get('content-type')]).toEqual([200, 'application/zip']);
    expect(Buffer.from(await zip.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK');

    // One ledger entry for the whole run.
    const entries = (await call(agent, `/api/organisations/${agentAccount.orgId}/spending/entries?electionId=${electionId}`)).body.entries as Json[];
    const ofOrder = entries.filter((e) => e.printOrderId === drafted.body.id);
    expect(ofOrder.map((e) => [e.amountPence, e.vatPence, e.item])).toEqual([[16800, 2800, '2,000 copies of “Ward newsletter” in 3 versions (130gsm gloss)']]);
    Object.assign(made, { designId, runId: run.id });
  });

  it("reverses a placed run order's spending when it is cancelled, as a single order's", async () => {
    const drafted = await call(agent, `/api/runs/${made.runId}/orders`, orderBody({ quantity: 1000 }));
    expect(drafted.body).toMatchObject({ quantity: 3000, pricePence: 3 * 7200 });
    expect((await call(agent, `${drafted.body.url}/place`, { spending: { electionId, split: { by: 'percent', parts: [{ candidateId, percent: 100 }] } } })).body.status).toBe('placed');
    expect((await call(agent, `${drafted.body.url}/cancel`, {})).body.status).toBe('cancelled');
    const entries = ((await call(agent, `/api/organisations/${agentAccount.orgId}/spending/entries?electionId=${electionId}`)).body.entries as Json[]).filter((e) => e.printOrderId === drafted.body.id);
    expect(entries.map((e) => [e.status, e.amountPence])).toEqual([
      ['reversal', -21600],
      ['corrected', 21600],
    ]);
  });

  it('refuses bad quantities, naming the field', async () => {
    const order = (body: Json) => call(agent, `/api/runs/${made.runId}/orders`, orderBody(body));
    expect(fieldsOf(await order({ quantities: [{ n: 3, quantity: 500 }] }))).toEqual([422, 'unknown_version', ['quantities[0].n']]);
    expect(fieldsOf(await order({ quantities: [{ n: 0, quantity: 0 }] }))).toEqual([400, 'invalid_request', ['quantities[0].quantity']]);
    expect(fieldsOf(await order({ quantity: -500 }))).toEqual([400, 'invalid_request', ['quantity']]);
    expect(fieldsOf(await order({ quantities: [{ n: 1, quantity: 500 }, { n: 1, quantity: 1000 }] }))).toEqual([400, 'invalid_request', ['quantities[1].n']]);
    expect(fieldsOf(await order({ quantity: undefined, quantities: [{ n: 0, quantity: 500 }] }))).toEqual([400, 'invalid_request', ['quantity']]);
    expect(fieldsOf(await order({ quantities: [{ n: 2, quantity: 700 }] }))).toEqual([422, 'no_table_price', ['quantities[0].quantity']]);
    // Another organisation's run is not found, whoever asks.
    expect((await call(outsider, `/api/runs/${made.runId}/orders`, orderBody())).status).toBe(404);
    expect((await call(outsider, `/api/runs/${made.runId}/sign-off`, {})).status).toBe(404);
  });

  it('is not covered once the table changes: a run of the new table must be signed off before it is ordered', async () => {
    const { designId } = made as Required<typeof made>;
    const wards = [...WARDS];
    wards[2] = 'Castle Hill';
    expect((await call(campaigner, `/api/designs/${designId}/variants`, { fields: FIELDS, rows: rowsOf(wards) }, 'PUT')).status).toBe(200);
    const run = await waitForDone((await startRun(designId)).id);
    expect(run.signOff).toBeNull();
    expect(fieldsOf(await call(agent, `/api/runs/${run.id}/orders`, orderBody()))).toEqual([422, 'sign_off_required', ['run']]);
    const sent = await call(campaigner, `/api/runs/${run.id}/sign-off`, {});
    expect((await call(agent, `/api/sign-off-requests/${sent.body.id}/approve`, {})).body.status).toBe('approved');
    expect((await call(agent, `/api/runs/${run.id}/orders`, orderBody())).status).toBe(201);
  });

  it('refuses a run that is not done, for sign-off and for an order', async () => {
    const jpeg = await sharp({ create: { width: 1800, height: 700, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const upload = await campaigner.request('/api/assets', { method: 'POST', body: new Uint8Array(jpeg) as BodyInit, headers: { 'Content-Type': 'image/jpeg' } });
    const photo = ((await upload.json()) as { id: string }).id;
    // The worker cannot read the photo: the renders fail, the run is never done until it is back.
    hidden.add(assetKey(photo, 'jpg'));
    try {
      const fields = [...FIELDS, { key: 'photo', label: 'Photo', page: 0, elementId: 'photo' }];
      const designId = await withTable('Never done', rowsOf(WARDS).map((r) => ({ ...r, photo })), fields);
      const run = await startRun(designId);
      expect(fieldsOf(await call(campaigner, `/api/runs/${run.id}/sign-off`, {}))).toEqual([409, 'run_not_done', ['run']]);
      expect(fieldsOf(await call(agent, `/api/runs/${run.id}/orders`, orderBody()))).toEqual([409, 'run_not_done', ['run']]);
    } finally {
      hidden.clear();
    }
  });
});
