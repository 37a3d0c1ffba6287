import { CALM } from '../support/calm-probes';
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readPdf } from '../support/read-pdf';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext, PHONE, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { fillRealImprint, previewText, printAsItIs, sendButton, signIn, startFromTemplate } from './support/editor-page';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(120_000));

let rosette: RunningRosette;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  context = await newContext(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: rosette.baseUrl });
  page = await context.newPage();
  // The print panel's question about the template's own words is a 422 the page answers ("Print as it is").
  errors = watchForErrors(page, [/status of 422/]);
  await signIn(page, rosette.baseUrl, await rosette.createAccount({ organisation: 'Riverside Labour' }));
});

afterAll(async () => {
  await browser?.close();
  await rosette?.close();
});

const HEADLINE = 'Safer streets for Riverside';
const PROMOTER_ADDRESS = '7 Station Road, Riverside RV1 3CC';

describe('a campaigner makes a leaflet from the A5 template', () => {
  it('shows the templates with their format and size', async () => {
    await page.goto(rosette.baseUrl + '/');
    const card = page.getByRole('article', { name: 'A5 two-sided flyer' });
    await expectVisible(card.getByText('A5 portrait, 148 × 210 mm, two-sided'));
    await page.locator('svg.thumbnail').first().waitFor();
    expect(await page.locator('svg.thumbnail').count()).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'gallery', true);
  });

  it('changes the headline and sees the preview follow', async () => {
    await startFromTemplate(page, rosette.baseUrl, 'A5 two-sided flyer');
    expect(await previewText(page, 'headline')).toBe('A bus every ten minutes');
    await page.getByLabel('Headline text').fill(HEADLINE);
    await page.waitForFunction(
      (words) => [...document.querySelectorAll('svg.preview-page text[data-element-id="headline"]')].map((t) => t.textContent).join(' ') === words,
      HEADLINE,
    );
  });

  it('flags a headline too long for its box on the preview, and will not print it', async () => {
    const headline = page.getByLabel('Headline text');
    await headline.fill('A headline that goes on and on: '.repeat(7));
    await page.locator('svg.preview-page .overflow-flag').waitFor();
    expect(await page.locator('svg.preview-page .overflow-label').textContent()).toBe('Text does not fit');
    await page.locator('.field-problem', { hasText: 'Too much text for its box' }).waitFor();
    expect(await sendButton(page).getAttribute('aria-disabled')).toBe('true');
    await screenshot(page, 'editor-overflow');
    await headline.fill(HEADLINE);
    await page.locator('svg.preview-page .overflow-flag').waitFor({ state: 'detached' });
  });

  it('blocks sending, with the reason beside the field, while the imprint is incomplete', async () => {
    await fillRealImprint(page);
    const address = page.getByLabel('Promoter address');
    await address.fill('');
    await expectVisible(page.locator('.field-problem', { hasText: 'promoter address is required' }));
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    expect(await sendButton(page).getAttribute('aria-disabled')).toBe('true');
    await expectVisible(page.locator('#send-reasons', { hasText: 'Imprint: promoter address is required' }));
    await screenshot(page, 'editor-imprint-incomplete');

    // Pressing it anyway sends nothing and points at the reasons.
    await sendButton(page).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('send-reasons');

    await address.fill(PROMOTER_ADDRESS);
    await page.waitForFunction(() => document.getElementById('send-to-print')?.getAttribute('aria-disabled') === 'false');
    expect(await page.locator('#send-reasons').count()).toBe(0);
    await screenshot(page, 'editor');
  });

  it('sends it to print, follows the progress and downloads a PDF with the new headline', async () => {
    await sendButton(page).click();
    // The rest of the words are still the template's: the campaigner means to print them.
    await printAsItIs(page);
    await expectVisible(page.getByText('Your print-ready PDF is ready'), 60_000);
    await page.locator('#print-status').scrollIntoViewIfNeeded();
    await screenshot(page, 'print-done');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    const file = await download.path();
    const facts = await readPdf(fs.readFileSync(file));
    const text = facts.text.replace(/\s+/g, ' ');
    expect(text).toContain(HEADLINE);
    expect(text).toContain(PROMOTER_ADDRESS);
    expect(facts.pages).toHaveLength(2);
  });

  it('makes a share link that a volunteer without an account opens, sees the leaflet on and downloads from', async () => {
    await page.getByRole('button', { name: 'Create share link' }).click();
    const field = page.getByLabel('Share link (shown once: copy it now)');
    await field.waitFor();
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`^${rosette.baseUrl}/s/[A-Za-z0-9_-]{43}$`));
    expect(await field.inputValue()).toBe(link);
    await expectVisible(page.getByRole('button', { name: /^Withdraw the link made/ }));

    // A volunteer: another browser, no account, no session.
    const volunteer = await newContext(browser);
    const volunteerPage = await volunteer.newPage();
    const volunteerErrors = watchForErrors(volunteerPage);
    await volunteerPage.goto(link);
    await volunteerPage.getByRole('heading', { name: 'Your vote. Your town.' }).or(volunteerPage.getByRole('heading', { level: 1 })).first().waitFor();
    await volunteerPage.locator('.share-thumbnail svg text').first().waitFor();
    expect(await volunteerPage.locator('.share-thumbnail svg').textContent()).toContain(HEADLINE.split(' ')[0]!);
    await screenshot(volunteerPage, 'share-page');
    const [download] = await Promise.all([volunteerPage.waitForEvent('download'), volunteerPage.getByRole('link', { name: 'Download the PDF' }).click()]);
    const facts = await readPdf(fs.readFileSync(await download.path()));
    expect(facts.text.replace(/\s+/g, ' ')).toContain(HEADLINE);
    expect(volunteerErrors).toEqual([]);

    // The campaigner withdraws it: the volunteer's page says so.
    await page.getByRole('button', { name: /^Withdraw the link made/ }).click();
    await page.getByRole('button', { name: /^Withdraw the link made/ }).waitFor({ state: 'detached' });
    const gone = await fetch(link);
    expect(gone.status).toBe(404);
    await volunteer.close();
  });

  it('keeps the draft after a reload, and lays out the editor on a phone', async () => {
    await page.reload();
    expect(await page.getByLabel('Headline text').inputValue()).toBe(HEADLINE);
    expect(await page.getByLabel('Promoter address').inputValue()).toBe(PROMOTER_ADDRESS);
    // The finished job is remembered too.
    await expectVisible(page.getByText('Your print-ready PDF is ready'));

    const phone = await context.newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(page.url());
    await phone.getByLabel('Headline text').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'editor-phone');
    await screenshot(phone, 'editor-phone-full', true);
    await phone.close();
  });

  it('is told, while an admin has paused printing, that the leaflet is safe and waits; it prints once resumed', async () => {
    const admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin' }));
    expect((await admin.request('/api/admin/queue/pause', { method: 'POST' })).status).toBe(200);
    try {
      await page.getByLabel('Headline text').fill(`${HEADLINE}, again`);
      await page.waitForFunction(() => document.getElementById('send-to-print')?.getAttribute('aria-disabled') === 'false');
      await sendButton(page).click();
      await printAsItIs(page);
      await expectVisible(page.getByText(/Printing is paused for a moment by Rosette's admins\. Your leaflet is safe in the print queue/));
      await page.locator('#print-status').scrollIntoViewIfNeeded();
      await screenshot(page, 'print-paused');
    } finally {
      expect((await admin.request('/api/admin/queue/resume', { method: 'POST' })).status).toBe(200);
    }
    await expectVisible(page.getByText('Your print-ready PDF is ready'), 60_000);
  });

  it('raised no script errors and no Content-Security-Policy violations', () => {
    expect(errors).toEqual([]);
  });
});

async function expectVisible(locator: ReturnType<Page['locator']>, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: patient(timeout) });
}
