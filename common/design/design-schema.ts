import { z } from 'zod';
import { FONT_FACES } from '../layout/font-files';
import { BLACK, colourSchema } from './colour';
import { PAPER_SIZE_NAMES, trimSize } from './paper-formats';

/** Largest trim edge Rosette prints (A3's long side), in millimetres. */
const MAX_EDGE_MM = 420;

const mm = z.number().finite();

/** A rectangle on the page in millimetres, origin at the top-left corner of the trim. */
export const boxSchema = z.object({
  /** Left edge, millimetres from the left trim edge. */
  x: mm.min(0, 'must be 0 or more (millimetres from the left trim edge)').max(MAX_EDGE_MM),
  /** Top edge, millimetres from the top trim edge. */
  y: mm.min(0, 'must be 0 or more (millimetres from the top trim edge)').max(MAX_EDGE_MM),
  /** Width in millimetres. */
  width: mm.positive('must be more than 0 millimetres').max(MAX_EDGE_MM),
  /** Height in millimetres. */
  height: mm.positive('must be more than 0 millimetres').max(MAX_EDGE_MM),
});
export type Box = z.infer<typeof boxSchema>;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, "-" or "_"');
const align = z.enum(['left', 'center', 'right']);
/** Font size in points. */
const fontSize = z.number().finite().min(4, 'must be at least 4 pt').max(300, 'must be at most 300 pt');
/**
 * The typeface, all DejaVu (common/layout/font-files.ts): sans (DejaVu Sans), serif (DejaVu Serif) or
 * condensed (DejaVu Sans Condensed). Designs saved before typefaces could be chosen have none: sans.
 */
const font = z.enum(FONT_FACES).default('sans');

const textStyle = {
  /** Font size in points. */
  fontSize,
  /**
   * Smallest size in points the layout may shrink the text to so that it fits its box. Defaults to
   * fontSize (no shrinking): text that does not fit is refused rather than cut off.
   */
  minFontSize: fontSize.optional(),
  font,
  weight: z.enum(['regular', 'bold']).default('regular'),
  colour: colourSchema.default(BLACK),
  align: align.default('left'),
  /** Line height as a multiple of the font size. */
  lineHeight: z.number().min(0.8).max(3).default(1.2),
};

export const headingSchema = z.object({
  id,
  kind: z.literal('heading'),
  box: boxSchema,
  text: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  ...textStyle,
  weight: z.enum(['regular', 'bold']).default('bold'),
});

export const paragraphSchema = z.object({
  type: z.literal('paragraph'),
  text: z.string().max(3000, 'must be at most 3000 characters'),
});
export const bulletsSchema = z.object({
  type: z.literal('bullets'),
  items: z.array(z.string().min(1, 'must not be empty').max(500, 'must be at most 500 characters')).min(1).max(30),
});
export const textBlockSchema = z.discriminatedUnion('type', [paragraphSchema, bulletsSchema]);
export type TextBlock = z.infer<typeof textBlockSchema>;

export const textSchema = z.object({
  id,
  kind: z.literal('text'),
  box: boxSchema,
  blocks: z.array(textBlockSchema).min(1, 'must have at least one paragraph or list').max(30),
  /** Space between blocks, as a multiple of the font size. */
  blockSpacing: z.number().min(0).max(3).default(0.6),
  ...textStyle,
});

export const imageSchema = z.object({
  id,
  kind: z.literal('image'),
  box: boxSchema,
  /** An id returned by POST /api/assets. */
  assetId: z.string().regex(/^[a-f0-9]{64}$/, 'must be an asset id returned by POST /api/assets'),
  /** cover: fill the box, cropping the image; contain: show the whole image inside the box. */
  fit: z.enum(['cover', 'contain']).default('cover'),
  /** A short description of the picture for the on-screen preview. */
  alt: z.string().max(200).default(''),
  /**
   * Which part of the picture shows when it does not fill its box exactly (cropped by cover, or with
   * space left by contain), as CSS's object-position: percent of the spare width placed left of the
   * picture, and of the spare height above it. Absent: centred (50, 50), as designs saved before it.
   */
  position: z
    .object({
      /** Percent, 0 (left edge shows) to 100 (right edge shows). */
      x: z.number().finite().min(0, 'must be 0 to 100 (percent)').max(100, 'must be 0 to 100 (percent)'),
      /** Percent, 0 (top edge shows) to 100 (bottom edge shows). */
      y: z.number().finite().min(0, 'must be 0 to 100 (percent)').max(100, 'must be 0 to 100 (percent)'),
    })
    .optional(),
});

export const qrSchema = z.object({
  id,
  kind: z.literal('qr'),
  box: boxSchema,
  url: z
    .string()
    .max(1000, 'must be at most 1000 characters')
    .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), 'must be a web address starting with http:// or https://'),
  colour: colourSchema.default(BLACK),
});

