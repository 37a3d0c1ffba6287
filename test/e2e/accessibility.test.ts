import { CALM } from '../support/calm-probes';
import type { Browser, Page } from 'playwright-core';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext, PHONE, screenshot } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { fillRealImprint, signIn, startFromTemplate } from './support/editor-page';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(120_000));

let rosette: RunningRosette;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  page = await (await newContext(browser)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await rosette?.close();
});

/**
 * Form controls without an accessible name: no aria-label, no aria-labelledby text, no <label>, and (for
 * buttons) no text. Answers a description of each, so a failure says which control it is.
 */
function unnamedControls(page: Page): Promise<string[]> {
  return page.locator('input, select, textarea, button').evaluateAll((controls) =>
    controls
      .filter((el) => {
        const text = (s: string | null | undefined) => (s ?? '').trim().length > 0;
        if (text(el.getAttribute('aria-label'))) return false;
        const labelledBy = el.getAttribute('aria-labelledby');
        if (labelledBy && labelledBy.split(/\s+/).some((id) => text(document.getElementById(id)?.textContent))) return false;
        const labels = (el as HTMLInputElement).labels;
        if (labels && [...labels].some((l) => text(l.textContent))) return false;
        if (el.tagName === 'BUTTON' && text(el.textContent)) return false;
        return true;
      })
      .map((el) => el.outerHTML.slice(0, 160)),
  );
}

describe('accessibility basics', () => {
  it('names every control on the set-password and sign-in pages, and signs in', async () => {
    await page.goto(rosette.baseUrl + '/#/invite/' + 'A'.repeat(43));
    await page.getByRole('heading', { name: 'Welcome to Rosette' }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await page.goto(rosette.baseUrl + '/#/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await signIn(page, rosette.baseUrl, await rosette.createAccount());
  });

  it('names every control in the gallery', async () => {
    await page.goto(rosette.baseUrl + '/');
    await page.locator('svg.thumbnail').first().waitFor();
    expect(await page.locator('button').count()).toBeGreaterThanOrEqual(6);
    expect(await unnamedControls(page)).toEqual([]);
  });

  it('names every control in the editor, on both sides of the leaflet', async () => {
    await startFromTemplate(page, rosette.baseUrl, 'A5 two-sided flyer');
    expect(await page.locator('input, select, textarea, button').count()).toBeGreaterThan(30);
    expect(await unnamedControls(page)).toEqual([]);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Back: words, pictures and colours' }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await page.getByRole('button', { name: 'Front' }).click();
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
