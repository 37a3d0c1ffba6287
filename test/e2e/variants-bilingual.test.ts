import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CALM } from '../support/calm-probes';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { withRealImprint } from '../support/real-imprint';
import { patient } from '../support/wait-for';
import { seriousAxeViolations } from './support/axe';
import { LAPTOP, launchChromium, newContext, screenshot, watchForErrors } from './support/browser';
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

const VOTE = 'Heading on the front: Vote on Thursday 7 May';
const HEADLINE = 'Heading on the front: A bus every ten minutes';
const PHOTO = 'Photo on the front: The candidate at the bus station';
/** Row 3's Welsh ward is far too long for the front's "Vote on ..." line, which may not shrink; its English fits. */
const LONG_WELSH = 'Pleidleisiwch yn Harbwr, Marina a Hen Ardal Gadwraeth y Dref, Gogledd';

describe('on a desktop, a campaigner making an English and a Welsh version per ward', () => {
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let designId: string;
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'rosette-bilingual-'));

  beforeAll(async () => {
    const account = await rosette.createAccount({ organisation: 'Plaid y Dref (bilingual variants)' });
    const client = await rosette.signedIn(account);
    const template = ((await (await client.request('/api/templates/a5-flyer')).json()) as { design: Record<string, unknown> }).design;
    designId = ((await (await client.request('/api/designs', { json: { design: { ...withRealImprint(template), title: 'Ward newsletter' } } })).json()) as { id: string }).id;
    context = await newContext(browser, LAPTOP);
    page = await context.newPage();
    errors = watchForErrors(page);
    await signIn(page, rosette.baseUrl, account);
  });
  afterAll(async () => {
    await context?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sets up a table in English and Welsh: two columns per heading, the photo shared', async () => {
    await page.goto(`${rosette.baseUrl}/#/variants/${designId}`);
    await page.getByRole('heading', { name: 'Versions of “Ward newsletter”', level: 1 }).waitFor();
    await page.getByLabel(VOTE, { exact: true }).check();
    await page.getByLabel(HEADLINE, { exact: true }).check();
    await page.getByLabel(PHOTO, { exact: true }).check();
    await page.getByRole('radio', { name: 'English and Welsh: two versions per row' }).check();
    await page.getByRole('status').filter({ hasText: 'All 2 versions fit (1 in English, 1 in Welsh).' }).waitFor();
    const headers = await page.locator('.variant-grid thead th').allInnerTexts();
    expect(headers.slice(1, 6)).toEqual([`${VOTE} (English)`, `${VOTE} (Welsh)`, `${HEADLINE} (English)`, `${HEADLINE} (Welsh)`, PHOTO]);
  });

  it('reads 3 wards from a CSV file and flags the one Welsh name too long, in its row, naming Welsh', async () => {
    const photo = await page.getByLabel(`${PHOTO}, version 1`, { exact: true }).inputValue();
    const lines = [
      // Columns by key and by label, in both languages.
      `vote.en,vote.cy,${HEADLINE} (English),${HEADLINE} (Welsh),photo`,
      `Vote in Abbey on 7 May,Pleidleisiwch yn Abaty ar 7 Mai,Abbey buses,Bysiau'r Abaty,${photo}`,
      `Vote in Castle on 7 May,Pleidleisiwch yn y Castell ar 7 Mai,Castle buses,"Bysiau'r Castell, ŵ ŷ",${photo}`,
      `Vote in Harbour on 7 May,"${LONG_WELSH}",Harbour buses,"=HYPERLINK(""http://evil.example"")",${photo}`,
    ];
    const file = path.join(dir, 'wards.csv');
    fs.writeFileSync(file, lines.join('\r\n'));
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('Read 3 rows (6 versions) from wards.csv').waitFor();
    await page.getByText('1 of 3 rows (6 versions) needs a change before printing').waitFor({ timeout: patient(20_000) });
    const flagged = page.locator('tr.variant-row-error');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.getAttribute('data-row')).toBe('2');
    expect(await flagged.locator('.variant-check').innerText()).toMatch(new RegExp(`^Must change \\(${VOTE}, Welsh\\): `));
    expect(await page.getByLabel(`${VOTE} (Welsh), version 3`, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(`${VOTE} (English), version 3`, { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByLabel(`${HEADLINE} (Welsh), version 3`, { exact: true }).inputValue()).toBe('=HYPERLINK("http://evil.example")');
    // The Welsh version cannot print; the row's English one can.
    expect(await page.getByRole('button', { name: 'Print in Welsh, version 3' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Print in English, version 3' }).isEnabled()).toBe(true);
    expect(await seriousAxeViolations(page, 'versions in English and Welsh (desktop)')).toEqual([]);
    await screenshot(page, 'variants-bilingual-desktop', true);
  });

  it('previews the Welsh version of a row as it will print', async () => {
    await page.getByRole('button', { name: 'Preview in Welsh, version 2' }).click();
    await page.getByRole('heading', { name: 'Version 2 in Welsh' }).waitFor();
    const front = page.getByRole('img', { name: 'Front of version 2 in Welsh' });
    await front.waitFor();
    expect(await front.innerHTML()).toContain('Castell');
    expect(await front.innerHTML()).not.toContain('Castle buses');
  });

  it('fixes the Welsh name, saves, and finds the table in English and Welsh again after a reload', async () => {
    await page.getByLabel(`${VOTE} (Welsh), version 3`, { exact: true }).fill('Pleidleisiwch yn Harbwr ar 7 Mai');
    await page.getByText('All 6 versions fit (3 in English, 3 in Welsh).').waitFor({ timeout: patient(20_000) });
    await page.getByRole('button', { name: 'Save the versions' }).click();
    await page.getByText('Saved 3 rows (6 versions).').waitFor();
    await page.reload();
    await page.getByText('All 6 versions fit (3 in English, 3 in Welsh).').waitFor({ timeout: patient(20_000) });
    expect(await page.getByRole('radio', { name: 'English and Welsh: two versions per row' }).isChecked()).toBe(true);
    expect(await page.getByLabel(`${HEADLINE} (Welsh), version 2`, { exact: true }).inputValue()).toBe("Bysiau'r Castell, ŵ ŷ");
  });

  it('opens the Welsh version in the editor to print it, its language Welsh', async () => {
    await page.getByRole('button', { name: 'Print in Welsh, version 2' }).click();
    await page.getByLabel('Leaflet name').waitFor();
    expect(await page.getByLabel('Leaflet name').inputValue()).toBe('Ward newsletter (Pleidleisiwch yn y Castell ar 7 Mai)');
    expect(await page.getByLabel('Headline text').inputValue()).toBe("Bysiau'r Castell, ŵ ŷ");
    expect(await page.getByLabel('Language of the words').inputValue()).toBe('cy-GB');
    expect(errors).toEqual([]);
  });
});
