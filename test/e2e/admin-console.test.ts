import { CALM } from '../support/calm-probes';
import type { Browser, Page } from 'playwright-core';
import { startRosette, waitForJob, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext, PHONE, screenshot, watchForErrors } from './support/browser';
import { formatUkDateTime, toUkLocalValue } from '../../client/src/admin/london-time';
import { printJobBody } from '../support/real-imprint';
import { buildClientIfStale } from './support/build-client';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(120_000));

let rosette: RunningRosette;
let browser: Browser;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  // With telemetry: the server and the worker publish their figures, as the real processes do.
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, { ...CALM, telemetry: true }), launchChromium()]);
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

/** An hour from now, to the minute, and how the field takes it: as a UK wall-clock time. */
function anHourFromNow(): { value: string; shown: string } {
  const at = Math.floor((Date.now() + 3_600_000) / 60_000) * 60_000;
  return { value: toUkLocalValue(at), shown: formatUkDateTime(at) };
}

describe('the admin console', () => {
  it('draws live charts, switches maintenance on, and still opens in maintenance', async () => {
    // Something to draw: page loads, API reads and a print job rendered by the worker.
    const campaigner = await rosette.signedIn(await rosette.createAccount());
    const design = ((await (await campaigner.request('/api/templates/a5-flyer')).json()) as { design: unknown }).design;
    const job = (await (await campaigner.request('/api/print-jobs', { json: printJobBody(design as object) })).json()) as { statusUrl: string };
    await waitForJob(campaigner, job.statusUrl);
    for (let i = 0; i < 20; i++) await fetch(`${rosette.baseUrl}/api/templates`);

    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchForErrors(page);
    const admin = await rosette.createAccount({ role: 'admin', organisation: 'Rosette' });
    await openConsole(page, admin);
    await page.getByRole('heading', { name: 'Admin console', level: 1 }).waitFor();
    await page.getByRole('link', { name: /^Accounts/ }).first().waitFor();
    await page.locator('.mode-badge', { hasText: 'normal' }).waitFor();

    // The charts fill in as the processes publish (every 2 s): lines of more than one point, labelled in words.
    await page.locator('figure.chart path.chart-line[d*="L"]').first().waitFor({ timeout: patient(20_000) });
    const served = page.getByRole('img', { name: /^Requests served, last 5 minutes\. Now: pages/ });
    await served.waitFor();
    await page.getByRole('img', { name: /^Render time, last 5 minutes\. Now: median \d/ }).waitFor({ timeout: patient(20_000) });
    await page.getByRole('img', { name: /^Live processes, .* workers 1, servers 1\./ }).waitFor();
    // The mode chart is drawn from the published telemetry, which may come a turn after the badge.
    await page.getByRole('img', { name: /^Mode, last 5 minutes\. Now: normal/ }).waitFor();

    // From automatic, the form offers a maintenance; the positions say what they do.
    expect(await page.getByLabel(/^Maintenance now: only downloads/).isChecked()).toBe(true);
    await page.getByLabel(/^Never maintenance, even when overloaded: turns off the overload safety/).waitFor();
    // Maintenance on, with a message and an expected return typed as a UK time.
    await page.getByLabel('Message for visitors').fill('Printing pauses for a printer upgrade.');
    const back = anHourFromNow();
    await page.getByLabel('Expected back (UK time)').fill(back.value);
    await page.getByText(`That is ${back.shown}.`).waitFor();
    await page.getByLabel('Reason (kept in the audit log)').fill('printer upgrade (console test)');
    await page.getByRole('button', { name: 'Start maintenance' }).click();
    await page.getByRole('status').filter({ hasText: 'Switch set to “Maintenance now”' }).waitFor();
    await page.locator('.mode-badge', { hasText: 'maintenance' }).waitFor();
    // The people are named by their e-mail address, never by an account id; the time in UK time with its zone.
    await page.getByText(`An admin set the switch to “Maintenance now” by ${admin.email}`).waitFor();
    await page.getByText(`Expected back ${back.shown}.`).waitFor();
    expect(back.shown).toMatch(/ (GMT|BST)$/);
    await page.getByRole('cell', { name: 'printer upgrade (console test)' }).waitFor();
    await page.getByRole('cell', { name: admin.email }).first().waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/account:[a-f0-9]/);
    expect((await fetch(`${rosette.baseUrl}/`, { headers: { Accept: 'text/html' } })).status).toBe(503);

    // The console is never shed: a reload in maintenance brings it back, figures and all.
    await page.reload();
    await page.getByRole('heading', { name: 'Admin console', level: 1 }).waitFor();
    await page.locator('.mode-badge', { hasText: 'maintenance' }).waitFor();
    await page.getByText('“Printing pauses for a printer upgrade.”').waitFor();
    await page.getByRole('img', { name: /^Mode, last 5 minutes\. Now: maintenance/ }).waitFor({ timeout: patient(15_000) });
    await page.locator('figure.chart path.chart-line[d*="L"]').first().waitFor();
    await screenshot(page, 'admin-console', true);

    // Ending the maintenance: the form already offers automatic (not "never maintenance").
    expect(await page.getByLabel(/^Automatic \(normal running\)/).isChecked()).toBe(true);
    await page.getByLabel('Reason (kept in the audit log)').fill('upgrade done (console test)');
    await page.getByRole('button', { name: 'Return to automatic' }).click();
    await page.locator('.mode-badge', { hasText: 'normal' }).waitFor();
    await page.getByText(/^Now: Automatic \(normal running\)/).waitFor();

    // On a phone the console fits the width, switch and audit log included.
    const phone = await context.newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(`${rosette.baseUrl}/admin`);
    await phone.locator('.mode-badge', { hasText: 'normal' }).waitFor();
    await phone.getByRole('cell', { name: 'upgrade done (console test)' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'admin-console-phone', true);
    await phone.close();

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
