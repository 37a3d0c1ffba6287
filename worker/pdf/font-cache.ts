import fs from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { FONT_FILES, fontKey } from '../../common/layout/font-files';
import { ALL_FONTS } from '../../common/layout/font-tables';
import { TextMeasurer } from '../../common/layout/font-metrics';
import type { Shaper } from '../../common/layout/shape-text';
import { subsetTag } from './subset-tag';

type EmbeddedFontClass = new (doc: PDFKit.PDFDocument, font: fontkit.Font, id: string) => EmbeddedFont;

/** The parts of pdfkit's EmbeddedFont this module touches. */
interface EmbeddedFont {
  /** The document-wide name of the font resource (F1, F2, ...); pdfkit also derives the subset tag from it. */
  id: string;
  /** pdfkit units (1000 per em) per font unit. */
  scale: number;
  /** fontkit's subset being filled: `glyphs` lists the original glyph ids it holds. */
  subset: { glyphs: number[] };
  layoutRun(text: string, features?: unknown): GlyphRun;
  layout(text: string, features?: unknown, onlyWidth?: boolean): GlyphRun;
  embed(): void;
}

/** The three fields of a fontkit glyph that pdfkit's EmbeddedFont.encode reads. */
type RunGlyph = Pick<fontkit.Glyph, 'id' | 'advanceWidth' | 'codePoints'>;

interface GlyphRun {
  glyphs: RunGlyph[];
  positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }>;
  advanceWidth: number;
}

/**
 * Parses each font file once per process and hands the parsed font to every document. pdfkit's
 * documented way (registerFont with a path or buffer) parses the whole TTF again for every document,
 * which is most of the time a leaflet takes to render; a long-lived worker need not pay it.
 * pdfkit has no public API for this, so we reach its EmbeddedFont class through a throwaway document
 * and seed each new document's font table (`_fontFamilies`) with an instance wrapping the cached font,
 * named by fontKey(face, weight) ("serif-bold"). Each document still gets its own EmbeddedFont, so glyph
 * subsets never leak between documents.
 */
export class FontCache {
  private readonly fonts: ReadonlyArray<{ key: string; font: fontkit.Font; shaper: Shaper }>;
  private readonly EmbeddedFont: EmbeddedFontClass;

  constructor(measurer = new TextMeasurer()) {
    this.fonts = ALL_FONTS.map(({ face, weight }) => {
      const buffer = fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[face][weight]}`));
      return { key: fontKey(face, weight), font: fontkit.create(buffer) as fontkit.Font, shaper: measurer.shaper(face, weight) };
    });
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.registerFont('probe', require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES.sans.regular}`));
    probe.font('probe');
    this.EmbeddedFont = (probe as unknown as { _font: { constructor: EmbeddedFontClass } })._font.constructor;
  }

  /** Makes `doc.font(fontKey(face, weight))` use the cached fonts, shaped as the layout shapes. */
  install(doc: PDFKit.PDFDocument): void {
    const internals = doc as unknown as { _fontFamilies: Record<string, unknown>; _fontCount: number };
    for (const { key, font, shaper } of this.fonts) {
      const embedded = new this.EmbeddedFont(doc, font, `F${++internals._fontCount}`);
      // pdfkit lays text out word by word with fontkit's shaper; the whole line goes through the layout's
      // instead. pdfkit asks twice per line (its width, then its glyphs), hence the per-document memo.
      const runs = new Map<string, GlyphRun>();
      embedded.layout = embedded.layoutRun = (text) => {
        let run = runs.get(text);
        if (!run) runs.set(text, (run = shapedRun(shaper, embedded.scale, text)));
        return run;
      };
      // pdfkit writes the missing glyph's width in font units rather than per 1000 em (1229 for DejaVu Sans, not
      // 600), which would push the rest of a line with a missing character past where the layout put it.
      (embedded as unknown as { widths: number[] }).widths[0] = font.getGlyph(0).advanceWidth * embedded.scale;
      const embed = embedded.embed.bind(embedded);
      embedded.embed = () => {
        // pdfkit names every subset after the resource id ("F1" gives BZZZZZ+); name it after its glyphs instead.
        const id = embedded.id;
        embedded.id = 'F' + [...subsetTag(font.postscriptName, embedded.subset.glyphs)].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('');
        try {
          embed();
        } finally {
          embedded.id = id;
        }
      };
      internals._fontFamilies[key] = embedded;
    }
  }
}

/**
 * The layout's glyphs (common/layout/shape-text.ts: cmap, `liga` ligatures, `kern` pair kerning) as
 * pdfkit's glyph run, so the PDF draws exactly the glyphs and advances the layout measured. It also
 * skips fontkit's general shaper, which was most of the render time.
 */
function shapedRun(shaper: Shaper, scale: number, text: string): GlyphRun {
  const run = shaper.shape(text);
  const glyphs: RunGlyph[] = [];
  const positions: GlyphRun['positions'] = [];
  for (let i = 0; i < run.glyphs.length; i++) {
    const id = run.glyphs[i]!;
    const advanceWidth = shaper.advance(id);
    // Plain objects, not fontkit's glyphs: fontkit caches one glyph per id, and one first made while
    // subsetting an accented letter's components has no characters, so the PDF's text would lose them.
    glyphs.push({ id, advanceWidth, codePoints: run.codePoints[i]! });
    positions.push({ xAdvance: run.advances[i]! * scale, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advanceWidth * scale });
  }
  return { glyphs, positions, advanceWidth: run.width * scale };
}
