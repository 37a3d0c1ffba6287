import type { Browser, Page, Route } from 'playwright-core';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { fillRealImprint, sendButton, signIn, startFromTemplate } from './support/editor-page';
import { waitFor, patient } from '../support/wait-for';

jest.setTimeout(patient(120_000));

let rosette: RunningRosette;
let browser: Browser;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await rosette?.close();
});

/**
 * Answers POST /api/print-jobs with 503 and Retry-After: 1 (as the server does in maintenance) while
 * `down` is true; everything else, and every request once it is false, reaches the real server.
 */
async function interceptPrintJobs(page: Page) {
  const state = { down: true, refused: 0 };
  await page.route('**/api/print-jobs', async (route: Route) => {
    if (route.request().method() === 'POST' && state.down) {
      state.refused += 1;
      await route.fulfill({
        status: 503,
        headers: { 'Retry-After': '1', 'Content-Type': 'application/json' },
        body: JSON.stringify({ error: { code: 'maintenance', message: 'Rosette is down for maintenance', fields: [] } }),
      });
      return;
    }
    await route.continue();
  });
  return state;
}

describe('when the print service answers 503 for a while', () => {
  it('says so, keeps the draft across a reload, and sends the job by itself when the service is back', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchForErrors(page, [/status of 503/]);
    const service = await interceptPrintJobs(page);
    await signIn(page, rosette.baseUrl, await rosette.createAccount());

    await startFromTemplate(page, rosette.baseUrl, 'A6 postcard');
    await page.getByLabel('Headline text').fill('Polls open 7am to 10pm');
    // The campaigner's own words and imprint, so that the job is sent without a question when the service is back.
    await page.getByLabel('Message paragraph 1').fill('Find your polling station on your poll card.');
    await fillRealImprint(page);
    await sendButton(page).click();

    const notice = page.locator('.notice-wait', { hasText: 'maintenance' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('saved in this browser');
    await page.getByText(/Next try (in \d+ seconds?|now)/).waitFor();
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, 'print-maintenance');

    // A reload (or a crashed tab) loses nothing: the draft is back, and the page keeps trying.
    const refusedBeforeReload = service.refused;
    await page.reload();
    expect(await page.getByLabel('Headline text').inputValue()).toBe('Polls open 7am to 10pm');
    await notice.waitFor();
    await waitFor('the reload asked the service again', () => service.refused > refusedBeforeReload, 10_000, 50);

    // The service comes back: the page sends the job without being asked, and says so.
    service.down = false;
    await page.getByText('The print service is back: your leaflet was sent automatically.').waitFor({ timeout: patient(30_000) });
    await page.getByText('Your print-ready PDF is ready').waitFor({ timeout: patient(30_000) });
    expect(service.refused).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.notice-wait').count()).toBe(0);
    await screenshot(page, 'print-back-after-outage');
    expect(errors).toEqual([]);
    await context.close();
  });
});
