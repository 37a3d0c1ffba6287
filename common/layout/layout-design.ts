import type { Design, Element, ElementKind, Page } from '../design/design-schema';
import { BLEED_MM, SAFE_MARGIN_MM, trimSize } from '../design/paper-formats';
import { ptToMm } from '../design/units';
import { DEFAULT_PRINT_SETTINGS, type PrintSettings } from '../colour/print-settings';
import { cmykToSrgb } from '../colour/convert-colour';
import { BLACK, inkOf } from '../design/colour';
import { applyInks } from './apply-inks';
import type { DrawItem, LaidOutDesign, LayoutError, PageElement, PageGeometry, PreflightWarning, Rect } from './draw-items';
import type { FontFace, FontWeight } from './font-files';
import { TextMeasurer } from './font-metrics';
import { imprintText } from './imprint-text';
import { layoutText, type TextLayout } from './layout-text';
import { QR_QUIET_ZONE, qrMatrix } from './qr-matrix';
import { hasRightToLeft } from './right-to-left';

/** Pixel size of an uploaded image, needed to crop it and to check its print resolution. */
export interface AssetInfo {
  width: number;
  height: number;
}

/** Resolution below which a photo looks soft in print, in dots per inch. */
export const MIN_PRINT_DPI = 300;
/** Resolution below which a photo looks clearly blurred: the server refuses to print it unless the campaigner confirms. Dots per inch. */
export const REFUSE_BELOW_DPI = 150;
/** Room beyond the bleed for crop marks, in millimetres. */
export const CROP_MARK_SLUG_MM = 8;
/** Where the imprint goes when a design does not place it: the bottom of the last page, inside the safe area. */
const DEFAULT_IMPRINT_HEIGHT_MM = 10;

interface Context {
  design: Design;
  pageIndex: number;
  elementIndex: number;
  trim: { width: number; height: number };
  assets: ReadonlyMap<string, AssetInfo>;
  measurer: TextMeasurer;
  items: DrawItem[];
  warnings: PreflightWarning[];
  errors: LayoutError[];
}

type ElementLayouter<K extends ElementKind> = (el: Extract<Element, { kind: K }>, ctx: Context) => void;

/** One layouter per element kind: a new kind without one does not compile. */
const LAYOUTERS: { [K in ElementKind]: ElementLayouter<K> } = {
  shape(el, ctx) {
    const box = extendIntoBleed(el.box, ctx.trim);
    ctx.items.push(el.shape === 'rect' ? { type: 'rect', elementId: el.id, ...box, fill: el.fill, radius: el.cornerRadius } : { type: 'ellipse', elementId: el.id, ...box, fill: el.fill });
  },
  heading(el, ctx) {
    const style = { ...el, minFontSize: el.minFontSize ?? el.fontSize, blockSpacing: 0 };
    refuseRightToLeft(ctx, [[el.text, elementPath(ctx, 'text')]]);
    addText(ctx, el.id, layoutText(el.id, [{ type: 'paragraph', text: el.text }], el.box, style, ctx.measurer), 'text', el.text, el.font, el.weight);
  },
  text(el, ctx) {
    const style = { ...el, minFontSize: el.minFontSize ?? el.fontSize };
    const all = el.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.items.join(' '))).join(' ');
    refuseRightToLeft(
      ctx,
      el.blocks.flatMap((b, i): Array<[string, Path]> =>
        b.type === 'paragraph' ? [[b.text, elementPath(ctx, 'blocks', i, 'text')]] : b.items.map((item, k): [string, Path] => [item, elementPath(ctx, 'blocks', i, 'items', k)]),
      ),
    );
    addText(ctx, el.id, layoutText(el.id, el.blocks, el.box, style, ctx.measurer), 'blocks', all, el.font, el.weight);
  },
  imprint(el, ctx) {
    const text = imprintText(ctx.design.imprint);
    const style = { ...el, minFontSize: el.minFontSize ?? el.fontSize, weight: 'regular' as const, lineHeight: 1.2, blockSpacing: 0 };
    addText(ctx, el.id, layoutText(el.id, [{ type: 'paragraph', text }], el.box, style, ctx.measurer), 'imprint', text, el.font, 'regular');
  },
  image(el, ctx) {
    const clip = extendIntoBleed(el.box, ctx.trim);
    const info = ctx.assets.get(el.assetId);
    if (!info) {
      ctx.warnings.push({ code: 'unknown-image', page: ctx.pageIndex, elementId: el.id, message: `image "${el.id}" refers to an asset that is not available` });
      ctx.items.push({ type: 'image', elementId: el.id, assetId: el.assetId, alt: el.alt, clip, placement: clip });
      return;
    }
    const placement = fitImage(info, clip, el.fit, el.position);
    // Effective resolution at the printed size, bleed included; rounded down so 299.9 still warns, but
    // after a millionth is added, so that float error (298.99999999999994 for a 299 ppi image) does not cost a whole ppi.
    const ppi = Math.floor(Math.min(info.width / (placement.width / 25.4), info.height / (placement.height / 25.4)) + 1e-6);
    if (ppi < MIN_PRINT_DPI) {
      ctx.warnings.push({
        code: 'low-resolution-image',
        page: ctx.pageIndex,
        elementId: el.id,
        message: `image "${el.id}" prints at ${ppi} ppi; ${MIN_PRINT_DPI} ppi or more is needed for a sharp print at this size`,
        ppi,
      });
    }
    ctx.items.push({ type: 'image', elementId: el.id, assetId: el.assetId, alt: el.alt, clip, placement });
  },
  qr(el, ctx) {
    const side = Math.min(el.box.width, el.box.height);
    const { size, runs } = qrMatrix(el.url);
    const moduleSize = side / (size + 2 * QR_QUIET_ZONE);
    const inset = moduleSize * QR_QUIET_ZONE;
    ctx.items.push({ type: 'qr', elementId: el.id, x: el.box.x + inset, y: el.box.y + inset, width: side - 2 * inset, height: side - 2 * inset, colour: el.colour, modules: size, moduleSize, runs });
  },
};

