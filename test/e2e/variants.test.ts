import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CALM } from '../support/calm-probes';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { withRealImprint } from '../support/real-imprint';
import { readPdf } from '../support/read-pdf';
import { patient, waitFor } from '../support/wait-for';
import { seriousAxeViolations } from './support/axe';
import { LAPTOP, launchChromium, newContext, PHONE, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { signIn } from './support/editor-page';

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

const WARDS = ['Abbey', 'Brunswick', 'Castle', 'Dene', 'Eastfield', 'Fairfield', 'Grange', 'Harbour', 'Ings', 'Jubilee', 'Kingsway', 'Lowfield', 'Marsh', 'Newtown', 'Oakfield', 'Priory', 'Quayside', 'Riverside', 'St Mary', 'Townend'];
/** Row 8 (Harbour) names a ward far too long for the front's "Vote on ..." line, which may not shrink. */
const LONG = 'Vote in Harbour, Marina and the Old Town Conservation Area North';

function csvFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe.each([
  ['desktop', LAPTOP],
  ['phone', PHONE],
] as const)('on a %s, a campaigner making a version per ward', (device, viewport) => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let designId: string;
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(require('node:os').tmpdir()), 'rosette-variants-'));

  beforeAll(async () => {
    const account = await rosette.createAccount({ organisation: `Riverside Labour (variants, ${device})` });
    const client = await rosette.signedIn(account);
    const template = ((await (await client.request('/api/templates/a5-flyer')).json()) as { design: Record<string, unknown> }).design;
    designId = ((await (await client.request('/api/designs', { json: { design: { ...withRealImprint(template), title: 'Ward newsletter' } } })).json()) as { id: string }).id;
    context = await newContext(browser, viewport);
    page = await context.newPage();
    errors = watchForErrors(page);
    await signIn(page, rosette.baseUrl, account);
  });
  afterAll(async () => {
    await context?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the versions of a saved design from its card and ticks what changes', async () => {
    await page.getByRole('link', { name: 'Versions of “Ward newsletter”' }).click();
    await page.getByRole('heading', { name: 'Versions of “Ward newsletter”', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/variants/${designId}`);
    await page.getByLabel('Heading on the front: Vote on Thursday 7 May', { exact: true }).check();
    await page.getByLabel('Heading on the front: A bus every ten minutes', { exact: true }).check();
    // One version to start with, holding the master's words.
    await page.getByRole('status').filter({ hasText: 'All 1 version fits.' }).waitFor();
  });

  it('reads 20 wards from a CSV file, keeps a formula as text, and flags the one ward too long for its line', async () => {
    const rows = WARDS.map((w, i) => (i === 7 ? `"${LONG}",Harbour buses` : i === 3 ? `"=HYPERLINK(""http://evil.example"")",Dene buses` : `Vote in ${w} on 7 May,${w} buses`));
    const file = csvFile(dir, 'wards.csv', ['vote,headline', ...rows].join('\r\n'));
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('Read 20 versions from wards.csv').waitFor();
    await page.getByText('1 of 20 versions needs a change before printing').waitFor({ timeout: patient(20_000) });
    const flagged = page.locator('tr.variant-row-error');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.getAttribute('data-row')).toBe('7');
    expect(await flagged.innerText()).toContain('Must change (Heading on the front: Vote on Thursday 7 May)');
    expect(await page.getByLabel('Heading on the front: Vote on Thursday 7 May, version 4', { exact: true }).inputValue()).toBe('=HYPERLINK("http://evil.example")');
    // A version that cannot print cannot be opened to print.
    expect(await page.getByRole('button', { name: 'Print version 8' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Print version 3' }).isEnabled()).toBe(true);
    expect(await seriousAxeViolations(page, `versions (${device})`)).toEqual([]);
    await screenshot(page, `variants-${device}`, true);
  });

  it('previews a version as it will print', async () => {
    await page.getByRole('button', { name: 'Preview version 3' }).click();
    await page.getByRole('heading', { name: 'Version 3' }).waitFor();
    await page.getByRole('img', { name: 'Front of version 3' }).waitFor();
    expect(await page.getByRole('img', { name: 'Front of version 3' }).innerHTML()).toContain('Castle');
  });

  it('fixes the long ward in its cell, saves, and finds the versions again after a reload', async () => {
    await page.getByLabel('Heading on the front: Vote on Thursday 7 May, version 8', { exact: true }).fill('Vote in Harbour on 7 May');
    await page.getByText('All 20 versions fit.').waitFor({ timeout: patient(20_000) });
    await page.getByRole('button', { name: 'Save the versions' }).click();
    await page.getByText('Saved 20 versions.').waitFor();
    await page.reload();
    await page.getByText('All 20 versions fit.').waitFor({ timeout: patient(20_000) });
    expect(await page.getByLabel('Heading on the front: Vote on Thursday 7 May, version 8', { exact: true }).inputValue()).toBe('Vote in Harbour on 7 May');
  });

  it('opens one version in the editor to print it, titled after the design and the version', async () => {
    await page.getByRole('button', { name: 'Print version 3' }).click();
    await page.getByLabel('Leaflet name').waitFor();
    expect(await page.getByLabel('Leaflet name').inputValue()).toBe('Ward newsletter (Vote in Castle on 7 May)');
    expect(await page.getByLabel('Headline text').inputValue()).toBe('Castle buses');
    await page.goBack();
    await page.getByText('All 20 versions fit.').waitFor({ timeout: patient(20_000) });
  });

  it('prints every version in one run, with the combined PDF, the ZIP and each version\'s PDF', async () => {
    await page.getByRole('button', { name: 'Print every version' }).click();
    // The flyer's paragraphs are still the template's: the run says so, and may be confirmed.
    await page.getByRole('alert').filter({ hasText: 'Not started' }).waitFor();
    // The browser logs that refusal (a 422) as a failed resource: expected here, so not an error of the page.
    await waitFor('the refusal logged', () => errors.some((e) => e.includes('status of 422')));
    errors.splice(errors.findIndex((e) => e.includes('status of 422')), 1);
    await page.getByRole('button', { name: 'Print with the template’s words' }).click();
    await page.getByText('All 20 versions are printed.').waitFor({ timeout: patient(60_000) });
    const combined = await page.getByRole('link', { name: 'Combined PDF for the printer' }).getAttribute('href');
    const pdf = await (await fetch(rosette.baseUrl + combined)).arrayBuffer();
    expect((await readPdf(Buffer.from(pdf))).info.Pages).toBe('40');
    expect(await page.getByRole('link', { name: 'ZIP of every version' }).getAttribute('href')).toMatch(/^\/api\/runs\/[a-f0-9]{32}\/zip$/);
    expect(await page.getByRole('link', { name: 'Vote in Castle on 7 May' }).getAttribute('href')).toMatch(/^\/downloads\/[a-f0-9]{64}\.pdf$/);
    expect(await seriousAxeViolations(page, `print run (${device})`)).toEqual([]);
  });

  it('refuses a CSV with wrong columns and a 10 MB file, naming why, and keeps the versions it has', async () => {
    await page.locator('input[type=file]').setInputFiles(csvFile(dir, 'wrong.csv', 'ward,colour\r\nAbbey,red\r\n'));
    const alert = page.getByRole('alert').filter({ hasText: 'The CSV file was not read' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('"ward" is not a field of this design');
    await page.locator('input[type=file]').setInputFiles(csvFile(dir, 'huge.csv', 'vote,headline\r\n' + 'x,y\r\n'.repeat(2_100_000)));
    await page.getByRole('alert').filter({ hasText: 'the file is 10.0 MB; a table\'s CSV file can be at most 1 MB' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(20);
    expect(errors).toEqual([]);
  });
});