export const shapeSchema = z.object({
  id,
  kind: z.literal('shape'),
  box: boxSchema,
  shape: z.enum(['rect', 'ellipse']).default('rect'),
  fill: colourSchema,
  /** Corner radius of a rect in millimetres. */
  cornerRadius: z.number().min(0).max(100).default(0),
});

/** Where the legal imprint is drawn; its words come from the design's `imprint`. */
export const imprintElementSchema = z.object({
  id,
  kind: z.literal('imprint'),
  box: boxSchema,
  fontSize: fontSize.default(6),
  minFontSize: fontSize.optional(),
  font,
  colour: colourSchema.default(BLACK),
  align: align.default('left'),
});

export const elementSchema = z.discriminatedUnion('kind', [
  headingSchema,
  textSchema,
  imageSchema,
  qrSchema,
  shapeSchema,
  imprintElementSchema,
]);
export type Element = z.infer<typeof elementSchema>;
export type ElementKind = Element['kind'];
export type HeadingElement = z.infer<typeof headingSchema>;
export type TextElement = z.infer<typeof textSchema>;
export type ImageElement = z.infer<typeof imageSchema>;
export type QrElement = z.infer<typeof qrSchema>;
export type ShapeElement = z.infer<typeof shapeSchema>;
export type ImprintElement = z.infer<typeof imprintElementSchema>;

export const pageSchema = z.object({
  /** Fills the whole page, bleed included. */
  background: colourSchema.optional(),
  elements: z.array(elementSchema).max(60, 'must have at most 60 elements'),
});
export type Page = z.infer<typeof pageSchema>;

const required = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(200, `${what} must be at most 200 characters`);
const party = (what: string) => z.object({ name: required(`${what} name`), address: required(`${what} address`) });

/**
 * The legal imprint (UK Elections Act 2022): who printed the material, who promoted it, and on
 * whose behalf, each with an address.
 */
export const imprintSchema = z.object(
  {
    printer: party('printer'),
    promoter: party('promoter'),
    onBehalfOf: party('"on behalf of"').optional(),
  },
  { error: 'the imprint (printer, promoter and their addresses) is required on election material' },
);
export type Imprint = z.infer<typeof imprintSchema>;

export const designSchema = z
  .object({
    /** Version of this schema. */
    version: z.literal(1),
    title: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(120, 'must be at most 120 characters')
      // It goes into the PDF's metadata (XML), where control characters and broken surrogate pairs are not allowed.
      .refine((t) => !/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(t), 'must be plain text, without control characters'),
    /** The language of the text (BCP 47, such as en-GB or cy-GB): the PDF's /Lang, for screen readers. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag such as en-GB or cy-GB')
      .default('en-GB'),
    format: z.object({
      size: z.enum(PAPER_SIZE_NAMES),
      orientation: z.enum(['portrait', 'landscape']).default('portrait'),
    }),
    /** Draw crop marks outside the bleed (the page grows to make room for them). */
    cropMarks: z.boolean().default(false),
    /** The organisation's colours offered by the designer. */
    palette: z.array(colourSchema).max(24).default([]),
    /** One page (single-sided) or two (front and back). */
    pages: z.array(pageSchema).min(1, 'must have a front page').max(2, 'must have at most two pages (front and back)'),
    imprint: imprintSchema,
  })
  .superRefine((design, ctx) => {
    const trim = trimSize(design.format.size, design.format.orientation);
    let imprints = 0;
    design.pages.forEach((page, p) => {
      const ids = new Set<string>();
      page.elements.forEach((el, e) => {
        const path = ['pages', p, 'elements', e];
        if (ids.has(el.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate element id "${el.id}" on this page` });
        ids.add(el.id);
        if (el.box.x + el.box.width > trim.width + 0.01)
          ctx.addIssue({ code: 'custom', path: [...path, 'box', 'width'], message: `reaches past the right trim edge (${trim.width} mm)` });
        if (el.box.y + el.box.height > trim.height + 0.01)
          ctx.addIssue({ code: 'custom', path: [...path, 'box', 'height'], message: `reaches past the bottom trim edge (${trim.height} mm)` });
        if (el.kind === 'imprint') imprints += 1;
        if ('minFontSize' in el && el.minFontSize !== undefined && el.minFontSize > el.fontSize)
          ctx.addIssue({ code: 'custom', path: [...path, 'minFontSize'], message: 'must not be larger than fontSize' });
      });
    });
    if (imprints > 1) ctx.addIssue({ code: 'custom', path: ['pages'], message: 'the imprint must be placed once, on the first or the last page' });
  });

/** A design as the client writes it (defaults may be left out). */
export type DesignInput = z.input<typeof designSchema>;
/** A validated design with every default filled in. */
export type Design = z.output<typeof designSchema>;
