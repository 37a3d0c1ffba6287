import { CALM } from '../support/calm-probes';
import crypto from 'node:crypto';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { fillRealImprint, printAsItIs, sendButton, signIn, startFromTemplate } from './support/editor-page';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(120_000));

/** A small upload limit, so a "too big" file is quick to make. */
const UPLOAD_LIMIT_BYTES = 100_000;

let rosette: RunningRosette;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({ UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT_BYTES) }, clientDir, CALM), launchChromium()]);
  page = await (await newContext(browser)).newPage();
  errors = watchForErrors(page, [/status of 413/, /status of 415/, /status of 422/]);
  await signIn(page, rosette.baseUrl, await rosette.createAccount());
  await startFromTemplate(page, rosette.baseUrl, 'A5 two-sided flyer');
  await fillRealImprint(page);
});

afterAll(async () => {
  await browser?.close();
  await rosette?.close();
});

const fileInput = () => page.getByLabel('Photo: upload a photo or logo');
const photoCard = () => page.locator('[data-element-card="photo"]');

describe('uploading a photo into the leaflet', () => {
  it('puts a small photo in the preview and warns that it is too low resolution for its size', async () => {
    const png = await sharp({ create: { width: 600, height: 300, channels: 3, background: '#2a7f62' } }).png().toBuffer();
    const previewImage = page.locator('svg.preview-page image').first();
    const templateHref = await previewImage.getAttribute('href');
    await fileInput().setInputFiles({ name: 'team.png', mimeType: 'image/png', buffer: png });
    await photoCard().getByText('team.png is in the leaflet').waitFor();
    // The preview shows the upload once the image's asset id has changed; until then (on a busy machine) the
    // warnings may still be the template's own photo's.
    await page.waitForFunction((before) => document.querySelector('svg.preview-page image')?.getAttribute('href') !== before, templateHref);
    const href = await previewImage.getAttribute('href');
    // The preview draws the screen-sized copy (server/assets/screen-images.ts).
    expect(href).toMatch(/^\/api\/assets\/[a-f0-9]{64}\/screen$/);
    // team.png (600 px wide) across the flyer's 154 mm photo box: about 99 dots per inch, which names this warning as its own.
    const warning = photoCard().locator('.field-warning', { hasText: /Too low resolution for print at this size: 9\d dots per inch/ });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('it will look blurred');
    await photoCard().scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-photo-low-resolution');
  });

  it('is not printed below 150 dots per inch until the campaigner says "Print anyway", which works from the keyboard', async () => {
    // team.png (600 px wide) across the flyer's 154 mm photo box: about 99 dots per inch.
    await photoCard().locator('.field-warning', { hasText: 'needs your confirmation when you send' }).waitFor();
    await page.waitForFunction(() => document.getElementById('send-to-print')?.getAttribute('aria-disabled') === 'false');
    await sendButton(page).click();
    const notice = page.locator('#print-status', { hasText: 'A picture is too low resolution to print well' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Front, Photo: 9\d dots per inch at its printed size, where printers ask for 300/);
    await page.locator('#print-status').scrollIntoViewIfNeeded();
    await screenshot(page, 'print-low-resolution-refused');

    const printAnyway = page.getByRole('button', { name: 'Print anyway' });
    await printAnyway.focus();
    await page.keyboard.press('Enter');
    // Then the template's own words, confirmed too: the confirmation of the picture is kept.
    await printAsItIs(page);
    await page.getByText('Your print-ready PDF is ready').waitFor({ timeout: patient(60_000) });
  });

  it('says plainly when a file is too big', async () => {
    const noise = await sharp(crypto.randomBytes(300 * 300 * 3), { raw: { width: 300, height: 300, channels: 3 } }).png().toBuffer();
    expect(noise.length).toBeGreaterThan(UPLOAD_LIMIT_BYTES);
    await fileInput().setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: noise });
    await photoCard().locator('.field-problem', { hasText: 'This file is too big to upload' }).waitFor();
  });

  it('says plainly when a file is not a PNG or JPEG', async () => {
    await fileInput().setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    await photoCard().locator('.field-problem', { hasText: '“notes.txt” is not a PNG or JPEG image' }).waitFor();
    // Named like a PNG but not one: the server sniffs the bytes and refuses it.
    await fileInput().setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a not really a png') });
    await photoCard().locator('.field-problem', { hasText: 'This file is not a PNG or JPEG image' }).waitFor();
  });

  it('raised no unexpected errors', () => {
    expect(errors).toEqual([]);
  });
});
