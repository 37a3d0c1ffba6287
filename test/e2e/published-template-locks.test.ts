import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CALM } from '../support/calm-probes';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { withRealImprint } from '../support/real-imprint';
import type { TestClient } from '../support/test-client';
import { patient } from '../support/wait-for';
import { seriousAxeViolations } from './support/axe';
import { LAPTOP, launchChromium, newContext, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { signIn } from './support/editor-page';

jest.setTimeout(patient(120_000));

let rosette: RunningRosette;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let nationalAgent: TestClient;
let sourceId: string;

/**
 * Issue 16: a national party publishes a template with its logo locked to a local party two levels
 * below it; the local campaigner starts from it in the gallery and cannot move or change the logo in
 * the editor, while the open parts stay editable.
 */
beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  const national = await rosette.createAccount({ organisation: 'National Party', role: 'agent' });
  const region = await rosette.createAccount({ organisation: 'Western Region' });
  const local = await rosette.createAccount({ organisation: 'Riverside Local' });
  const admin = await rosette.signedIn(await rosette.createAccount({ role: 'admin', organisation: 'Rosette' }));
  for (const [child, parent] of [
    [region, national],
    [local, region],
  ] as const) {
    expect((await admin.request(`/api/admin/organisations/${child.orgId}/parent`, { method: 'PUT', json: { parentId: parent.orgId } })).status).toBe(200);
  }
  nationalAgent = await rosette.signedIn(national);
  const flyer = ((await (await nationalAgent.request('/api/templates/a5-flyer')).json()) as { design: Record<string, any> }).design;
  const design: Record<string, any> = withRealImprint({ ...flyer, title: 'National newsletter' });
  design.pages[0].elements.find((e: { id: string }) => e.id === 'photo').id = 'logo';
  sourceId = ((await (await nationalAgent.request('/api/designs', { json: { design } })).json()) as { id: string }).id;
  expect((await nationalAgent.request('/api/published-templates', { json: { designId: sourceId, locked: ['logo', 'band'] } })).status).toBe(201);
  // The national brand kit's colours, which the local party inherits.
  expect((await nationalAgent.request(`/api/organisations/${national.orgId}/brand-kit`, { method: 'PUT', json: { colours: [{ name: 'Party plum', colour: 'cmyk(60, 100, 20, 10)' }] } })).status).toBe(200);
  context = await newContext(browser, LAPTOP);
  page = await context.newPage();
  // The crafted save below is refused (422), as it must be: the browser logs that answer.
  errors = watchForErrors(page, [/status of 422/]);
  await signIn(page, rosette.baseUrl, local);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await rosette?.close();
});

describe('a local campaigner and a template published by the national party', () => {
  it('finds it in the gallery beside the built-in templates, saying who published it and that parts are locked', async () => {
    const section = page.getByRole('region', { name: 'Templates from your party' });
    await section.waitFor();
    await section.getByText('From National Party, version 1. 2 parts are locked').waitFor();
    await page.getByRole('button', { name: 'Start with the A5 two-sided flyer' }).waitFor();
    expect(await seriousAxeViolations(page, 'gallery with published templates')).toEqual([]);
  });

  it('starts a design from it, in which the logo is locked by National Party and cannot be moved or changed', async () => {
    await page.getByRole('button', { name: 'Start with the National newsletter' }).click();
    await page.getByRole('heading', { name: 'Imprint', exact: true }).waitFor();
    const logo = page.locator('[data-element-card="logo"]');
    await logo.getByText('Locked by National Party: it cannot be moved, changed or deleted.').waitFor();
    const controls = logo.locator('input, select, textarea, button');
    expect(await controls.count()).toBeGreaterThan(0);
    for (const control of await controls.all()) expect(await control.isDisabled()).toBe(true);
    // The band is locked too; the headline is the campaigner's to write.
    for (const control of await page.locator('[data-element-card="band"]').locator('input, select, button').all()) expect(await control.isDisabled()).toBe(true);
    const headline = page.locator('[data-element-card="headline"]').locator('textarea, input').first();
    expect(await headline.isEnabled()).toBe(true);
    await headline.fill('Riverside needs a bus');
    // The palette offers the inherited brand colour by its name, and choosing it colours the headline.
    await page.locator('[data-element-card="headline"]').getByText('Party plum', { exact: true }).click();
    expect(await page.locator('[data-element-card="headline"]').getByRole('radio', { name: /Party plum/ }).isChecked()).toBe(true);
    expect(await seriousAxeViolations(page, 'editor with locked elements')).toEqual([]);
    await screenshot(page, 'published-template-locked-logo', true);
  });

  it('has the server refuse a save that moves the logo, made from this page past the editor (422 naming the element)', async () => {
    const refused = await page.evaluate(async () => {
      const session = await (await fetch('/api/session')).json();
      const [design] = (await (await fetch('/api/designs')).json()).designs;
      const saved = await (await fetch(design.url)).json();
      const logo = saved.design.pages[0].elements.find((e: { id: string }) => e.id === 'logo');
      logo.box.y += 2;
      logo.box.height -= 2;
      const res = await fetch(design.url, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken }, body: JSON.stringify({ design: saved.design }) });
      return { status: res.status, body: await res.json() };
    });
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'element_locked', message: expect.stringContaining('"logo"') } } });
  });

  it('is told in the gallery when the national party publishes a newer version', async () => {
    expect((await nationalAgent.request('/api/published-templates', { json: { designId: sourceId, locked: ['logo'] } })).status).toBe(201);
    await page.goto(rosette.baseUrl + '/');
    await page.getByText('A newer version of the template it was made from is published (version 2; this design is from version 1)').waitFor();
    expect(await seriousAxeViolations(page, 'gallery with a newer template version')).toEqual([]);
    expect(errors).toEqual([]);
  });
});
