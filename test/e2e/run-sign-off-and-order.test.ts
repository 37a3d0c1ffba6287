import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, londonDate } from '../../common/orders/needed-by';
import { CALM } from '../support/calm-probes';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { REAL_IMPRINT, withRealImprint } from '../support/real-imprint';
import type { TestAccount } from '../support/test-client';
import { patient } from '../support/wait-for';
import { seriousAxeViolations } from './support/axe';
import { launchChromium, newContext, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { signIn } from './support/editor-page';

jest.setTimeout(patient(120_000));

/** Where the lead looks at this screen's pictures (besides the suite's own screenshots folder). */
const SHOTS = process.env.ROSETTE_SHOTS_DIR;
const shoot = async (page: Page, name: string) => {
  const file = await screenshot(page, name, true);
  if (SHOTS) fs.copyFileSync(file, path.join(SHOTS, `${name}.png`));
};

const WARDS = ['Abbey', 'Brunswick', 'Castle'];
const FIELDS = [{ key: 'ward', label: 'Ward', page: 0, elementId: 'vote' }];

let rosette: RunningRosette;
let browser: Browser;
let campaigner: TestAccount;
let agent: TestAccount;
let designId: string;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  campaigner = await rosette.createAccount({ organisation: 'Riverside Labour (run order)' });
  agent = await rosette.createAccount({ organisation: 'Riverside Labour (run order)', role: 'agent' });
  const client = await rosette.signedIn(campaigner);
  const agentClient = await rosette.signedIn(agent);
  expect((await agentClient.request(`/api/organisations/${agent.orgId}/sign-off`, { method: 'PUT', json: { required: true } })).status).toBe(200);
  const prices = [500, 1000].map((quantity) => ({ format: 'A5', stock: '130gsm gloss', quantity, pricePence: quantity === 500 ? 4800 : 7200, vatPence: quantity === 500 ? 800 : 1200 }));
  expect((await agentClient.request('/api/printers', { json: { name: REAL_IMPRINT.printer.name, address: REAL_IMPRINT.printer.address, email: 'orders@riverside-print.example.org', prices } })).status).toBe(201);
  const template = ((await (await client.request('/api/templates/a5-flyer')).json()) as { design: Record<string, unknown> }).design;
  designId = ((await (await client.request('/api/designs', { json: { design: { ...withRealImprint(template), title: 'Ward newsletter' } } })).json()) as { id: string }).id;
  const rows = WARDS.map((w) => ({ ward: `Vote in ${w} on 7 May` }));
  expect((await client.request(`/api/designs/${designId}/variants`, { method: 'PUT', json: { fields: FIELDS, rows } })).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await rosette?.close();
});

/**
 * Prints every version from the Versions screen (confirming the template's words) and waits for the run
 * to be done; `whilePrinting` runs once the run has started.
 */
async function printEveryVersion(page: Page, whilePrinting: () => Promise<void> = async () => undefined): Promise<void> {
  await page.goto(`${rosette.baseUrl}/#/variants/${designId}`);
  await page.getByRole('button', { name: 'Print every version' }).click();
  await page.getByRole('button', { name: 'Print with the template’s words' }).click();
  await whilePrinting();
  await page.getByText('All 3 versions are printed.').waitFor({ timeout: patient(60_000) });
}

/**
 * Makes the screen's first read of the run's progress answer 503 (as a busy or closed service does), and
 * holds every later read until `release` is called. Returns `release`.
 */
async function failFirstProgressRead(page: Page): Promise<() => void> {
  let reads = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/api\/runs\/[^/?]+$/, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    if (reads++ === 0) {
      return route.fulfill({ status: 503, headers: { 'Retry-After': '1' }, contentType: 'application/json', body: JSON.stringify({ error: { code: 'overloaded', message: 'Rosette is busy' } }) });
    }
    await released;
    return route.continue();
  });
  return release;
}

