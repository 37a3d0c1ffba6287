import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CALM } from '../support/calm-probes';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { withRealImprint } from '../support/real-imprint';
import type { TestAccount } from '../support/test-client';
import { patient } from '../support/wait-for';
import { seriousAxeViolations } from './support/axe';
import { LAPTOP, launchChromium, newContext, PHONE, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { signIn } from './support/editor-page';

jest.setTimeout(patient(120_000));

let rosette: RunningRosette;
let browser: Browser;
let regionAgent: TestAccount;
let local: TestAccount;
const contexts: BrowserContext[] = [];
/** Errors each page reported that no step provoked on purpose. */
const errors: string[][] = [];

/** A fresh browser profile signed in as `account`; `expected` names errors the steps provoke on purpose. */
async function pageFor(account: TestAccount, expected: RegExp[] = []): Promise<Page> {
  const context = await newContext(browser, LAPTOP);
  contexts.push(context);
  const page = await context.newPage();
  const seen = watchForErrors(page, expected);
  // Which address answered an error, to tell from the console's bare "status of 503".
  page.on('response', (res) => {
    if (res.status() >= 500) seen.push(`response: ${res.status()} ${new URL(res.url()).pathname}`);
  });
  errors.push(seen);
  await signIn(page, rosette.baseUrl, account);
  return page;
}

/**
 * Issue 16's screens: an admin arranges the organisation tree in the console (a local party under its
 * region; a loop refused with a message beside the choice), the region's agent publishes a saved design
 * as a template with its logo locked, and the local party's campaigner finds it in the gallery.
 */
beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  regionAgent = await rosette.createAccount({ organisation: 'Western Region', role: 'agent' });
  local = await rosette.createAccount({ organisation: 'Riverside Local' });
  await rosette.createAccount({ organisation: 'Hillside Greens' });
  // The region's saved design: the A5 flyer with its photo as the region's logo.
  const agentClient = await rosette.signedIn(regionAgent);
  const flyer = ((await (await agentClient.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
  const design: Record<string, any> = withRealImprint({ ...flyer, title: 'Western newsletter' });
  design.pages[0].elements.find((e: { id: string }) => e.id === 'photo').id = 'logo';
  expect((await agentClient.request('/api/designs', { json: { design } })).status).toBe(201);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await rosette?.close();
});

describe('an admin arranges the organisation tree', () => {
  let page: Page;
  beforeAll(async () => {
    // The refused move below is answered 409, which the browser logs.
    page = await pageFor(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }), [/status of 409/]);
  });

  it('finds the tree from the header and puts the local party under its region', async () => {
    // From the header's admin links (the console and the accounts page link to it too).
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
    const tree = page.getByRole('list', { name: 'Organisation tree' });
    await tree.getByText('Riverside Local', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Change parent of Riverside Local' }).click();
    await page.getByLabel('Parent of Riverside Local').selectOption({ label: 'Western Region' });
    await page.getByRole('button', { name: 'Save the parent' }).click();
    await page.getByRole('status').getByText('Riverside Local is now under Western Region.').waitFor();
    // Drawn inside the region's branch, and the server has it so.
    await page.locator('li[data-organisation="Western Region"] li[data-organisation="Riverside Local"]').waitFor();
    const admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
    const { organisations } = (await (await admin.request('/api/admin/organisation-tree')).json()) as { organisations: Array<{ id: string; parentId: string | null }> };
    expect(organisations.find((o) => o.id === local.orgId)?.parentId).toBe(regionAgent.orgId);
    expect(await seriousAxeViolations(page, 'organisation tree')).toEqual([]);
    await screenshot(page, 'screens-organisation-tree', true);
  });

  it('is told beside the choice, in words, why the region cannot go under its own local party', async () => {
    await page.getByRole('button', { name: 'Change parent of Western Region' }).click();
    const choice = page.getByLabel('Parent of Western Region');
    await choice.selectOption({ label: 'Riverside Local (under Western Region)' });
    await page.getByRole('button', { name: 'Save the parent' }).click();
    const form = page.getByRole('form', { name: 'Move Western Region' });
    const message = form.getByRole('alert');
    await message.getByText('Western Region cannot go under Riverside Local: Riverside Local is below Western Region already').waitFor();
    expect(await choice.getAttribute('aria-invalid')).toBe('true');
    // Nothing moved.
    await page.locator('li[data-organisation="Western Region"] li[data-organisation="Riverside Local"]').waitFor();
    expect(await seriousAxeViolations(page, 'organisation tree with a refused move')).toEqual([]);
    await screenshot(page, 'screens-organisation-tree-cycle', true);
  });

  it("opens an organisation's brand kit from its place in the tree", async () => {
    await page.getByRole('link', { name: 'Brand kit of Western Region' }).click();
    await page.getByRole('heading', { name: 'Western Region’s brand kit', level: 1 }).waitFor();
    expect(errors[0]).toEqual([]);
  });
});

describe("the region's agent publishes a template with the logo locked", () => {
  let page: Page;
  beforeAll(async () => {
    page = await pageFor(regionAgent);
  });

  it('opens the publish screen from the agent’s desk and ticks the logo, which the preview outlines', async () => {
    await page.getByRole('navigation', { name: "Agent's desk" }).getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { name: 'Templates you publish' }).waitFor();
    await page.getByText('Nothing published yet.').waitFor();
    expect(await seriousAxeViolations(page, "agent's templates")).toEqual([]);
    await page.getByRole('link', { name: 'Publish as a template: “Western newsletter”' }).click();
    await page.getByRole('heading', { name: 'Publish “Western newsletter” as a template' }).waitFor();
    await page.getByRole('heading', { name: 'Published versions' }).waitFor();
    await page.getByText('Not published yet.').waitFor();
    expect(await page.locator('[data-locked-element]').count()).toBe(0);
    await page.getByRole('checkbox', { name: /^Picture: Logo/ }).check();
    await page.locator('svg.publish-locks [data-locked-element="logo"]').waitFor();
    await page.getByText('1 part locked.').waitFor();
    expect(await seriousAxeViolations(page, 'publish screen')).toEqual([]);
    await screenshot(page, 'screens-publish-logo-locked', true);
  });

  it('publishes version 1 and lists it with the logo locked', async () => {
    await page.getByRole('button', { name: 'Publish as a template' }).click();
    await page.getByRole('status').getByText('Published version 1 of “Western newsletter”.').waitFor();
    const rows = page.getByRole('table').getByRole('row');
    await page.getByRole('button', { name: 'Publish version 2' }).waitFor();
    // The confirmation stays once the versions are read again.
    expect(await page.getByRole('status').getByText('Published version 1 of “Western newsletter”.').isVisible()).toBe(true);
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toMatch(/^1 \(newest\).*Western newsletter.*Picture: Logo/);
    // Publishing again starts from the newest version's locks; with nothing changed there is nothing new to publish.
    expect(await page.getByRole('checkbox', { name: /^Picture: Logo/ }).isChecked()).toBe(true);
    await page.getByText('Version 1 already has this saved version of the design and these locks.').waitFor();
    expect(await page.getByRole('button', { name: 'Publish version 2' }).isDisabled()).toBe(true);
  });
});

