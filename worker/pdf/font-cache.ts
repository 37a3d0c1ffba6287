import fs from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { FONT_FILES, type FontWeight } from '../../common/layout/font-files';

type EmbeddedFontClass = new (doc: PDFKit.PDFDocument, font: fontkit.Font, id: string) => EmbeddedFont;

/** The parts of pdfkit's EmbeddedFont this module touches. */
interface EmbeddedFont {
  /** pdfkit units (1000 per em) per font unit. */
  scale: number;
  layoutRun(text: string): GlyphRun;
}

interface GlyphRun {
  glyphs: fontkit.Glyph[];
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>;
  advanceWidth: number;
}

/**
 * Parses each font file once per process and hands the parsed font to every document. pdfkit's
 * documented way (registerFont with a path or buffer) parses the whole TTF again for every document,
 * which is most of the time a leaflet takes to render; a long-lived worker need not pay it.
 * pdfkit has no public API for this, so we reach its EmbeddedFont class through a throwaway document
 * and seed each new document's font table (`_fontFamilies`) with an instance wrapping the cached font.
 * Each document still gets its own EmbeddedFont, so glyph subsets never leak between documents.
 */
export class FontCache {
  private readonly fonts: Record<FontWeight, fontkit.Font>;
  private readonly EmbeddedFont: EmbeddedFontClass;

  constructor() {
    const load = (weight: FontWeight) => {
      const buffer = fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[weight]}`));
      return fontkit.create(buffer) as fontkit.Font;
    };
    this.fonts = { regular: load('regular'), bold: load('bold') };
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.registerFont('probe', require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES.regular}`));
    probe.font('probe');
    this.EmbeddedFont = (probe as unknown as { _font: { constructor: EmbeddedFontClass } })._font.constructor;
  }

  /** Makes `doc.font('regular')` and `doc.font('bold')` use the cached fonts. */
  install(doc: PDFKit.PDFDocument): void {
    const internals = doc as unknown as { _fontFamilies: Record<string, unknown>; _fontCount: number };
    for (const weight of Object.keys(this.fonts) as FontWeight[]) {
      const font = this.fonts[weight];
      const embedded = new this.EmbeddedFont(doc, font, `F${++internals._fontCount}`);
      embedded.layoutRun = (text) => plainRun(font, embedded.scale, text);
      internals._fontFamilies[weight] = embedded;
    }
  }
}

/**
 * Maps characters to glyphs through the font's cmap and nothing else: no OpenType shaping, so no
 * kerning and no ligatures. That is exactly how common/layout measures text (summed advance widths),
 * so the PDF's lines are as wide as the layout says, and it skips fontkit's shaper, which was most of
 * the render time.
 */
function plainRun(font: fontkit.Font, scale: number, text: string): GlyphRun {
  const glyphs: fontkit.Glyph[] = [];
  const positions: GlyphRun['positions'] = [];
  let advanceWidth = 0;
  for (const ch of text) {
    const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
    const w = glyph.advanceWidth * scale;
    glyphs.push(glyph);
    positions.push({ xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w });
    advanceWidth += w;
  }
  return { glyphs, positions, advanceWidth };
}
