import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, londonDate } from '../../common/orders/needed-by';
import { CALM } from '../support/calm-probes';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { REAL_IMPRINT, withRealImprint } from '../support/real-imprint';
import type { TestAccount } from '../support/test-client';
import { patient, waitForValue } from '../support/wait-for';
import { seriousAxeViolations } from './support/axe';
import { LAPTOP, launchChromium, newContext, PHONE, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { signIn } from './support/editor-page';
import { sentPast503 } from '../support/sent-past-503';

jest.setTimeout(patient(240_000));

let rosette: RunningRosette;
let browser: Browser;
let contexts: BrowserContext[] = [];
let agentAccount: TestAccount;
let campaignerAccount: TestAccount;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  // No SMTP_URL: the agent is shown the printer's email to copy, as invite links are copied.
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  campaignerAccount = await rosette.createAccount({ organisation: 'Riverside Labour' });
  agentAccount = await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent' });
  const campaigner = await rosette.signedIn(campaignerAccount);
  const agent = await rosette.signedIn(agentAccount);
  expect((await agent.request(`/api/organisations/${agentAccount.orgId}/sign-off`, { method: 'PUT', json: { required: true } })).status).toBe(200);
  // An approved version of a design whose imprint names the printer the agent adds below.
  const template = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: Record<string, unknown> }).design;
  const saved = (await (await campaigner.request('/api/designs', { json: { design: { ...withRealImprint(template), title: 'Bus leaflet' } } })).json()) as { id: string };
  const sent = (await (await sentPast503('the sign-off request', () => campaigner.request('/api/sign-off-requests', { json: { designId: saved.id, version: 1 } }))).json()) as { id: string };
  expect((await agent.request(`/api/sign-off-requests/${sent.id}/approve`, { json: {} })).status).toBe(200);
  // Every placed order is spending of an election: one with two candidates, whom the order screen splits it between evenly.
  const spending = `/api/organisations/${agentAccount.orgId}/spending`;
  const election = (await (await agent.request(`${spending}/elections`, { json: { name: 'Borough council', pollingDay: '2027-05-06' } })).json()) as { id: string };
  for (const name of ['Alice Ward', 'Ben Evans']) expect((await agent.request(`${spending}/elections/${election.id}/candidates`, { json: { name } })).status).toBe(201);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await rosette?.close();
});

/** A signed-in page; `expected` are the refusals the test provokes (a 409 while the PDF is drawn, a 400 for a past date). */
const open = async (viewport: typeof LAPTOP, account: TestAccount, expected: RegExp[] = []): Promise<{ page: Page; errors: string[] }> => {
  const context = await newContext(browser, viewport);
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchForErrors(page, [/status of 409/, ...expected]);
  await signIn(page, rosette.baseUrl, account);
  return { page, errors };
};
const axe = async (page: Page, where: string) => {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  expect(await seriousAxeViolations(page, where)).toEqual([]);
};