/**
 * Lays out a validated design: every element becomes positioned draw items, text is broken into lines
 * (shrunk to fit where the template allows), and preflight warnings and layout errors are collected.
 * Pure and deterministic: the browser preview and the PDF worker call it with the same input and get
 * the same output.
 */
export interface LayoutOptions {
  measurer?: TextMeasurer;
  /** How colours become inks (rich black, the ink limit); the server's configuration. */
  print?: PrintSettings;
}

export function layoutDesign(design: Design, assets: ReadonlyMap<string, AssetInfo> = new Map(), options: LayoutOptions = {}): LaidOutDesign {
  const measurer = options.measurer ?? sharedMeasurer();
  const print = options.print ?? DEFAULT_PRINT_SETTINGS;
  const trim = trimSize(design.format.size, design.format.orientation);
  const geometry: PageGeometry = { trim, bleed: BLEED_MM, slug: design.cropMarks ? CROP_MARK_SLUG_MM : 0, cropMarks: design.cropMarks };
  const warnings: PreflightWarning[] = [];
  const errors: LayoutError[] = [];
  refuseRightToLeftImprint(design, errors);
  const pages = withImprintPlaced(design).map((page, pageIndex) => {
    const items: DrawItem[] = [];
    if (page.background) {
      items.push({ type: 'rect', x: -BLEED_MM, y: -BLEED_MM, width: trim.width + 2 * BLEED_MM, height: trim.height + 2 * BLEED_MM, fill: page.background, radius: 0 });
    }
    page.elements.forEach((el, elementIndex) => {
      const ctx: Context = { design, pageIndex, elementIndex, trim, assets, measurer, items, warnings, errors };
      (LAYOUTERS[el.kind] as ElementLayouter<ElementKind>)(el, ctx);
    });
    return { items: applyInks(items, pageIndex, print, warnings), elements: page.elements.map(pageElement) };
  });
  return { geometry, language: design.language, print, pages, warnings, errors };
}

let measurerSingleton: TextMeasurer | undefined;
function sharedMeasurer(): TextMeasurer {
  return (measurerSingleton ??= new TextMeasurer());
}

/** Adds the imprint to the bottom of the last page when the design has not placed it itself. */
function withImprintPlaced(design: Design): Page[] {
  if (design.pages.some((p) => p.elements.some((e) => e.kind === 'imprint'))) return design.pages;
  const trim = trimSize(design.format.size, design.format.orientation);
  const last = design.pages.length - 1;
  return design.pages.map((page, i) =>
    i !== last
      ? page
      : {
          ...page,
          elements: [
            ...page.elements,
            {
              id: 'imprint',
              kind: 'imprint' as const,
              font: 'sans' as const,
              box: { x: SAFE_MARGIN_MM, y: trim.height - SAFE_MARGIN_MM - DEFAULT_IMPRINT_HEIGHT_MM, width: trim.width - 2 * SAFE_MARGIN_MM, height: DEFAULT_IMPRINT_HEIGHT_MM },
              fontSize: 6,
              minFontSize: 4.5,
              colour: page.background && isDark(page.background) ? WHITE : BLACK,
              align: 'left' as const,
            },
          ],
        },
  );
}

const WHITE = 'cmyk(0, 0, 0, 0)';

/** Whether a colour proofs dark enough that text on it should be white. */
function isDark(colour: string): boolean {
  const [r, g, b] = cmykToSrgb(inkOf(colour));
  return r + g + b < 3 * 100;
}

