import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { BrandKitStore } from '../../server/brand-kits/brand-kit-store';
import { CALM } from '../support/calm-probes';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import type { TestAccount, TestClient } from '../support/test-client';
import { patient } from '../support/wait-for';
import { seriousAxeViolations } from './support/axe';
import { LAPTOP, launchChromium, newContext, PHONE, screenshot, watchForErrors } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { signIn, startFromTemplate } from './support/editor-page';

jest.setTimeout(patient(120_000));

let rosette: RunningRosette;
let browser: Browser;
let national: TestAccount;
let local: TestAccount;
let localCampaigner: TestAccount;
let adminAccount: TestAccount;
let nationalAgent: TestClient;
const contexts: BrowserContext[] = [];

/** A fresh browser profile signed in as the account, with the errors its page logs. */
async function pageFor(account: TestAccount, expected: RegExp[] = []): Promise<{ page: Page; errors: string[] }> {
  const context = await newContext(browser, LAPTOP);
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchForErrors(page, expected);
  await signIn(page, rosette.baseUrl, account);
  return { page, errors };
}

/** The brand kit screen, reached as anyone would: by the header's link. */
async function openBrandKit(page: Page, organisation: string): Promise<void> {
  await page.getByRole('link', { name: 'Brand kit' }).click();
  await page.getByRole('heading', { level: 1, name: `${organisation}’s brand kit` }).waitFor();
}

const kitUrl = (orgId: string) => `/api/organisations/${orgId}/brand-kit`;

/**
 * Issue 16: the national party's agent builds its brand kit on the brand kit screen (a named CMYK colour,
 * an uploaded logo, a typeface, the imprint rule); a local party two levels below sees it inherited under
 * the national party's name, and its agent's mistakes are shown by the field the server names; a local
 * campaigner is offered the inherited colour, typeface and logo in the editor, and places the logo.
 */
beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  national = await rosette.createAccount({ organisation: 'National Party', role: 'agent' });
  const region = await rosette.createAccount({ organisation: 'Western Region' });
  local = await rosette.createAccount({ organisation: 'Riverside Local', role: 'agent' });
  localCampaigner = await rosette.createAccount({ organisation: 'Riverside Local' });
  adminAccount = await rosette.createAccount({ role: 'admin', organisation: 'Rosette' });
  const admin = await rosette.signedIn(adminAccount);
  for (const [child, parent] of [
    [region, national],
    [local, region],
  ] as const) {
    expect((await admin.request(`/api/admin/organisations/${child.orgId}/parent`, { method: 'PUT', json: { parentId: parent.orgId } })).status).toBe(200);
  }
  nationalAgent = await rosette.signedIn(national);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await rosette?.close();
});

