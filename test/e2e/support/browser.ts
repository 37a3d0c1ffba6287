import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { patient } from '../../support/wait-for';

/** Debian's Chromium: the tests never download a browser. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where screenshots go; the folder is in .gitignore and CI keeps it as an artifact. */
export const SCREENSHOTS = path.resolve(__dirname, '../../../.artifacts/screenshots');

export const LAPTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/**
 * A fresh browser profile (empty localStorage) that can download files. `serviceWorkers: 'block'` for
 * a test that must see every request on the network (page.route does not see what Rosette's service
 * worker answers, nor does the page's DevTools network log count what it fetches for itself).
 */
export async function newContext(browser: Browser, viewport = LAPTOP, options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'en-GB', serviceWorkers: options.serviceWorkers ?? 'allow' });
  // Playwright's own waits (30 s by default) are safety nets like the others: stretched by TEST_PATIENCE.
  context.setDefaultTimeout(patient(30_000));
  context.setDefaultNavigationTimeout(patient(30_000));
  return context;
}

/**
 * Collects what the page complains about: script errors and console errors (a Content-Security-Policy
 * violation is one). `expected` filters out errors a test provokes on purpose.
 */
export function watchForErrors(page: Page, expected: RegExp[] = []): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expected.some((re) => re.test(msg.text()))) errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/** Saves a screenshot once the fonts have loaded (the preview's text is drawn in the print font). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