/** What the PDF's structure tree needs of an element. */
function pageElement(el: Element): PageElement {
  if (el.kind === 'image') return { id: el.id, kind: el.kind, alt: el.alt };
  if (el.kind === 'qr') return { id: el.id, kind: el.kind, alt: `QR code: ${el.url}` };
  return { id: el.id, kind: el.kind };
}

type Path = LayoutError['path'];

/** The path of a field of the element being laid out: pages[p].elements[e].<rest>. */
function elementPath(ctx: Context, ...rest: Path): Path {
  return ['pages', ctx.pageIndex, 'elements', ctx.elementIndex, ...rest];
}

const RIGHT_TO_LEFT_MESSAGE = 'right-to-left text (Hebrew, Arabic) cannot be printed yet: Rosette would set it backwards and unjoined';

/** One 'unsupported-script' error per field whose text needs right-to-left setting. */
function refuseRightToLeft(ctx: Context, fields: Array<[string, Path]>): void {
  for (const [text, path] of fields) if (hasRightToLeft(text)) ctx.errors.push({ code: 'unsupported-script', path, message: `${RIGHT_TO_LEFT_MESSAGE}; remove it from this text` });
}

/** The imprint's names and addresses are printed whether or not the design places the imprint itself. */
function refuseRightToLeftImprint(design: Design, errors: LayoutError[]): void {
  const { printer, promoter, onBehalfOf } = design.imprint;
  const parties = { printer, promoter, onBehalfOf };
  for (const [role, party] of Object.entries(parties)) {
    if (!party) continue;
    for (const field of ['name', 'address'] as const) {
      if (hasRightToLeft(party[field])) errors.push({ code: 'unsupported-script', path: ['imprint', role, field], message: `${RIGHT_TO_LEFT_MESSAGE}; remove it from the imprint` });
    }
  }
}

function addText(ctx: Context, elementId: string, layout: TextLayout, field: string, text: string, face: FontFace, weight: FontWeight) {
  ctx.items.push(...layout.lines);
  const path = field === 'imprint' ? ['imprint'] : ['pages', ctx.pageIndex, 'elements', ctx.elementIndex, field];
  if (!layout.fits) {
    ctx.errors.push({
      code: 'does-not-fit',
      path,
      message:
        field === 'imprint'
          ? `the imprint does not fit its box on page ${ctx.pageIndex + 1}, even at ${layout.fontSize} pt; make the box larger or the addresses shorter`
          : `text of "${elementId}" does not fit its box, even at ${layout.fontSize} pt; shorten it or make the box larger`,
    });
  }
  const { width, height } = ctx.trim;
  const outside = layout.lines.some((l) => {
    const top = l.baseline - ptToMm(l.fontSize * 0.75);
    return l.x < SAFE_MARGIN_MM - 0.01 || l.x + l.width > width - SAFE_MARGIN_MM + 0.01 || top < SAFE_MARGIN_MM - 0.01 || l.baseline > height - SAFE_MARGIN_MM + 0.01;
  });
  if (outside) {
    ctx.warnings.push({ code: 'text-outside-safe-area', page: ctx.pageIndex, elementId, message: `text of "${elementId}" reaches within ${SAFE_MARGIN_MM} mm of the trim edge and may be cut off` });
  }
  if (!ctx.measurer.covers(text, face, weight)) {
    ctx.warnings.push({ code: 'missing-glyphs', page: ctx.pageIndex, elementId, message: `text of "${elementId}" has characters the font cannot draw; they will print as boxes` });
  }
}

/** A box touching a trim edge is extended by the bleed on that side, so no white sliver shows after cutting. */
function extendIntoBleed(box: Rect, trim: { width: number; height: number }): Rect {
  const eps = 0.01;
  const left = box.x <= eps ? BLEED_MM + box.x : 0;
  const top = box.y <= eps ? BLEED_MM + box.y : 0;
  const right = box.x + box.width >= trim.width - eps ? BLEED_MM + trim.width - (box.x + box.width) : 0;
  const bottom = box.y + box.height >= trim.height - eps ? BLEED_MM + trim.height - (box.y + box.height) : 0;
  return { x: box.x - left, y: box.y - top, width: box.width + left + right, height: box.height + top + bottom };
}

/**
 * Where an image of the given pixel size lands in a box, keeping its aspect ratio; `position` (percent,
 * as CSS's object-position) says how the spare width and height are shared out, centred by default.
 */
function fitImage(info: AssetInfo, box: Rect, fit: 'cover' | 'contain', position: { x: number; y: number } = { x: 50, y: 50 }): Rect {
  const scaleX = box.width / info.width;
  const scaleY = box.height / info.height;
  const scale = fit === 'cover' ? Math.max(scaleX, scaleY) : Math.min(scaleX, scaleY);
  const width = info.width * scale;
  const height = info.height * scale;
  return { x: box.x + ((box.width - width) * position.x) / 100, y: box.y + ((box.height - height) * position.y) / 100, width, height };
}
