import type { PrintSettings } from '../colour/print-settings';
import type { FontFace, FontWeight } from './font-files';

/**
 * The layout engine's output: everything a page shows, already positioned. The PDF renderer and the
 * browser preview only draw these items; neither breaks lines or places boxes itself.
 * Coordinates are millimetres from the top-left corner of the trim (bleed areas are negative or past
 * the trim size); font sizes are points; colours are design colour strings.
 */
export type DrawItem = RectItem | EllipseItem | TextLineItem | ImageItem | QrItem;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RectItem extends Rect {
  type: 'rect';
  /** The shape element it draws; absent for a page background. */
  elementId?: string;
  fill: string;
  /** Print this ink over what is beneath instead of knocking it out (black ink only; see apply-inks.ts). */
  overprint?: boolean;
  /** Corner radius in millimetres. */
  radius: number;
}

export interface EllipseItem extends Rect {
  type: 'ellipse';
  elementId?: string;
  fill: string;
  /** Print this ink over what is beneath instead of knocking it out. */
  overprint?: boolean;
}

/** One line of text, drawn from its left end at its baseline. */
export interface TextLineItem {
  type: 'text';
  elementId: string;
  text: string;
  /** Left end of the line, millimetres. */
  x: number;
  /** Baseline, millimetres from the top trim edge. */
  baseline: number;
  /** Width of the line in millimetres, as shaped (advance widths, kerning and ligatures; shape-text.ts). */
  width: number;
  /** The typeface; with `weight` it names one font file (font-files.ts). */
  font: FontFace;
  /** Font size in points. */
  fontSize: number;
  weight: FontWeight;
  colour: string;
  /** Print this ink over what is beneath instead of knocking it out (solid black text). */
  overprint?: boolean;
}

export interface ImageItem {
  type: 'image';
  elementId: string;
  assetId: string;
  alt: string;
  /** The visible area: the image is clipped to it. */
  clip: Rect;
  /** Where the whole image lands (larger than clip for fit "cover"). */
  placement: Rect;
}

export interface QrItem extends Rect {
  type: 'qr';
  elementId: string;
  colour: string;
  /** Print this ink over what is beneath instead of knocking it out. */
  overprint?: boolean;
  /** Modules per side, quiet zone excluded. */
  modules: number;
  /** Side of one module in millimetres. */
  moduleSize: number;
  /** Dark modules as horizontal runs: [row, column, length]. */
  runs: ReadonlyArray<readonly [number, number, number]>;
}

/** An element of a page as the PDF's structure tree (reading order, alternative text) needs it. */
export interface PageElement {
  id: string;
  kind: 'heading' | 'text' | 'image' | 'qr' | 'shape' | 'imprint';
  /** What a screen reader says for a picture or a QR code; empty for a decorative picture. */
  alt?: string;
}

export interface LaidOutPage {
  items: DrawItem[];
  /** The page's elements in reading order (the design's order). */
  elements: PageElement[];
}

/**
 * A problem that stops a design from printing, with the design path it concerns: text that cannot fit
 * ('does-not-fit'), or right-to-left text the layout cannot set ('unsupported-script').
 */
export interface LayoutError {
  code: 'does-not-fit' | 'unsupported-script';
  path: Array<string | number>;
  message: string;
}

/** Something a printer would want to know, which does not stop printing. */
export interface PreflightWarning {
  code: 'low-resolution-image' | 'text-outside-safe-area' | 'missing-glyphs' | 'unknown-image' | 'ink-coverage';
  page: number;
  elementId: string;
  message: string;
  /** Only for low-resolution-image: the image's effective resolution at its printed size, pixels per inch (rounded down). */
  ppi?: number;
}

export interface PageGeometry {
  /** Trim size in millimetres. */
  trim: { width: number; height: number };
  /** Bleed on each side, millimetres. */
  bleed: number;
  /** Extra room beyond the bleed for crop marks, millimetres (0 without crop marks). */
  slug: number;
  cropMarks: boolean;
}

export interface LaidOutDesign {
  geometry: PageGeometry;
  /** The design's language (BCP 47), for the PDF's /Lang. */
  language: string;
  /** The print settings the colours were turned into inks with; the renderer checks images against the same limit. */
  print: PrintSettings;
  pages: LaidOutPage[];
  warnings: PreflightWarning[];
  errors: LayoutError[];
}
