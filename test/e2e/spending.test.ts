import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CALM } from '../support/calm-probes';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import type { TestAccount } from '../support/test-client';
import { patient } from '../support/wait-for';
import { LAPTOP, launchChromium, newContext, PHONE, screenshot, watchForErrors } from './support/browser';
import { seriousAxeViolations } from './support/axe';
import { buildClientIfStale } from './support/build-client';
import { signIn } from './support/editor-page';

jest.setTimeout(patient(240_000));

/** A supplier's invoice, as the agent picks it from their phone. */
const INVOICE = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let rosette: RunningRosette;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let agent: TestAccount;
let campaigner: TestAccount;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  agent = await rosette.createAccount({ organisation: 'Riverside Labour', role: 'agent' });
  campaigner = await rosette.createAccount({ organisation: 'Riverside Labour' });
  context = await newContext(browser, PHONE);
  page = await context.newPage();
  errors = watchForErrors(page);
  await signIn(page, rosette.baseUrl, agent);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await rosette?.close();
});

const totalOf = (name: string) => page.locator('.spending-total', { hasText: name });

describe('the spending ledger on a phone', () => {
  it('lets the agent add an election, its candidates and a limit from the header\'s Spending link', async () => {
    await page.getByRole('link', { name: 'Spending' }).click();
    await page.getByRole('heading', { name: 'Spending', exact: true }).waitFor();
    await page.getByText('No elections yet.').waitFor();
    await page.getByText('Add an election').click();
    await page.getByLabel('Election', { exact: true }).fill('Riverside Borough Council');
    await page.getByLabel('Polling day').fill('2026-05-07');
    await page.getByRole('button', { name: 'Add election' }).click();
    await page.getByRole('heading', { name: 'Riverside Borough Council' }).waitFor();
    for (const name of ['Alice Ward', 'Bob Hale']) {
      await page.getByLabel('New candidate’s name').fill(name);
      await page.getByRole('button', { name: 'Add candidate' }).click();
      await totalOf(name).waitFor();
    }
    await page.getByLabel('Limit for Alice Ward (£)').fill('100');
    await totalOf('Alice Ward').getByRole('button', { name: 'Set limit' }).click();
    await totalOf('Alice Ward').getByText('£0.00 spent of £100.00 (0 %)').waitFor();
  });

  it('records an entry split between the two candidates with its invoice, and warns at 80 % of the limit', async () => {
    await page.getByText('Add an entry').click();
    const form = page.locator('.spending-add form').first();
    await form.getByLabel('Item').fill('2,000 A5 leaflets');
    await form.getByLabel('Supplier', { exact: true }).fill('Riverside Print Works');
    await form.getByLabel('Supplier’s address').fill('14 Dock Street, Riverside');
    await form.getByLabel('Date incurred').fill('2026-04-10');
    await form.getByLabel('Date paid (if paid)').fill('2026-04-12');
    await form.getByLabel('Amount including VAT (£)').fill('170.01');
    await form.getByLabel('VAT within it (£)').fill('28.34');
    await form.getByLabel('Invoice or receipt (PDF or image)').setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: INVOICE });
    await form.getByLabel('Alice Ward (%)').fill('50');
    await form.getByText('So far 50 % of 100 %: the split must add up to the whole.').waitFor();
    await form.getByLabel('Bob Hale (%)').fill('50');
    await form.getByText('Adds up: 100 % of 100 %.').waitFor();
    await form.getByRole('button', { name: 'Add to the ledger' }).click();
    const entry = page.locator('.spending-entry', { hasText: '2,000 A5 leaflets' });
    await entry.getByText('Alice Ward £85.01 · Bob Hale £85.00').waitFor();
    expect(await entry.getByRole('link', { name: 'Invoice (PDF)' }).count()).toBe(1);
    await totalOf('Alice Ward').getByText('Over 80 % of the limit').waitFor();
    expect(await totalOf('Alice Ward').getByRole('link', { name: 'CSV' }).getAttribute('href')).toMatch(/\/return\.csv$/);
    expect(await page.getByRole('img', { name: /Spending over time/ }).getAttribute('aria-label')).toContain('Alice Ward: £85.01 of £100.00');
    await screenshot(page, 'spending-phone', true);
  });

  it('corrects the entry with a new one, keeping the original in the ledger', async () => {
    const entry = page.locator('.spending-entry', { hasText: '2,000 A5 leaflets' }).first();
    await entry.getByRole('button', { name: 'Correct this entry' }).click();
    const correct = page.locator('.spending-correct');
    await correct.getByLabel('Reason for the correction').fill('Invoice was for £120.01');
    await correct.getByLabel('Amount including VAT (£)').fill('120.01');
    await correct.getByLabel('VAT within it (£)').fill('20.00');
    await correct.getByLabel('Alice Ward (£)').fill('60.01');
    await correct.getByLabel('Bob Hale (£)').fill('60.00');
    await correct.getByLabel('Invoice or receipt (PDF or image)').setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: INVOICE });
    await correct.getByRole('button', { name: 'Save the correction' }).click();
    await totalOf('Alice Ward').getByText('£60.01 spent of £100.00 (60 %)').waitFor();
    expect(await page.locator('.spending-entry').count()).toBe(3);
    await screenshot(page, 'spending-corrected-phone', true);
    await page.locator('.spending-entry.status-corrected').waitFor();
    await page.locator('.spending-entry.status-reversal', { hasText: 'Reason: Invoice was for £120.01' }).waitFor();
  });

  it('attaches an invoice that arrived after its entry, which is then no longer flagged', async () => {
    const form = page.locator('.spending-add form').first();
    await form.getByLabel('Item').fill('Delivery by courier');
    await form.getByLabel('Supplier', { exact: true }).fill('Riverside Couriers');
    await form.getByLabel('Supplier’s address').fill('2 Quay, Riverside');
    await form.getByLabel('Date incurred').fill('2026-04-20');
    await form.getByLabel('Amount including VAT (£)').fill('25');
    await form.getByLabel('Bob Hale (%)').fill('100');
    await form.getByRole('button', { name: 'Add to the ledger' }).click();
    const entry = page.locator('.spending-entry', { hasText: 'Delivery by courier' });
    await entry.getByText('Invoice missing').waitFor();
    await entry.getByLabel('Invoice for “Delivery by courier” (PDF or image)').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: INVOICE });
    await entry.getByRole('button', { name: 'Attach invoice' }).click();
    await entry.getByRole('link', { name: 'Invoice (PDF)' }).waitFor();
    expect(await entry.getByText('Invoice missing').count()).toBe(0);
  });

  it('passes axe-core on the spending screen, with the forms open', async () => {
    await page.getByText('Add an election').click();
    expect(await seriousAxeViolations(page, 'spending screen (phone)')).toEqual([]);
    await page.setViewportSize(LAPTOP);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'spending-desktop');
    expect(await seriousAxeViolations(page, 'spending screen (laptop)')).toEqual([]);
  });

  it('shows a campaigner the totals and chart, without the ledger or its forms', async () => {
    const other = await newContext(browser, PHONE);
    try {
      const campaignerPage = await other.newPage();
      const campaignerErrors = watchForErrors(campaignerPage);
      await signIn(campaignerPage, rosette.baseUrl, campaigner);
      await campaignerPage.goto(`${rosette.baseUrl}/#/spending`);
      await campaignerPage.locator('.spending-total', { hasText: 'Alice Ward' }).getByText('£60.01 spent').waitFor();
      await screenshot(campaignerPage, 'spending-campaigner-phone', true);
      expect(await campaignerPage.getByRole('heading', { name: 'Ledger' }).count()).toBe(0);
      expect(await campaignerPage.getByRole('button', { name: 'Set limit' }).count()).toBe(0);
      expect(await seriousAxeViolations(campaignerPage, 'spending screen, a campaigner (phone)')).toEqual([]);
      expect(campaignerErrors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('raised no unexpected errors', () => {
    expect(errors).toEqual([]);
  });
});