describe('printers and print orders in the browser', () => {
  it('an agent adds a printer with a price table; a campaigner drafts an order; the agent places it on a phone, copies the email, and records printing, delivery and the invoice', async () => {
    // The agent, on a desktop: Printers, from the header.
    const { page: desk, errors: deskErrors } = await open(LAPTOP, agentAccount);
    await desk.getByRole('navigation', { name: "Agent's desk" }).getByRole('link', { name: 'Printers' }).click();
    await desk.getByRole('heading', { name: 'Printers', exact: true }).waitFor();
    await desk.getByRole('button', { name: 'Add a printer' }).click();
    await desk.getByLabel('Name, as the imprint gives it').fill(REAL_IMPRINT.printer.name);
    await desk.getByLabel('Address, as the imprint gives it').fill(REAL_IMPRINT.printer.address);
    await desk.getByLabel('Email for orders').fill('orders@riverside-print.example.org');
    await desk.getByRole('button', { name: 'Add a price row' }).click();
    await desk.getByLabel('Stock and finish').fill('130gsm gloss');
    await desk.getByLabel('Copies').fill('5000');
    await desk.getByLabel('Price incl. VAT (£)').fill('-4');
    await desk.getByLabel('of which VAT (£)').fill('26');
    await desk.getByRole('button', { name: 'Add printer' }).click();
    // A price that is not an amount is named at its field, before anything is sent.
    await desk.getByText('write the price in pounds, such as 120.00').waitFor();
    await axe(desk, 'printers form with a problem (desktop)');
    await desk.getByLabel('Price incl. VAT (£)').fill('156.00');
    await desk.getByRole('button', { name: 'Add printer' }).click();
    await desk.getByRole('table', { name: 'Prices (including VAT)' }).waitFor();
    expect(await desk.getByRole('cell', { name: '£156.00' }).count()).toBe(1);
    await axe(desk, 'printers (desktop)');
    await screenshot(desk, 'printers-desktop', true);

    // The campaigner drafts an order of the approved version, from the price table.
    const { page: campaigner, errors: campaignerErrors } = await open(LAPTOP, campaignerAccount, [/status of 400/]);
    await campaigner.getByRole('link', { name: 'Orders' }).click();
    await campaigner.getByRole('heading', { name: 'Print orders', exact: true }).waitFor();
    await campaigner.getByLabel('Design', { exact: true }).selectOption({ label: 'Bus leaflet, version 1 (approved)' });
    await campaigner.getByLabel('Printer', { exact: true }).selectOption({ label: REAL_IMPRINT.printer.name });
    await campaigner.getByLabel('Copies').fill('5000');
    await campaigner.getByLabel('Stock and finish').fill('130gsm gloss');
    await campaigner.getByLabel('Deliver to').fill('5 New Street\nRiverside RV1 1AA');
    // A day in the past is refused, naming the field.
    await campaigner.getByLabel('Needed by (UK date)').fill(addDays(londonDate(Date.now()), -2));
    await campaigner.getByRole('button', { name: 'Save as a draft' }).click();
    await campaigner.getByText(/must be today/).first().waitFor();
    expect(await campaigner.getByLabel('Needed by (UK date)').getAttribute('aria-invalid')).toBe('true');
    await campaigner.getByLabel('Needed by (UK date)').fill(addDays(londonDate(Date.now()), 10));
    await campaigner.getByRole('button', { name: 'Save as a draft' }).click();
    const draft = campaigner.getByRole('article', { name: /5,000 × Bus leaflet/ });
    await draft.getByText('Draft', { exact: true }).waitFor();
    await draft.getByText('£156.00 incl. VAT £26.00 (price table)').waitFor();
    expect(await draft.getByRole('button').count()).toBe(0);
    await axe(campaigner, 'orders with a draft (desktop)');

    // The agent, on a phone, places it: no SMTP server here, so the email is shown to copy.
    const { page: phone, errors: phoneErrors } = await open(PHONE, agentAccount);
    await phone.goto(`${rosette.baseUrl}/#/orders`);
    const order = phone.getByRole('article', { name: /5,000 × Bus leaflet/ });
    // Whose spending it is: the one election, split evenly between its two candidates unless the agent says otherwise.
    await order.getByLabel('Ben Evans, percent of the price').waitFor();
    expect(await order.getByLabel('Alice Ward, percent of the price').inputValue()).toBe('50');
    expect(await order.getByLabel('Ben Evans, percent of the price').inputValue()).toBe('50');
    await waitForValue('the order placed (the PDF ready)', async () => {
      if ((await order.getByText('Placed', { exact: true }).count()) > 0) return true;
      await order.getByRole('button', { name: 'Place order (emails the printer)' }).click();
      await phone.waitForFunction(() => !document.querySelector('article button[disabled]'));
      return false;
    });
    const email = order.getByRole('textbox', { name: /Email to Riverside Print Works/ });
    const text = await email.inputValue();
    expect(text).toMatch(/Print-ready PDF \(with 3 mm bleed\): http:\/\/\S+\/downloads\/[a-f0-9]{64}\.pdf/);
    expect(text).toContain('Deliver to: 5 New Street, Riverside RV1 1AA');
    await axe(phone, 'orders, placed, email to copy (phone)');
    await screenshot(phone, 'orders-placed-phone', true);

    await order.getByRole('button', { name: 'Mark printed' }).click();
    await order.getByText('Printed', { exact: true }).waitFor();
    await order.getByLabel(/Attach the invoice/).setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await order.getByRole('link', { name: 'Open the invoice' }).waitFor();
    await order.getByRole('button', { name: 'Mark delivered' }).click();
    const delivered = phone.getByRole('region', { name: 'Delivered and cancelled' }).getByRole('article', { name: /5,000 × Bus leaflet/ });
    await delivered.getByText('Delivered', { exact: true }).waitFor();
    expect(await delivered.getByRole('button', { name: /Place|Mark|Cancel/ }).count()).toBe(0);
    await axe(phone, 'orders, delivered (phone)');
    await screenshot(phone, 'orders-delivered-phone', true);

    expect([...deskErrors, ...campaignerErrors, ...phoneErrors]).toEqual([]);
  });
});