describe("the national party's agent on the brand kit screen", () => {
  it('adds a named CMYK colour with its swatch, an uploaded logo with its name, a typeface and the imprint rule', async () => {
    const { page, errors } = await pageFor(national);
    await openBrandKit(page, 'National Party');
    await page.getByText('Nothing: no organisation above National Party has a brand kit.').waitFor();

    await page.getByRole('button', { name: 'Add a colour' }).click();
    await page.getByLabel('Colour 1 name').fill('Party plum');
    for (const [ink, value] of [
      ['Cyan', '60'],
      ['Magenta', '100'],
      ['Yellow', '20'],
      ['Black', '10'],
    ] as const) {
      await page.getByLabel(`${ink} of colour 1`).fill(value);
    }
    // The swatch is the inks' soft proof, as the editor's preview shows them.
    await page.getByText('prints as CMYK (60, 100, 20, 10)').waitFor();

    const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#6a1b5d' } }).png().toBuffer();
    await page.getByLabel('Add a logo: upload a PNG or JPEG').setInputFiles({ name: 'rosette-logo.png', mimeType: 'image/png', buffer: png });
    const logoName = page.getByLabel('Logo 1 name');
    await logoName.waitFor();
    expect(await logoName.inputValue()).toBe('rosette logo');
    await logoName.fill('Rosette logo');

    await page.getByRole('checkbox', { name: 'Serif' }).check();
    await page.getByLabel('Smallest imprint size, points').fill('7');
    await page.getByRole('button', { name: 'Save the brand kit' }).click();
    await page.getByText('Saved. The editor offers these to National Party and the organisations below it.').waitFor();

    const saved = (await (await nationalAgent.request(kitUrl(national.orgId))).json()) as { own: { colours: unknown[]; logos: Array<{ name: string; assetId: string }>; typefaces: string[]; imprintMinFontSize: number } };
    expect(saved.own).toMatchObject({ colours: [{ name: 'Party plum', colour: 'cmyk(60, 100, 20, 10)' }], logos: [{ name: 'Rosette logo' }], typefaces: ['serif'], imprintMinFontSize: 7 });
    expect(await page.locator('.brand-logo-row img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await seriousAxeViolations(page, 'brand kit screen, an agent editing')).toEqual([]);
    await screenshot(page, 'brandkit-national-agent', true);
    expect(errors).toEqual([]);
  });
});

describe("a local party's agent", () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    // The refusals below are meant: the browser logs each answer.
    ({ page, errors } = await pageFor(local, [/status of 400/, /status of 422/]));
    await openBrandKit(page, 'Riverside Local');
  });

  it("sees the national party's kit inherited, read-only, under its name", async () => {
    const inherited = page.getByRole('region', { name: 'From National Party' });
    await inherited.getByText('Party plum').waitFor();
    await inherited.getByText('Rosette logo').waitFor();
    await inherited.getByText('at least 7 pt').waitFor();
    expect(await inherited.locator('input, button').count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: /Serif/ }).isDisabled()).toBe(true);
    await page.getByText('National Party already requires at least 7 pt').waitFor();
  });

  it('is shown each refusal of the server by the field it names: bad inks, an inherited name, a looser imprint rule', async () => {
    await page.getByRole('button', { name: 'Add a colour' }).click();
    await page.getByLabel('Colour 1 name').fill('party Plum');
    await page.getByLabel('Cyan of colour 1').fill('150');
    await page.getByText('not a colour yet').waitFor();
    const save = page.getByRole('button', { name: 'Save the brand kit' });

    // 400: the inks are not a CMYK colour.
    await save.click();
    const colour = page.locator('[id="brand-colours-0-colour-problem"]');
    await colour.getByText('must be a colour: cmyk(c, m, y, k) with inks 0-100').waitFor();
    expect(await page.getByRole('group', { name: 'Colour 1 inks, percent' }).getAttribute('aria-describedby')).toBe('brand-colours-0-colour-problem');
    await page.getByText('Not saved: one field needs changing (marked below).').waitFor();
    await page.getByRole('group', { name: 'Colour 1 inks, percent' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'brandkit-bad-cmyk');

    // 422: the name is the national party's.
    await page.getByLabel('Cyan of colour 1').fill('80');
    await page.getByLabel('Yellow of colour 1').fill('90');
    await save.click();
    const name = page.getByLabel('Colour 1 name');
    await page.getByText('"party Plum" is already a colour of an organisation above yours; use another name').waitFor();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await colour.count()).toBe(0);
    await screenshot(page, 'brandkit-inherited-name', true);

    // 422: an imprint rule looser than the one inherited.
    await name.fill('Riverside green');
    await page.getByLabel('Smallest imprint size, points').fill('6');
    await save.click();
    await page.getByText('must be at least 7 pt (inherited)').waitFor();
    expect(await page.getByLabel('Smallest imprint size, points').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(page, 'brand kit screen with refusals by the fields')).toEqual([]);

    await page.getByLabel('Smallest imprint size, points').fill('8');
    await save.click();
    await page.getByText('Saved.', { exact: false }).waitFor();
    expect(await page.locator('.field-problem').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('keeps the screen usable on a phone', async () => {
    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { level: 1, name: 'Riverside Local’s brand kit' }).scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousAxeViolations(page, 'brand kit screen on a phone')).toEqual([]);
    await screenshot(page, 'brandkit-phone', true);
  });
});

