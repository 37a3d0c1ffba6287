import type { Browser, Page } from 'playwright-core';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(120_000));

let rosette: RunningRosette;
let browser: Browser;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  // With telemetry: the server and the worker publish their figures, as the real processes do.
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, { telemetry: true }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await rosette?.close();
});

/** Opens the console's own address and signs in there (the sign-in page shows first). */
async function openConsole(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto(`${rosette.baseUrl}/admin`);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A datetime-local value an hour from now, in the browser's (this machine's) time zone. */
function anHourFromNow(): string {
  const d = new Date(Date.now() + 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

describe('the admin console', () => {
  it('draws live charts, switches maintenance on, and still opens in maintenance', async () => {
    // Something to draw: page loads, API reads and a print job rendered by the worker.
    const campaigner = await rosette.signedIn(await rosette.createAccount());
    const design = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: unknown }).design;
    const job = (await (await campaigner.request('/api/print-jobs', { json: { design, copies: 50 } })).json()) as { statusUrl: string };
    await waitForJob(campaigner, job.statusUrl);
    for (let i = 0; i < 20; i++) await fetch(`${rosette.baseUrl}/api/templates`);

    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await openConsole(page, await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
    await page.getByRole('heading', { name: 'Admin console', level: 1 }).waitFor();
    await page.getByRole('link', { name: /^Accounts/ }).first().waitFor();
    await page.locator('.mode-badge', { hasText: 'normal' }).waitFor();

    // The charts fill in as the processes publish (every 2 s): lines of more than one point, labelled in words.
    await page.locator('figure.chart path.chart-line[d*="L"]').first().waitFor({ timeout: patient(20_000) });
    const served = page.getByRole('img', { name: /^Requests served, last 5 minutes\. Now: pages/ });
    await served.waitFor();
    await page.getByRole('img', { name: /^Render time, last 5 minutes\. Now: median \d/ }).waitFor({ timeout: patient(20_000) });
    await page.getByRole('img', { name: /^Live processes, .* workers 1, servers 1\./ }).waitFor();
    expect(await page.getByRole('img', { name: /^Mode, last 5 minutes\. Now: normal/ }).count()).toBe(1);

    // Maintenance on, with a message and an expected return.
    await page.getByLabel(/^On: maintenance now/).check();
    await page.getByLabel('Message for visitors').fill('Printing pauses for a printer upgrade.');
    await page.getByLabel('Expected back (your local time)').fill(anHourFromNow());
    await page.getByLabel('Reason (kept in the audit log)').fill('printer upgrade (console test)');
    await page.getByRole('button', { name: 'Put the site in maintenance' }).click();
    await page.getByRole('status').filter({ hasText: 'Switch set to “on”' }).waitFor();
    await page.locator('.mode-badge', { hasText: 'maintenance' }).waitFor();
    await page.getByText('An admin set the switch to “on”').waitFor();
    await page.getByRole('cell', { name: 'printer upgrade (console test)' }).waitFor();
    expect((await fetch(`${rosette.baseUrl}/`, { headers: { Accept: 'text/html' } })).status).toBe(503);

    // The console is never shed: a reload in maintenance brings it back, figures and all.
    await page.reload();
    await page.getByRole('heading', { name: 'Admin console', level: 1 }).waitFor();
    await page.locator('.mode-badge', { hasText: 'maintenance' }).waitFor();
    await page.getByText('“Printing pauses for a printer upgrade.”').waitFor();
    await page.getByRole('img', { name: /^Mode, last 5 minutes\. Now: maintenance/ }).waitFor({ timeout: patient(15_000) });
    await page.locator('figure.chart path.chart-line[d*="L"]').first().waitFor();
    await screenshot(page, 'admin-console', true);

    // Back to auto, as an admin would after the work.
    await page.getByLabel(/^Auto: the overload ladder decides/).check();
    await page.getByLabel('Reason (kept in the audit log)').fill('upgrade done (console test)');
    await page.getByRole('button', { name: 'Hand back to the ladder' }).click();
    await page.locator('.mode-badge', { hasText: 'normal' }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells a campaigner it is for admins only', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await openConsole(page, await rosette.createAccount());
    await page.getByText('This console is for admins only.').waitFor();
    expect(await page.locator('figure.chart').count()).toBe(0);
    await context.close();
  });
});
