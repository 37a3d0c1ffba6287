import { CALM } from '../support/calm-probes';
import type { Browser, Page } from 'playwright-core';
import { designSchema, type Design, type DesignInput } from '../../common/design/design-schema';
import { TextMeasurer } from '../../common/layout/font-metrics';
import { ALL_FONTS } from '../../common/layout/font-tables';
import { layoutDesign, type AssetInfo } from '../../common/layout/layout-design';
import { SAMPLE_PHOTO_ID, SAMPLE_PHOTO_SIZE } from '../../common/templates/sample-photo';
import { TEMPLATES } from '../../common/templates/templates';
import { startRosette, type RunningRosette } from '../support/in-process-rosette';
import { launchChromium, newContext } from './support/browser';
import { buildClientIfStale } from './support/build-client';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(120_000));

const measurer = new TextMeasurer();

let rosette: RunningRosette;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const clientDir = buildClientIfStale();
  [rosette, browser] = await Promise.all([startRosette({}, clientDir, CALM), launchChromium()]);
  page = await (await newContext(browser)).newPage();
  await page.goto(rosette.baseUrl + '/');
  await page.waitForFunction(() => typeof window.__rosette?.layoutDesign === 'function');
});

afterAll(async () => {
  await browser?.close();
  await rosette?.close();
});

/** A phone snapshot shrunk for email: the edited templates use it, so the dpi warning is compared too. */
const SMALL_PHOTO_ID = 'b'.repeat(64);
/** The sample photo's real pixel size (as the server stores it), so cropping and the dpi check run too. */
const ASSETS: Record<string, AssetInfo> = { [SAMPLE_PHOTO_ID]: SAMPLE_PHOTO_SIZE, [SMALL_PHOTO_ID]: { width: 600, height: 400 } };

/** Each template as shipped, and edited so that text shrinks, overflows, and uses Welsh and Greek letters. */
function cases(): Array<[string, Design]> {
  return TEMPLATES.flatMap((t) => {
    const edited = structuredClone(t.design) as DesignInput;
    for (const page of edited.pages) {
      for (const el of page.elements) {
        if (el.kind === 'heading') Object.assign(el, { text: `${el.text}: ŵyn a tŷ, Γεια σας, ${el.text}`, font: 'serif' });
        if (el.kind === 'image') el.assetId = SMALL_PHOTO_ID;
        if (el.kind === 'text') {
          el.blocks = [...el.blocks, { type: 'paragraph', text: 'Mae pob tŷ yn cyf\u00adrif, gyda\u00adrwch. '.repeat(12) }];
          el.font = 'condensed';
        }
      }
    }
    edited.imprint.promoter.address = 'Flat 2, 14 Heol y Frenhines, Caerdydd CF10 2BB, Cymru';
    return [
      [t.id, designSchema.parse(t.design)],
      [`${t.id} (edited)`, designSchema.parse(edited)],
    ];
  });
}

describe('the fonts the browser previews with', () => {
  const SAMPLES = ['AVATAR WAVE Ty', 'office fluffy affluent', 'Mae pob tŷ yn cyfrif: ŵyn', 'Zażółć gęślą jaźń', 'Ὁμήρου ἔπεα ΑΥΤΟΚΙΝΗΤΟ', 'Привіт, ГАЗЕТА'];
  const FAMILIES = { sans: 'Rosette Print Sans', serif: 'Rosette Print Serif', condensed: 'Rosette Print Condensed' } as const;

  it.each(ALL_FONTS.map((f) => [f.key, f] as const))('measure %s text as the layout does, kerning and ligatures included', async (_key, { face, weight }) => {
    const font = `${weight === 'bold' ? 700 : 400} 100px "${FAMILIES[face]}"`;
    const widths = await page.evaluate(
      async ([f, samples]) => {
        await document.fonts.load(f, samples.join(''));
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = f;
        return samples.map((t) => ctx.measureText(t).width);
      },
      [font, SAMPLES] as const,
    );
    // 100 px in the browser is 100 pt to the measurer: the units cancel out.
    SAMPLES.forEach((text, i) => expect(widths[i]).toBeCloseTo(measurer.width(text, face, weight, 100), 0));
  });
});

describe('the layout the browser computes', () => {
  it.each(cases())('equals the worker’s layout for %s', async (_name, design) => {
    const inNode = JSON.parse(JSON.stringify(layoutDesign(design, new Map(Object.entries(ASSETS)))));
    const inBrowser = await page.evaluate(([d, a]) => window.__rosette!.layoutDesign(d, a), [design, ASSETS] as const);
    expectSameLayout(inBrowser, inNode);
  });

  it('covers shrinking, overflow errors and preflight warnings', () => {
    const all = cases().map(([, d]) => layoutDesign(d, new Map(Object.entries(ASSETS))));
    expect(all.some((l) => l.errors.length > 0)).toBe(true);
    expect(all.some((l) => l.warnings.some((w) => w.code === 'low-resolution-image'))).toBe(true);
  });
});

/** Deep equality with numbers compared to 1e-9 (both sides run the same code; any real drift is far larger). */
function expectSameLayout(actual: unknown, expected: unknown, path = 'layout'): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    if (Math.abs((actual as number) - expected) > 1e-9) throw new Error(`${path}: browser ${String(actual)}, worker ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) throw new Error(`${path}: browser has no array`);
    if (actual.length !== expected.length) throw new Error(`${path}: browser has ${actual.length} entries, worker ${expected.length}`);
    expected.forEach((v, i) => expectSameLayout(actual[i], v, `${path}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') throw new Error(`${path}: browser has no object`);
    const keys = Object.keys(expected).sort();
    expect(Object.keys(actual).sort()).toEqual(keys);
    for (const k of keys) expectSameLayout((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  if (actual !== expected) throw new Error(`${path}: browser ${JSON.stringify(actual)}, worker ${JSON.stringify(expected)}`);
}