describe("a print run at the agent's desk, on the Versions screen", () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  afterEach(async () => {
    expect(errors).toEqual([]);
    await context?.close();
  });

  it('lets the campaigner send the run for sign-off once, for every version, after following the run through a moment of 503', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    errors = watchForErrors(page, [/status of 422/, /status of 503/]);
    await signIn(page, rosette.baseUrl, campaigner);
    const release = await failFirstProgressRead(page);
    await printEveryVersion(page, async () => {
      // A read that fails for a moment is said, and the run is read again (once, the screen stopped following).
      await page.getByText('Rosette is not answering for a moment; the run goes on in the print queue.').waitFor();
      release();
    });
    await page.getByText('One sign-off covers every version').waitFor();
    await page.getByRole('button', { name: 'Send this run for sign-off' }).click();
    await page.getByText('Waiting for your agent: version 1 of the design with this variant table').waitFor();
    // No order before the approval.
    expect(await page.getByRole('button', { name: 'Order every version' }).count()).toBe(0);
  });

  it("lets the agent approve it there and prepare one order with a quantity per version", async () => {
    context = await newContext(browser);
    page = await context.newPage();
    errors = watchForErrors(page, [/status of 422/]);
    await signIn(page, rosette.baseUrl, agent);
    // The same version and table print the same run: the campaigner's request shows with it.
    await printEveryVersion(page);
    await page.getByRole('button', { name: 'Approve every version' }).click();
    await page.getByText('Approved: version 1 of the design with this variant table').waitFor();
    await page.getByRole('button', { name: 'Order every version' }).click();
    await page.getByLabel('Stock and finish').selectOption('130gsm gloss');
    await page.getByLabel('Copies of Vote in Brunswick on 7 May').fill('1000');
    await page.getByLabel('Deliver to').fill('5 New Street\nRiverside RV1 1AA');
    await page.getByLabel('Needed by (UK date)').fill(addDays(londonDate(Date.now()), 7));
    await page.getByText('Copies per version (2,000 in all)').waitFor();
    expect(await seriousAxeViolations(page, 'the run order form')).toEqual([]);
    await shoot(page, 'runorder-order-form');
    await page.getByRole('button', { name: 'Prepare the order' }).click();
    await page.getByText('Prepared: 2,000 copies in 3 versions').waitFor();
    await page.getByText('£168.00 including VAT of £28.00').waitFor();
    await shoot(page, 'runorder-prepared');
    // On the Print orders screen, where it is placed as any order: its versions listed.
    await page.getByRole('link', { name: 'Place the order' }).click();
    await page.getByText('3 versions of one print run, 2,000 copies in all').click();
    await page.getByText('Vote in Brunswick on 7 May: 1,000').waitFor();
    await shoot(page, 'runorder-orders-screen');
  });

  it('lists the run once in the print history, with its combined PDF, its ZIP and a way to its versions', async () => {
    context = await newContext(browser);
    page = await context.newPage();
    errors = watchForErrors(page);
    await signIn(page, rosette.baseUrl, campaigner);
    await page.goto(`${rosette.baseUrl}/#/history`);
    // The campaigner's run and the agent's (each "Print every version" is a run), each listed once: its versions are not listed besides.
    const runs = page.getByRole('article', { name: 'Ward newsletter: print run of 3 versions' });
    await runs.nth(1).waitFor();
    expect(await page.getByRole('heading', { name: /Ward newsletter/ }).count()).toBe(2);
    const item = runs.filter({ has: page.getByText('You', { exact: true }) });
    await item.getByText('Ready').waitFor();
    await item.getByRole('link', { name: 'Combined PDF for the printer of “Ward newsletter”' }).waitFor();
    await item.getByRole('link', { name: 'ZIP of every version of “Ward newsletter”' }).waitFor();
    expect(await seriousAxeViolations(page, 'the print history with a run')).toEqual([]);
    await shoot(page, 'runorder-history');
    await item.getByRole('link', { name: 'Open its versions' }).click();
    await page.getByRole('button', { name: 'Print every version' }).waitFor();
  });
});
