import { CALM } from '../support/calm-probes';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import type { TestAccount, TestClient } from '../support/test-client';
import { REAL_IMPRINT } from '../support/real-imprint';
import { patient, waitFor } from '../support/wait-for';
import { seriousAxeViolations } from './support/axe';
import { LAPTOP, launchChromium, newContext, PHONE, screenshot } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { fillRealImprint, sendButton, signIn, startFromTemplate } from './support/editor-page';

jest.setTimeout(patient(240_000));

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

/** The admin's switch through the API, then waits until the server answers accordingly. */
async function maintenance(admin: TestClient, on: boolean): Promise<void> {
  const body = on ? { mode: 'on', message: 'Back after the count.', reason: 'accessibility test' } : { mode: 'auto', reason: 'accessibility test over' };
  expect((await admin.request('/api/admin/maintenance', { json: body })).status).toBe(200);
  await waitFor(`the server ${on ? 'in' : 'out of'} maintenance`, async () => (await fetch(`${rosette.baseUrl}/api/service-status`)).status === (on ? 503 : 200));
}

describe('the axe-core check itself', () => {
  it('fails a page with an unnamed button and a picture without a text alternative, naming the rule, its impact and the element', async () => {
    const context = await newContext(browser, LAPTOP);
    try {
      const page = await context.newPage();
      await page.setContent('<!doctype html><html lang="en"><head><title>Control</title></head><body><main><h1>Control</h1><button id="bare"></button><img id="pic" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>');
      expect(await seriousAxeViolations(page, 'control')).toEqual([
        expect.stringMatching(/^control: button-name \(critical\) .+: #bare$/),
        expect.stringMatching(/^control: image-alt \(critical\) .+: #pic$/),
      ]);
    } finally {
      await context.close();
    }
  });
});

/**
 * Every screen, checked by axe-core (test/e2e/support/axe.ts) on a desktop and a phone, in the states a
 * campaigner meets (a problem shown, a question asked, a job done): no serious or critical violation.
 * One browser; one page per viewport walks from screen to screen, as a person would.
 */
describe.each([
  ['desktop', LAPTOP],
  ['phone', PHONE],
])('axe-core on every screen, on a %s', (device, viewport) => {
  let context: BrowserContext;
  let page: Page;
  let account: TestAccount;
  let admin: TestClient;
  let shareUrl = '';
  const check = async (screen: string) => {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(await seriousAxeViolations(page, `${screen} (${device})`)).toEqual([]);
  };

  beforeAll(async () => {
    context = await newContext(browser, viewport);
    page = await context.newPage();
    // An admin: they see every screen, the campaigner's too (for their own organisation).
    account = await rosette.createAccount({ role: 'admin', organisation: `Accessible ${device}` });
    admin = await rosette.signedIn(account);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('the set-password and sign-in pages', async () => {
    await page.goto(rosette.baseUrl + '/#/invite/' + 'A'.repeat(43));
    await page.getByRole('heading', { name: 'Welcome to Rosette' }).waitFor();
    await check('set-password page');
    await page.goto(rosette.baseUrl + '/#/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await check('sign-in page');
    await signIn(page, rosette.baseUrl, account);
  });

  it('the gallery', async () => {
    await page.locator('svg.thumbnail').first().waitFor();
    await page.locator('#organisation-imprint-notice').waitFor();
    await check('gallery');
  });

  it("the organisation's imprint, with a problem shown and once saved", async () => {
    await page.goto(rosette.baseUrl + '/#/imprint');
    await page.getByRole('heading', { name: 'Your organisation’s imprint' }).waitFor();
    await check('imprint screen');
    await page.getByRole('button', { name: 'Save the imprint' }).click();
    await page.locator('.field-problem').first().waitFor();
    await check('imprint screen with problems');
    for (const [role, who] of [['promoter', 'Promoter'], ['printer', 'Printer']] as const) {
      await page.getByLabel(`${who} name`, { exact: true }).fill(REAL_IMPRINT[role].name);
      await page.getByLabel(`${who} address`, { exact: true }).fill(REAL_IMPRINT[role].address);
    }
    await page.getByRole('button', { name: 'Save the imprint' }).click();
    await page.getByText('Saved. New designs start from this imprint.').waitFor();
    await check('imprint screen, saved');
  });

  it('the editor, both sides, with the sample imprint flagged', async () => {
    await startFromTemplate(page, rosette.baseUrl, 'A5 two-sided flyer');
    // This one starts from the template's sample, to see the editor's problems too.
    await page.getByLabel('Promoter name', { exact: true }).fill('Alex Example');
    await page.locator('#imprint-sample-notice').waitFor();
    await check('editor, front');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page.getByRole('heading', { name: 'Back: words, pictures and colours' }).waitFor();
    await check('editor, back');
    await page.getByRole('button', { name: 'Front', exact: true }).click();
    await fillRealImprint(page);
  });

  it('the print panel: the template-words question, then the finished PDF with a share link', async () => {
    await sendButton(page).click();
    await page.locator('#template-text-notice').waitFor();
    await check('print panel, template words');
    await page.getByRole('button', { name: 'Print as it is' }).click();
    await page.getByText('Your print-ready PDF is ready').waitFor({ timeout: patient(60_000) });
    await page.getByRole('button', { name: 'Create share link' }).click();
    const link = page.getByLabel('Share link (shown once: copy it now)');
    await link.waitFor();
    shareUrl = await link.inputValue();
    await check('print panel, done');
  });

  it("a volunteer's share page", async () => {
    await page.goto(shareUrl);
    await page.getByRole('link', { name: /Download/ }).first().waitFor();
    await check('share page');
  });

  it("the print history, and the organisation's designs", async () => {
    await page.goto(rosette.baseUrl + '/#/history');
    await page.getByRole('heading', { name: 'Print history' }).waitFor();
    await page.getByText('Ready', { exact: true }).first().waitFor();
    await check('print history');
    const template = (await (await admin.request('/api/templates/a5-flyer')).json()) as { design: unknown };
    expect((await admin.request('/api/designs', { json: { design: template.design } })).status).toBe(201);
    await page.goto(rosette.baseUrl + '/#/');
    await page.getByRole('heading', { name: 'My organisation’s designs' }).waitFor();
    await page.getByRole('button', { name: 'Duplicate' }).first().waitFor();
    await check('designs list');
  });

  it("the admin's console and accounts page", async () => {
    await page.goto(rosette.baseUrl + '/admin');
    await page.getByRole('heading', { name: 'Admin console' }).waitFor();
    await page.locator('.mode-now').first().waitFor();
    await check('admin console');
    await page.goto(rosette.baseUrl + '/admin/accounts');
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await page.getByRole('table').first().waitFor();
    await check('accounts page');
  });

  it('in maintenance: the installed editor with its banner, and the branded page a browser gets otherwise', async () => {
    await page.goto(rosette.baseUrl + '/');
    await page.locator('a.draft-link').first().click();
    await page.getByLabel('Headline text').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await maintenance(admin, true);
    try {
      await page.reload();
      await page.getByRole('status', { name: 'Rosette is closed for now' }).waitFor();
      await check('editor in maintenance');
      const plain = await newContext(browser, viewport, { serviceWorkers: 'block' });
      try {
        const other = await plain.newPage();
        expect((await other.goto(rosette.baseUrl + '/'))?.status()).toBe(503);
        await other.getByRole('heading', { name: 'Rosette is in maintenance' }).waitFor();
        expect(await seriousAxeViolations(other, `maintenance page (${device})`)).toEqual([]);
      } finally {
        await plain.close();
      }
    } finally {
      await maintenance(admin, false);
    }
  });
});

describe('the keyboard and small screens', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(browser, LAPTOP);
    page = await context.newPage();
    await signIn(page, rosette.baseUrl, await rosette.createAccount());
    await startFromTemplate(page, rosette.baseUrl, 'A5 two-sided flyer');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('reaches Send to print with the Tab key, with a visible focus outline', async () => {
    await fillRealImprint(page);
    await page.reload();
    await page.getByLabel('Headline text').waitFor();
    let focused = '';
    for (let presses = 0; presses < 400 && focused !== 'send-to-print'; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('send-to-print');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);

    // And the keyboard alone sends it, confirming the template's words it still has.
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Print as it is' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Your print-ready PDF is ready').waitFor({ timeout: patient(30_000) });
  });

  it('switches the side from the keyboard', async () => {
    await page.getByRole('button', { name: 'Back' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Back: words, pictures and colours' }).waitFor();
    expect(await page.getByRole('button', { name: 'Back' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('fits a phone screen without sideways scrolling, in the gallery and the editor', async () => {
    await page.setViewportSize(PHONE);
    for (const url of [rosette.baseUrl + '/', page.url()]) {
      await page.goto(url);
      await page.locator('main').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      if (url.endsWith('/')) {
        await page.locator('svg.thumbnail').first().waitFor();
        await screenshot(page, 'gallery-phone-with-draft');
      }
    }
  });
});
