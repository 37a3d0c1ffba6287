import { CALM } from '../support/calm-probes';
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readPdf } from '../support/read-pdf';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { LAPTOP, launchChromium, newContext, PHONE, screenshot, SCREENSHOTS, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { fillRealImprint, printAsItIs, sendButton, signIn, startFromTemplate } from './support/editor-page';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(120_000));

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

async function expectVisible(locator: ReturnType<Page['locator']>, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: patient(timeout) });
}

/** No part of the page is wider than the screen (a phone must not scroll sideways). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

describe.each([
  ['desktop', LAPTOP],
  ['phone', PHONE],
] as const)('on a %s, a campaigner', (device, viewport) => {
  const TITLE = device === 'phone' ? 'Gŵyl y Gwanwyn' : 'Spring newsletter';
  const FILE = device === 'phone' ? 'Gŵyl-y-Gwanwyn.pdf' : 'Spring-newsletter.pdf';
  const HEADLINE = `Spring on the buses (${device})`;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await newContext(browser, viewport);
    page = await context.newPage();
    // The print panel's question about the template's own words is a 422 the page answers ("Print as it is").
    errors = watchForErrors(page, [/status of 422/]);
    await signIn(page, rosette.baseUrl, await rosette.createAccount({ organisation: `Riverside Labour (${device})` }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('saves a leaflet to the organisation, prints it, and goes from the finished print to the print history', async () => {
    await startFromTemplate(page, rosette.baseUrl, 'A5 two-sided flyer');
    await page.getByLabel('Leaflet name').fill(TITLE);
    await page.getByLabel('Headline text').fill(HEADLINE);
    await fillRealImprint(page);
    await page.getByRole('button', { name: 'Save to my designs' }).click();
    await expectVisible(page.getByText('Saved for your organisation'));
    await page.waitForFunction(() => document.getElementById('send-to-print')?.getAttribute('aria-disabled') === 'false');
    await sendButton(page).click();
    await printAsItIs(page);
    await expectVisible(page.getByText('Your print-ready PDF is ready'), 60_000);
    await page.getByRole('link', { name: 'Print history' }).click();
    await page.getByRole('heading', { name: 'Print history', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/history');
  });

  it('sees the job: its design, "You", when in UK time, its status and pages, and downloads the PDF under the design\'s name', async () => {
    const job = page.getByRole('article', { name: TITLE });
    await expectVisible(job);
    expect(await job.locator('.history-facts').innerText()).toMatch(new RegExp(`Sent by\\s+You\\s+Sent\\s+\\w{3}, \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} (GMT|BST)\\s+Status\\s+Ready\\s+Pages\\s+2\\s+PDF\\s+\\d+ KB`));
    await screenshot(page, `print-history-${device}`, true);
    await expectNoSidewaysScroll(page);

    const [download] = await Promise.all([page.waitForEvent('download'), job.getByRole('link', { name: `Download PDF of “${TITLE}”` }).click()]);
    expect(download.suggestedFilename()).toBe(FILE);
    expect(new URL(download.url()).pathname).toMatch(/^\/downloads\/[a-f0-9]{64}\.pdf$/);
    const facts = await readPdf(fs.readFileSync(await download.path()));
    expect(facts.text.replace(/\s+/g, ' ')).toContain(HEADLINE);
  });

  it('makes a share link a volunteer downloads the same named PDF from, then withdraws it', async () => {
    const job = page.getByRole('article', { name: TITLE });
    await job.getByRole('button', { name: `Create share link of “${TITLE}”` }).click();
    const field = job.getByLabel('Share link (shown once: copy it now)');
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${rosette.baseUrl}/s/[A-Za-z0-9_-]{43}$`));
    await screenshot(page, `print-history-share-${device}`);

    const volunteer = await newContext(browser, viewport);
    const volunteerPage = await volunteer.newPage();
    await volunteerPage.goto(link);
    const [download] = await Promise.all([volunteerPage.waitForEvent('download'), volunteerPage.getByRole('link', { name: 'Download the PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(FILE);
    await volunteer.close();

    const withdraw = job.getByRole('button', { name: new RegExp(`^Withdraw the link of “${TITLE}” made`) });
    await withdraw.click();
    await withdraw.waitFor({ state: 'detached' });
    expect((await fetch(link)).status).toBe(404);
  });

  it('prints it again: the design opens in the editor as it was printed, and saves back to the same design', async () => {
    await page.getByRole('article', { name: TITLE }).getByRole('button', { name: `Print again: “${TITLE}”` }).click();
    await page.getByRole('heading', { name: 'Imprint', exact: true }).waitFor();
    expect(await page.getByLabel('Headline text').inputValue()).toBe(HEADLINE);
    expect(await page.getByLabel('Leaflet name').inputValue()).toBe(TITLE);
    await expectVisible(page.getByRole('button', { name: 'Save changes to my designs' }));
    await page.waitForFunction(() => document.getElementById('send-to-print')?.getAttribute('aria-disabled') === 'false');
    await sendButton(page).click();
    await printAsItIs(page);
    await expectVisible(page.getByText('Your print-ready PDF is ready'), 60_000);
  });

  it('finds the organisation\'s designs apart from this browser\'s drafts, each with its front page, author and last edit', async () => {
    await page.goto(rosette.baseUrl + '/#/');
    const designs = page.getByRole('region', { name: 'My organisation’s designs' });
    const drafts = page.getByRole('region', { name: 'Continue a leaflet in this browser' });
    await expectVisible(designs.getByText('Saved on Rosette for everyone in your organisation'));
    await expectVisible(drafts.getByText('Drafts kept on this device only'));
    const card = designs.getByRole('article', { name: TITLE });
    // The front page, drawn in the browser by the editor's layout code (no server render).
    const front = card.getByRole('img', { name: `Front page of “${TITLE}”` });
    await front.locator('text').first().waitFor();
    expect(await front.textContent()).toContain('Spring');
    expect(await card.locator('.design-meta').innerText()).toMatch(/^By You · last edited \w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} (GMT|BST)/);
    // One design, however many times it was saved and printed.
    expect(await designs.getByRole('article').count()).toBe(1);
    await screenshot(page, `designs-list-${device}`, true);
    await designs.screenshot({ path: `${SCREENSHOTS}/designs-region-${device}.png` });
    await expectNoSidewaysScroll(page);
  });

  it('renames, duplicates and deletes (after asking) a saved design', async () => {
    const designs = page.getByRole('region', { name: 'My organisation’s designs' });
    await designs.getByRole('button', { name: `Rename “${TITLE}”` }).click();
    const input = designs.getByLabel('New title');
    await input.fill('');
    await designs.getByRole('button', { name: 'Save the new title' }).click();
    await expectVisible(designs.getByRole('alert').filter({ hasText: 'A title must not be empty' }));
    await input.fill(`${TITLE} (final)`);
    await screenshot(page, `designs-rename-${device}`);
    await designs.getByRole('button', { name: 'Save the new title' }).click();
    await expectVisible(designs.getByRole('article', { name: `${TITLE} (final)` }));

    await designs.getByRole('button', { name: `Duplicate “${TITLE} (final)”` }).click();
    const copy = designs.getByRole('article', { name: `Copy of ${TITLE} (final)` });
    await expectVisible(copy);
    await copy.locator('svg.thumbnail text').first().waitFor();
    expect(await designs.getByRole('article').count()).toBe(2);

    await copy.getByRole('button', { name: `Delete “Copy of ${TITLE} (final)”` }).click();
    const confirm = copy.getByRole('button', { name: `Yes, delete “Copy of ${TITLE} (final)” for everyone` });
    await expectVisible(confirm);
    await screenshot(page, `designs-delete-${device}`);
    await confirm.click();
    await copy.waitFor({ state: 'detached' });
    expect(await designs.getByRole('article').count()).toBe(1);
    // Deleting asks first: "Keep it" keeps it.
    await designs.getByRole('button', { name: `Delete “${TITLE} (final)”` }).click();
    await designs.getByRole('button', { name: 'Keep it' }).click();
    expect(await designs.getByRole('article').count()).toBe(1);
  });

  it('reaches the print history from the gallery, where the renamed design\'s jobs keep the title they were printed with', async () => {
    await page.getByRole('link', { name: 'Print history' }).click();
    await page.getByRole('heading', { name: 'Print history', level: 1 }).waitFor();
    // The first print and the print again are the same PDF of the same organisation: one job.
    await expectVisible(page.getByRole('article', { name: TITLE }));
    expect(await page.locator('.history-item').count()).toBe(1);
  });

  it('is "Another member" to a colleague, in the print history and the designs list, never named', async () => {
    const colleague = await newContext(browser, viewport);
    const other = await colleague.newPage();
    const account = await rosette.createAccount({ organisation: `Riverside Labour (${device})` });
    await signIn(other, rosette.baseUrl, account);
    const card = other.getByRole('region', { name: 'My organisation’s designs' }).getByRole('article', { name: `${TITLE} (final)` });
    expect(await card.locator('.design-meta').innerText()).toMatch(/^By Another member · last edited /);
    await other.getByRole('link', { name: 'Print history' }).click();
    const job = other.getByRole('article', { name: TITLE });
    expect(await job.locator('.history-facts').innerText()).toMatch(/Sent by\s+Another member\s/);
    const me = await page.evaluate(() => document.querySelector('.account-name')?.textContent ?? '');
    expect(me).toContain('@');
    expect(await other.locator('main').innerText()).not.toContain(me.split(' · ')[0]!);
    await colleague.close();
  });

  it('raised no script errors and no Content-Security-Policy violations', () => {
    expect(errors).toEqual([]);
  });
});
