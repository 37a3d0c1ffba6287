import { CALM } from '../support/calm-probes';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext, PHONE, screenshot, SCREENSHOTS, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { fillRealImprint, previewText, printAsItIs, sendButton, signIn, startFromTemplate } from './support/editor-page';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(180_000));

/** The desktop the issue was tried on. */
const DESKTOP = { width: 1366, height: 850 };

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

/** The front of the A5 flyer in the campaigner's own words: only the back keeps the template's. */
const FRONT_WORDS: Array<[label: string, words: string]> = [
  ['Headline text', 'Safer streets for Riverside'],
  ['Body paragraph 1', 'Street lights on every path to the station, mended within a week of being reported.'],
  ['Body paragraph 2', 'A crossing outside the primary school, and a twenty limit on the high street.'],
  ['Body paragraph 3', 'Jo has walked these streets with residents every month for three years.'],
  ['Body list 1, item 1', 'Lights mended within a week'],
  ['Body list 1, item 2', 'A school crossing'],
  ['Body list 1, item 3', 'Twenty on the high street'],
  ['Vote text', 'Vote Jo Bloggs on 7 May'],
];

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('a campaigner checking the A5 flyer before printing, on a %s', (device, viewport) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let account: Awaited<ReturnType<RunningRosette['createAccount']>>;

  beforeAll(async () => {
    context = await newContext(browser, viewport);
    page = await context.newPage();
    errors = watchForErrors(page, [/status of 422/]);
    account = await rosette.createAccount({ organisation: 'Riverside Labour' });
    await signIn(page, rosette.baseUrl, account);
    await startFromTemplate(page, rosette.baseUrl, 'A5 two-sided flyer');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('is told the imprint is still the sample, beside each field, and cannot send it', async () => {
    const notice = page.locator('#imprint-sample-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Fill in your own imprint\. 6 details below are still the template’s sample or a placeholder\. Rosette will not print a leaflet with them/);
    const promoterName = page.getByLabel('Promoter name', { exact: true });
    expect(await promoterName.getAttribute('aria-invalid')).toBe('true');
    await page.locator('.field-problem', { hasText: '"Alex Example" is a sample promoter name: fill in the name of the person responsible for this leaflet (often the agent)' }).waitFor();
    expect(await sendButton(page).getAttribute('aria-disabled')).toBe('true');
    await page.locator('#send-reasons', { hasText: 'Imprint: "Alex Example" is a sample promoter name' }).waitFor();
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, `imprint-sample-${device}`);

    // The server refuses it too, naming the fields, whatever sends it.
    const client = await rosette.signedIn(account);
    const { design } = (await (await client.request('/api/templates/a5-flyer')).json()) as { design: unknown };
    const refused = await client.request('/api/print-jobs', { json: { design, confirm: { unchangedTemplateText: true } } });
    expect(refused.status).toBe(422);
    const { error } = (await refused.json()) as { error: { code: string; fields: Array<{ path: string }> } };
    expect(error.code).toBe('sample_imprint');
    expect(error.fields.map((f) => f.path)).toContain('design.imprint.promoter.name');

    await fillRealImprint(page);
    await page.waitForFunction(() => document.getElementById('send-to-print')?.getAttribute('aria-disabled') === 'false');
  });

  it('sees both sides before Send, with the back page\'s template words flagged, and prints them only when confirmed', async () => {
    for (const [label, words] of FRONT_WORDS) await page.getByLabel(label, { exact: true }).fill(words);
    const sides = page.locator('.sides-review');
    await sides.locator('.side[data-page="0"]', { hasText: 'Front: your own words' }).waitFor();
    const back = sides.locator('.side[data-page="1"]', { hasText: 'Back: 1 heading and 2 paragraphs unchanged from the template' });
    await back.waitFor();
    // The heading and the text box are outlined on the back; nothing on the front.
    expect(await back.locator('.side-mark').count()).toBe(2);
    expect(await sides.locator('.side[data-page="0"] .side-mark').count()).toBe(0);
    expect(await page.getByLabel('Copies').count()).toBe(0);
    await sides.scrollIntoViewIfNeeded();
    await screenshot(page, `sides-before-send-${device}`);

    await sendButton(page).click();
    const notice = page.locator('#template-text-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Page 2 (back): 1 heading and 2 paragraphs unchanged from the template');
    await notice.scrollIntoViewIfNeeded();
    await screenshot(page, `template-words-refused-${device}`);

    // The sentence takes the campaigner to the back page's heading...
    await notice.getByRole('button', { name: 'Edit the words on page 2' }).click();
    await page.getByRole('heading', { name: 'Back: words, pictures and colours' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-pages-1-elements-0-text');
    // ...who decides to print it as it is.
    await printAsItIs(page);
    await page.getByText('Your print-ready PDF is ready').waitFor({ timeout: patient(60_000) });
  });

  it('undoes and redoes changes with the buttons and the keys', async () => {
    await page.getByRole('button', { name: 'Front', exact: true }).click();
    const headline = page.getByLabel('Headline text');
    const name = page.getByLabel('Leaflet name');
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    const before = await headline.inputValue();
    const title = await name.inputValue();

    await headline.fill('A headline to take back');
    await name.fill('Renamed flyer');
    await page.keyboard.press('Control+z');
    await page.waitForFunction((t) => (document.getElementById('field-title') as HTMLInputElement).value === t, title);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((t) => (document.getElementById('field-pages-0-elements-1-text') as HTMLTextAreaElement).value === t, before);
    await page.waitForFunction((t) => [...document.querySelectorAll('svg.preview-page text[data-element-id="headline"]')].map((e) => e.textContent).join(' ') === t, before);
    expect(await previewText(page, 'headline')).toBe(before);

    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => (document.getElementById('field-pages-0-elements-1-text') as HTMLTextAreaElement).value === 'A headline to take back');
    await page.keyboard.press('Control+y');
    await page.waitForFunction(() => (document.getElementById('field-title') as HTMLInputElement).value === 'Renamed flyer');
    expect(await redo.getAttribute('aria-disabled')).toBe('true');

    await undo.click();
    expect(await name.inputValue()).toBe(title);
    expect(await redo.getAttribute('aria-disabled')).toBe('false');
    await redo.click();
    expect(await name.inputValue()).toBe('Renamed flyer');
    await page.locator('.site-header').screenshot({ path: path.join(SCREENSHOTS, `undo-redo-${device}.png`) });
  });

  it('shows each palette colour by name', async () => {
    const names = page.locator('fieldset.palette').first().locator('.swatch-name');
    expect(await names.allTextContents()).toEqual(expect.arrayContaining(['Red', 'Black', 'White', 'Cream', 'Yellow', 'Deep blue']));
    expect(await names.filter({ hasText: 'Deep blue' }).isVisible()).toBe(true);
  });

  it('moves a cropped photo inside its box, and the preview follows', async () => {
    const image = page.locator('svg.preview-page g[data-element-id="photo"] image');
    const centred = Number(await image.getAttribute('y'));
    const slider = page.getByLabel('Top to bottom');
    expect(await slider.inputValue()).toBe('50');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction((before) => Number(document.querySelector('svg.preview-page g[data-element-id="photo"] image')?.getAttribute('y')) !== before, centred);
    // The top of the picture shows: it starts at the top of its box (46 mm down the page), where centred it started above it.
    expect(centred).toBeLessThan(46);
    expect(Number(await image.getAttribute('y'))).toBeCloseTo(46, 6);
    expect(await slider.inputValue()).toBe('0');
  });

  it('asks for a new description when a photo is replaced, instead of keeping the old one', async () => {
    const alt = page.getByLabel('Photo: description');
    expect(await alt.inputValue()).toBe('The candidate at the bus station');
    const png = await sharp({ create: { width: 1800, height: 640, channels: 3, background: '#2a7f62' } }).png().toBuffer();
    await page.getByLabel('Photo: upload a photo or logo').setInputFiles({ name: 'canvassers.png', mimeType: 'image/png', buffer: png });
    await page.getByText('canvassers.png is in the leaflet').waitFor();
    expect(await alt.inputValue()).toBe('');
    await page.getByText('Describe the new picture in a few words: the description of the old one has been removed.').waitFor();
    await alt.fill('Canvassers on the high street');
    await page.getByText('Describe the new picture in a few words').waitFor({ state: 'detached' });
  });

  it('raised no unexpected errors', () => {
    expect(errors).toEqual([]);
  });
});