describe("a local party's campaigner", () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await pageFor(localCampaigner));
  });

  it('reads the brand kit but cannot change it', async () => {
    await openBrandKit(page, 'Riverside Local');
    await page.getByText('Only your organisation’s agent can change the brand kit.').waitFor();
    await page.getByRole('region', { name: 'From National Party' }).getByText('Party plum').waitFor();
    expect(await page.getByRole('button', { name: 'Save the brand kit' }).count()).toBe(0);
  });

  it("is offered the inherited colour, typeface and logo in the editor, and places the national party's logo", async () => {
    const logoId = ((await (await nationalAgent.request(kitUrl(national.orgId))).json()) as { own: { logos: Array<{ assetId: string }> } }).own.logos[0]!.assetId;
    await startFromTemplate(page, rosette.baseUrl, 'A5 two-sided flyer');
    const headline = page.locator('[data-element-card="headline"]');
    await headline.getByText('Party plum', { exact: true }).waitFor();
    await headline.getByText('Riverside green', { exact: true }).waitFor();
    // The brand's typeface first, labelled as the brand's.
    const typeface = headline.getByRole('combobox', { name: /typeface/ });
    expect(await typeface.locator('option').allTextContents()).toEqual(['Serif (brand)', 'Sans', 'Condensed']);
    expect(await typeface.locator('optgroup').first().getAttribute('label')).toBe("Your brand's typefaces");

    const photo = page.locator('[data-element-card="photo"]');
    const logo = photo.getByRole('button', { name: /Rosette logo\s+from National Party/ });
    expect(await logo.getAttribute('aria-pressed')).toBe('false');
    await logo.click();
    expect(await logo.getAttribute('aria-pressed')).toBe('true');
    expect(await photo.getByLabel('Photo: description').inputValue()).toBe('Rosette logo');
    expect(await photo.getByLabel('Photo: how it fills its box').inputValue()).toBe('contain');
    await page.waitForFunction((id) => [...document.querySelectorAll('svg.preview-page image')].some((img) => img.getAttribute('href') === `/api/assets/${id}/screen`), logoId);
    expect(await seriousAxeViolations(page, 'editor offering the brand kit')).toEqual([]);
    await photo.scrollIntoViewIfNeeded();
    await screenshot(page, 'brandkit-editor-logo');
    await headline.scrollIntoViewIfNeeded();
    await screenshot(page, 'brandkit-editor-palette');
    expect(errors).toEqual([]);
  });
});

describe('an admin', () => {
  it("opens another organisation's brand kit by its address, and may change it", async () => {
    const { page, errors } = await pageFor(adminAccount);
    await page.goto(`${rosette.baseUrl}/#/brand-kit/${local.orgId}`);
    await page.getByRole('heading', { level: 1, name: 'Riverside Local’s brand kit' }).waitFor();
    await page.getByRole('region', { name: 'From National Party' }).getByText('Party plum').waitFor();
    expect(await page.getByLabel('Colour 1 name').inputValue()).toBe('Riverside green');
    await page.getByRole('button', { name: 'Save the brand kit' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('is told by the logo when the file store does not have its upload (400 naming logos[0].assetId)', async () => {
    // A kit stored with a logo whose upload the file store does not have (as after restoring an older backup of the files).
    const lost = await rosette.createAccount({ organisation: 'Hillside Local', role: 'agent' });
    await new BrandKitStore(rosette.db, Date.now).set(lost.orgId, { colours: [], logos: [{ name: 'Old logo', assetId: 'f'.repeat(64) }], typefaces: [], imprintMinFontSize: null }, lost.id);
    const { page } = await pageFor(adminAccount, [/status of 400/, /status of 404/]);
    await page.goto(`${rosette.baseUrl}/#/brand-kit/${lost.orgId}`);
    await page.getByRole('heading', { level: 1, name: 'Hillside Local’s brand kit' }).waitFor();
    await page.getByRole('button', { name: 'Save the brand kit' }).click();
    await page.getByText('Rosette no longer has this image: remove this logo and upload it again.').waitFor();
    const name = page.getByLabel('Logo 1 name');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator('.brand-logo-row').scrollIntoViewIfNeeded();
    await screenshot(page, 'brandkit-missing-logo');
  });
});
