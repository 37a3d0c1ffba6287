import type { Page } from 'playwright-core';
import { REAL_IMPRINT } from '../../support/real-imprint';

/** What a campaigner does to start: open the home page and pick a template by its name. */
export async function startFromTemplate(page: Page, baseUrl: string, templateName: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByRole('button', { name: `Start with the ${templateName}` }).click();
  await page.getByRole('heading', { name: 'Imprint', exact: true }).waitFor();
}

/** The words of one element as the preview draws them, its lines joined by spaces. */
export async function previewText(page: Page, elementId: string): Promise<string> {
  const lines = await page.locator(`svg.preview-page text[data-element-id="${elementId}"]`).allTextContents();
  return lines.join(' ');
}

/** The Send to print button, which stays focusable when blocked (aria-disabled), so its reasons can be read. */
export function sendButton(page: Page) {
  return page.locator('#send-to-print');
}

/** Signs in on the sign-in page (what every campaigner does first); the browser context keeps the session. */
export async function signIn(page: Page, baseUrl: string, account: { email: string; password: string }): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Make a leaflet' }).waitFor();
}

/**
 * Fills the imprint with real details (test/support/real-imprint.ts), as a campaigner must before a
 * template can print, and waits until the editor no longer flags sample details.
 */
export async function fillRealImprint(page: Page): Promise<void> {
  const roles = [
    ['promoter', 'Promoter'],
    ['onBehalfOf', 'On behalf of'],
    ['printer', 'Printer'],
  ] as const;
  for (const [role, who] of roles) {
    await page.getByLabel(`${who} name`, { exact: true }).fill(REAL_IMPRINT[role].name);
    await page.getByLabel(`${who} address`, { exact: true }).fill(REAL_IMPRINT[role].address);
  }
  await page.locator('#imprint-sample-notice').waitFor({ state: 'detached' });
}

/** After Send, answers the print panel's question about the template's own words with "Print as it is". */
export async function printAsItIs(page: Page): Promise<void> {
  await page.locator('#template-text-notice').waitFor();
  await page.getByRole('button', { name: 'Print as it is' }).click();
}
