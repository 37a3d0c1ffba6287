import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CALM } from '../support/calm-probes';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { readPdf } from '../support/read-pdf';
import { REAL_IMPRINT } from '../support/real-imprint';
import type { TestAccount } from '../support/test-client';
import { patient } from '../support/wait-for';
import { launchChromium, newContext, screenshot, watchForErrors } from './support/browser';
import { seriousAxeViolations } from './support/axe';
import { buildClientIfStale } from './support/build-client';
import { printAsItIs, sendButton, signIn } from './support/editor-page';

jest.setTimeout(patient(240_000));

const DESKTOP = { width: 1366, height: 850 };
const FIRST = 'Buses every ten minutes';
const SECOND = 'Buses every ten minutes on routes 4 and 7';

let rosette: RunningRosette;
let browser: Browser;
let campaignerContext: BrowserContext;
let agentContext: BrowserContext;
let campaigner: Page;
let agent: Page;
let errors: string[];
let agentErrors: string[];
let agentAccount: TestAccount;
let adminAccount: TestAccount;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  const campaignerAccount = await rosette.createAccount({ organisation: 'Riverside Labour' });
  // A campaigner whom the admin makes the organisation's agent, below.
  agentAccount = await rosette.createAccount({ organisation: 'Riverside Labour' });
  adminAccount = await rosette.createAccount({ role: 'admin', organisation: 'Rosette' });
  // The organisation's imprint, so new designs can print (set by its agent, as the imprint test does in the browser).
  const api = await rosette.signedIn(agentAccount);
  expect((await api.request(`/api/organisations/${agentAccount.orgId}/imprint`, { method: 'PUT', json: { imprint: REAL_IMPRINT } })).status).toBe(200);
  [campaignerContext, agentContext] = await Promise.all([newContext(browser, DESKTOP), newContext(browser, DESKTOP)]);
  campaigner = await campaignerContext.newPage();
  agent = await agentContext.newPage();
  // The 422s are the template-words question and the share link refused before approval.
  // Two lists, read at the end: watchForErrors fills the array it returned.
  errors = watchForErrors(campaigner, [/status of 422/]);
  agentErrors = watchForErrors(agent);
  await signIn(campaigner, rosette.baseUrl, campaignerAccount);
});
afterAll(async () => {
  await campaignerContext?.close();
  await agentContext?.close();
  await browser?.close();
  await rosette?.close();
});

const status = (page: Page) => page.locator('.sign-off-editor [role="status"]');
const openQueue = async () => {
  await agent.goto(`${rosette.baseUrl}/#/sign-off`);
  // Going to the address it is already at does not load the page again: the list must be fresh.
  await agent.reload();
  await agent.getByRole('heading', { name: 'Sign-off', exact: true }).waitFor();
};

