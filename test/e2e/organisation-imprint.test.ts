import { CALM } from '../support/calm-probes';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { readPdf } from '../support/read-pdf';
import { launchChromium, newContext, PHONE, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { printAsItIs, sendButton, signIn } from './support/editor-page';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(180_000));

const DESKTOP = { width: 1366, height: 850 };

/** The organisation's own details, as its campaigner types them once. */
const OWN = {
  promoter: { name: 'Morwenna Tregarthen', address: '17 Quayside Row, Riverside RV4 7QZ' },
  onBehalfOf: { name: 'Riverside Labour Party', address: '3 Chapel Lane, Riverside RV4 1CL' },
  printer: { name: 'Tregarthen Print Works', address: 'Unit 9, Dockyard Estate, Riverside RV4 9DY' },
};
const LABELS = [
  ['promoter', 'Promoter'],
  ['onBehalfOf', 'On behalf of'],
  ['printer', 'Printer'],
] as const;

let rosette: RunningRosette;
let browser: Browser;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await rosette?.close();
});

describe.each([
  ['desktop', DESKTOP, 'Riverside Labour'],
  ['phone', PHONE, 'Quayside Labour'],
])("a campaigner setting their organisation's imprint, on a %s", (device, viewport, organisation) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await newContext(browser, viewport);
    page = await context.newPage();
    // The 422 is the template-words question that "Print as it is" answers.
    errors = watchForErrors(page, [/status of 422/]);
    await signIn(page, rosette.baseUrl, await rosette.createAccount({ organisation }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('is told in the gallery that the organisation has no imprint yet, with the way to set it', async () => {
    const notice = page.locator('#organisation-imprint-notice');
    await notice.getByText('Your organisation has no imprint yet.').waitFor();
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, `organisation-imprint-missing-${device}`);
    await notice.getByRole('link', { name: 'Set your organisation’s imprint' }).click();
    await page.getByRole('heading', { name: 'Your organisation’s imprint' }).waitFor();
  });

  it('is stopped from saving a sample or placeholder detail, then saves the real ones', async () => {
    for (const [role, who] of LABELS) {
      await page.getByLabel(`${who} name`, { exact: true }).fill(OWN[role].name);
      await page.getByLabel(`${who} address`, { exact: true }).fill(OWN[role].address);
    }
    await page.getByLabel('Printer name', { exact: true }).fill('Example Print Co-operative');
    await page.getByRole('button', { name: 'Save the imprint' }).click();
    await page.locator('.field-problem', { hasText: 'the printer name is a sample, a placeholder or empty' }).waitFor();
    expect(await page.getByLabel('Printer name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('org-imprint-printer-name');

    await page.getByLabel('Printer name', { exact: true }).fill(OWN.printer.name);
    await page.getByRole('button', { name: 'Save the imprint' }).click();
    await page.getByText('Saved. New designs start from this imprint.').waitFor();
    expect(await page.locator('.field-problem').count()).toBe(0);
    await screenshot(page, `organisation-imprint-saved-${device}`, true);
  });

  it('starts a new design from it and prints it without touching the imprint: accepted', async () => {
    await page.getByRole('link', { name: '← Back to your leaflets' }).click();
    await page.locator('#organisation-imprint-notice', { hasText: `promoted by ${OWN.promoter.name}` }).waitFor();
    await page.getByRole('button', { name: 'Start with the A5 two-sided flyer' }).click();
    await page.getByRole('heading', { name: 'Imprint', exact: true }).waitFor();
    for (const [role, who] of LABELS) {
      expect(await page.getByLabel(`${who} name`, { exact: true }).inputValue()).toBe(OWN[role].name);
      expect(await page.getByLabel(`${who} address`, { exact: true }).inputValue()).toBe(OWN[role].address);
    }
    expect(await page.locator('#imprint-sample-notice').count()).toBe(0);
    await page.waitForFunction(() => document.getElementById('send-to-print')?.getAttribute('aria-disabled') === 'false');

    await sendButton(page).click();
    await printAsItIs(page);
    await page.getByText('Your print-ready PDF is ready').waitFor({ timeout: patient(60_000) });
    const href = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
    const pdf = await readPdf(Buffer.from(await (await fetch(rosette.baseUrl + href!)).arrayBuffer()));
    const text = pdf.text.replace(/\s+/g, ' ');
    for (const detail of [OWN.promoter.name, OWN.printer.name]) expect(text).toContain(detail);
    expect(text).not.toMatch(/Alex Example|Sample Road|Example Print/);
  });

  it('raised no unexpected errors', () => {
    expect(errors).toEqual([]);
  });
});