describe("the local party's campaigner", () => {
  it('finds the region’s template in the gallery, with one part locked', async () => {
    const page = await pageFor(local);
    const section = page.getByRole('region', { name: 'Templates from your party' });
    await section.getByText('From Western Region, version 1. One part is locked').waitFor();
    await section.getByRole('button', { name: 'Start with the Western newsletter' }).waitFor();
    // A campaigner is not offered publishing.
    expect(await page.getByRole('link', { name: 'Templates', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /as a template/ }).count()).toBe(0);
    await screenshot(page, 'screens-campaigner-gallery', true);
    await page.getByRole('button', { name: 'Start with the Western newsletter' }).click();
    await page.locator('[data-element-card="logo"]').getByText('Locked by Western Region').waitFor();
    expect(errors.at(-1)).toEqual([]);
  });
});

describe('the agent publishes a new version', () => {
  it('locks the band too, and sees both versions, newest first', async () => {
    const page = await pageFor(regionAgent);
    await page.goto(rosette.baseUrl + '/#/templates');
    await page.getByRole('heading', { name: 'Published', exact: true }).waitFor();
    expect(await seriousAxeViolations(page, "agent's templates with one published")).toEqual([]);
    await screenshot(page, 'screens-templates-desk', true);
    await page.getByRole('link', { name: 'Versions and new version: “Western newsletter”' }).click();
    await page.getByRole('button', { name: 'Publish version 2' }).waitFor();
    expect(await seriousAxeViolations(page, 'publish screen with a published version')).toEqual([]);
    await page.getByRole('checkbox', { name: /\(band\)$/ }).check();
    await page.locator('svg.publish-locks [data-locked-element="band"]').waitFor();
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByRole('status').getByText('Published version 2 of “Western newsletter”.').waitFor();
    await page.getByRole('button', { name: 'Publish version 3' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toMatch(/^2 \(newest\)/);
    expect(await rows.nth(2).textContent()).toMatch(/^1.*Picture: Logo/);
    await screenshot(page, 'screens-publish-versions', true);
    // On a phone the list, the preview and the versions stack.
    await page.setViewportSize(PHONE);
    await screenshot(page, 'screens-publish-phone', true);
    expect(await seriousAxeViolations(page, 'publish screen on a phone')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(errors.at(-1)).toEqual([]);
  });
});