describe('sign-off before sharing, on a desktop', () => {
  it('lets an admin make an account its organisation\'s agent on the accounts page', async () => {
    const adminContext = await newContext(browser, DESKTOP);
    try {
      const admin = await adminContext.newPage();
      const adminErrors = watchForErrors(admin);
      await admin.goto(`${rosette.baseUrl}/`);
      await admin.getByLabel('Email address').fill(adminAccount.email);
      await admin.getByLabel('Password').fill(adminAccount.password);
      await admin.getByRole('button', { name: 'Sign in' }).click();
      await admin.getByRole('link', { name: 'Accounts' }).click();
      await admin.getByRole('button', { name: `Make ${agentAccount.email} an agent` }).click();
      await admin.getByRole('button', { name: `Make ${agentAccount.email} a campaigner` }).waitFor();
      expect(await admin.getByRole('row', { name: new RegExp(agentAccount.email) }).getByRole('cell', { name: 'agent', exact: true }).count()).toBe(1);
      expect(adminErrors).toEqual([]);
    } finally {
      await adminContext.close();
    }
    await signIn(agent, rosette.baseUrl, agentAccount);
  });

  it("lets the agent require sign-off for the organisation", async () => {
    await openQueue();
    const box = agent.getByLabel('Require sign-off before a print is shared with volunteers');
    await box.check();
    await agent.getByText('Saved: prints can be shared only once you have approved the version.').waitFor();
  });

  it('lets the campaigner send a design for sign-off from the editor', async () => {
    await campaigner.getByRole('button', { name: 'Start with the A5 two-sided flyer' }).click();
    await campaigner.getByLabel('Headline text').fill(FIRST);
    await campaigner.getByRole('button', { name: 'Send for sign-off' }).click();
    await status(campaigner).getByText('Version 1: Waiting for sign-off').waitFor();
    await screenshot(campaigner, 'sign-off-sent-desktop');
  });

  it('shows the agent the queue, the version as it will print and its proof; the agent returns it with a comment', async () => {
    await openQueue();
    await agent.getByRole('link', { name: /version 1$/ }).click();
    await agent.getByRole('heading', { name: /version 1$/, level: 2 }).waitFor();
    await agent.locator('.sign-off-page-svg').first().waitFor();
    await agent.getByText('No earlier version of this design was approved: check all of it.').waitFor();
    const proof = agent.getByRole('link', { name: 'Open the proof PDF' });
    await proof.waitFor({ timeout: patient(60_000) });
    const pdf = await readPdf(Buffer.from(await (await agentContext.request.get(rosette.baseUrl + (await proof.getAttribute('href'))!)).body()));
    expect(pdf.text).toContain('PROOF — NOT APPROVED');
    expect(pdf.text.replace(/\s+/g, ' ')).toContain(FIRST);
    await screenshot(agent, 'sign-off-queue-desktop', true);

    await agent.getByRole('button', { name: 'Return with comment' }).click();
    await agent.getByText('Say what needs to change before it can be approved.').waitFor();
    await agent.getByLabel('Comment').fill('Say which routes');
    await agent.getByRole('button', { name: 'Return with comment' }).click();
    await agent.locator('.sign-off-detail .sign-off-status', { hasText: 'Returned with comments' }).waitFor();
    await agent.locator('.sign-off-comment', { hasText: 'Say which routes' }).waitFor();
  });

  it("shows the campaigner the agent's comment; they edit and send the new version", async () => {
    await campaigner.reload();
    await status(campaigner).getByText('Version 1: Returned with comments').waitFor();
    await status(campaigner).getByText('“Say which routes”').waitFor();
    await campaigner.getByLabel('Headline text').fill(SECOND);
    await campaigner.getByRole('button', { name: 'Send for sign-off' }).click();
    await status(campaigner).getByText('Version 2: Waiting for sign-off').waitFor();
  });

  it('refuses to share a print of a version not yet approved, saying why', async () => {
    await sendButton(campaigner).click();
    await printAsItIs(campaigner);
    await campaigner.getByText('Your print-ready PDF is ready').waitFor({ timeout: patient(60_000) });
    await campaigner.getByRole('button', { name: 'Create share link' }).click();
    await campaigner.getByRole('alert').filter({ hasText: 'requires sign-off before sharing' }).waitFor();
  });

  it('lets the agent approve the new version', async () => {
    await openQueue();
    await agent.getByRole('link', { name: /version 2$/ }).click();
    await agent.getByRole('heading', { name: /version 2$/, level: 2 }).waitFor();
    await agent.getByRole('button', { name: 'Approve this version' }).click();
    await agent.locator('.sign-off-detail .sign-off-status', { hasText: 'Approved' }).waitFor();
    await screenshot(agent, 'sign-off-approved-desktop', true);
  });

  it('then lets the campaigner share the print', async () => {
    await campaigner.reload();
    await status(campaigner).getByText('Version 2: Approved').waitFor();
    await sendButton(campaigner).click();
    await printAsItIs(campaigner);
    await campaigner.getByText('Your print-ready PDF is ready').waitFor({ timeout: patient(60_000) });
    await campaigner.getByRole('button', { name: 'Create share link' }).click();
    const field = campaigner.getByLabel('Share link (shown once: copy it now)');
    await field.waitFor();
    expect(await field.inputValue()).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    await screenshot(campaigner, 'sign-off-shared-desktop');
  });

  it('shows the agent, for a later edit, what changed since the approved version, word by word', async () => {
    await campaigner.getByLabel('Headline text').fill('Buses every five minutes on routes 4 and 7');
    await campaigner.getByRole('button', { name: 'Send for sign-off' }).click();
    await status(campaigner).getByText('Version 3: Waiting for sign-off').waitFor();
    await openQueue();
    await agent.getByRole('link', { name: /version 3$/ }).click();
    await agent.getByText('Since version 2, the last one approved:').waitFor();
    const change = agent.locator('.diff-list li', { hasText: 'Heading on the front' });
    expect(await change.locator('del').allTextContents()).toEqual(['ten ']);
    expect(await change.locator('ins').allTextContents()).toEqual(['five ']);
    await change.scrollIntoViewIfNeeded();
    await screenshot(agent, 'sign-off-diff-desktop');
  });

  it('passes axe-core on the Sign-off screen with a request open, and in the editor with its status', async () => {
    await agent.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(await seriousAxeViolations(agent, 'sign-off screen, a request open (desktop)')).toEqual([]);
    expect(await seriousAxeViolations(campaigner, 'editor with the sign-off status (desktop)')).toEqual([]);
  });

  it('raised no unexpected errors', () => {
    expect(errors).toEqual([]);
    expect(agentErrors).toEqual([]);
  });
});
