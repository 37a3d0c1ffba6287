import { CALM } from '../support/calm-probes';
import type { Browser } from 'playwright-core';
import { watchAccount } from '../support/leak-watch';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { signIn } from './support/editor-page';
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

const NEW_CAMPAIGNER = { email: 'sam.volunteer-lead@example.org', password: 'tulip harbour seven lanterns' };

describe('an admin invites a campaigner, who sets a password and signs in', () => {
  it('goes from the accounts page to a campaigner in the gallery, and back out', async () => {
    watchAccount(NEW_CAMPAIGNER);
    const adminContext = await newContext(browser);
    await adminContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: rosette.baseUrl });
    const admin = await adminContext.newPage();
    const adminErrors = watchForErrors(admin);
    await signIn(admin, rosette.baseUrl, await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));

    await admin.getByRole('link', { name: 'Accounts' }).click();
    await admin.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await admin.getByLabel('Email address').fill(NEW_CAMPAIGNER.email);
    await admin.getByLabel('Organisation', { exact: true }).fill('Hillside Greens');
    await admin.getByRole('button', { name: 'Make an invite link' }).click();
    const linkField = admin.getByRole('textbox', { name: 'Invite link' });
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${rosette.baseUrl}/#/invite/[A-Za-z0-9_-]{43}$`));
    await admin.getByRole('cell', { name: NEW_CAMPAIGNER.email, exact: true }).waitFor();
    await screenshot(admin, 'admin-accounts');

    // The campaigner, in their own browser.
    const campaignerContext = await newContext(browser);
    const campaigner = await campaignerContext.newPage();
    const campaignerErrors = watchForErrors(campaigner, [/status of 400/]);
    await campaigner.goto(link);
    await campaigner.getByRole('heading', { name: 'Welcome to Rosette' }).waitFor();
    await campaigner.getByLabel('New password').fill('short');
    await campaigner.getByRole('button', { name: 'Set password and sign in' }).click();
    await campaigner.getByText('The password must be at least 12 characters long.').waitFor();
    await campaigner.getByLabel('New password').fill(NEW_CAMPAIGNER.password);
    await campaigner.getByRole('button', { name: 'Set password and sign in' }).click();
    await campaigner.getByRole('heading', { name: 'Make a leaflet' }).waitFor();
    await campaigner.getByText(`${NEW_CAMPAIGNER.email} · Hillside Greens`).waitFor();
    await screenshot(campaigner, 'campaigner-first-sign-in');

    // The link worked once: opening it again does not sign anyone in.
    const again = await fetch(`${rosette.baseUrl}/api/invites/accept`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: link.split('/').pop(), password: NEW_CAMPAIGNER.password }) });
    expect(again.status).toBe(404);

    // Signing out ends the session; signing in again works with the new password.
    await campaigner.getByRole('button', { name: 'Sign out' }).click();
    await campaigner.getByRole('heading', { name: 'Sign in' }).waitFor();
    await campaigner.getByLabel('Email address').fill(NEW_CAMPAIGNER.email);
    await campaigner.getByLabel('Password').fill('not the password at all');
    await campaigner.getByRole('button', { name: 'Sign in' }).click();
    await campaigner.getByRole('alert').filter({ hasText: 'do not match an account' }).waitFor();
    await signIn(campaigner, rosette.baseUrl, NEW_CAMPAIGNER);

    // The admin disables the account: the campaigner's next request finds the session gone.
    await admin.getByRole('button', { name: `Disable ${NEW_CAMPAIGNER.email}` }).click();
    await admin.getByRole('row', { name: new RegExp(`${NEW_CAMPAIGNER.email.replace(/[.]/g, '\\.')}.*disabled`) }).waitFor();
    await campaigner.reload();
    await campaigner.getByRole('heading', { name: 'Sign in' }).waitFor();

    expect(adminErrors).toEqual([]);
    expect(campaignerErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await adminContext.close();
    await campaignerContext.close();
  });
});
