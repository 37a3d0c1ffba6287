import { CALM } from '../support/calm-probes';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext, PHONE, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { previewText, sendButton, signIn, startFromTemplate } from './support/editor-page';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(120_000));

/** Where these screenshots are also kept for a person to look at (besides .artifacts/screenshots). */
const LOOK_AT = '/tmp/rosette-phone';

let rosette: RunningRosette;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  page = await (await newContext(browser, PHONE)).newPage();
  errors = watchForErrors(page);
  await signIn(page, rosette.baseUrl, await rosette.createAccount());
  await startFromTemplate(page, rosette.baseUrl, 'A5 two-sided flyer');
});

afterAll(async () => {
  await browser?.close();
  await rosette?.close();
});

async function keep(name: string): Promise<void> {
  const file = await screenshot(page, name);
  fs.mkdirSync(LOOK_AT, { recursive: true });
  fs.copyFileSync(file, path.join(LOOK_AT, path.basename(file)));
}

/** Where a thing is on the screen, and whether it is what the screen shows at its centre (nothing pinned over it). */
async function onScreen(locator: Locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      inViewport: r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth && r.height > 0,
      uncovered: top !== null && (el === top || el.contains(top)),
      scrolledBy: window.scrollY,
      height: r.height,
    };
  });
}

describe('the editor on a phone (390 × 844)', () => {
  it('keeps the preview and Send in view while a field far down the form is edited', async () => {
    const form = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(form).toBeGreaterThan(3 * 844);

    const vote = page.getByLabel('Vote text');
    await vote.fill('Vote on Thursday 7 May, 7am to 10pm');
    await page.waitForFunction(() => [...document.querySelectorAll('svg.preview-page text[data-element-id="vote"]')].map((t) => t.textContent).join(' ').includes('7am to 10pm'));
    expect(await previewText(page, 'vote')).toContain('7am to 10pm');

    const field = await onScreen(vote);
    const preview = await onScreen(page.locator('svg.preview-page'));
    const send = await onScreen(sendButton(page));
    expect(field).toMatchObject({ inViewport: true, uncovered: true });
    expect(field.scrolledBy).toBeGreaterThan(600);
    expect(preview).toMatchObject({ inViewport: true, uncovered: true });
    expect(preview.height).toBeGreaterThan(150);
    expect(send).toMatchObject({ inViewport: true, uncovered: true });
    await keep('phone-editing-far-down');
  });

  it('keeps them in view at the imprint, the end of the form, too', async () => {
    const printer = page.getByLabel('Printer address');
    await printer.fill('Unit 4, Mill Lane, Riverside RV2 3BB');
    const field = await onScreen(printer);
    expect(field).toMatchObject({ inViewport: true, uncovered: true });
    expect(field.scrolledBy).toBeGreaterThan(2 * 844);
    expect(await onScreen(page.locator('svg.preview-page'))).toMatchObject({ inViewport: true, uncovered: true });
    expect(await onScreen(sendButton(page))).toMatchObject({ inViewport: true, uncovered: true });
    await keep('phone-editing-imprint');
  });

  it('shows the preview full-size on request, and as a thumbnail again', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const toggle = page.getByRole('button', { name: 'Large preview' });
    const small = (await onScreen(page.locator('svg.preview-page'))).height;
    await toggle.click();
    await page.waitForFunction(() => document.querySelector('.editor-preview')?.classList.contains('preview-large'));
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect((await onScreen(page.locator('svg.preview-page'))).height).toBeGreaterThan(small * 1.5);
    await keep('phone-large-preview');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('on its side (844 × 390), lets the preview scroll away but keeps Send in view', async () => {
    await page.setViewportSize({ width: 844, height: 390 });
    const printer = page.getByLabel('Printer address');
    await printer.fill('Unit 5, Mill Lane, Riverside RV2 3BB');
    expect(await onScreen(printer)).toMatchObject({ inViewport: true, uncovered: true });
    expect(await onScreen(sendButton(page))).toMatchObject({ inViewport: true, uncovered: true });
    expect((await onScreen(page.locator('svg.preview-page'))).inViewport).toBe(false);
    await keep('phone-landscape');
    await page.setViewportSize(PHONE);
    expect(errors).toEqual([]);
  });
});
