import type { Page } from 'playwright-core';

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
