/**
 * Writes common/layout/fonts/*.metrics.json from the TTFs of the dejavu-fonts-ttf package: the advance
 * width of every character the layout engine supports. The browser preview and the PDF renderer both
 * lay text out from these numbers, so their line breaks agree. Run: npx tsc ... or `npm run fonts`.
 * test/common/layout/font-metrics.test.ts fails if the committed files drift from the fonts.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { FONT_FILES, type FontWeight } from '../common/layout/font-files';
import type { FontMetrics } from '../common/layout/font-metrics';

/** Unicode ranges the layout supports: Latin (incl. Welsh, Polish), Greek, Cyrillic, punctuation, currency. */
const RANGES: Array<[number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x1e00, 0x1eff],
  [0x2010, 0x206f],
  [0x20a0, 0x20bf],
  [0x2100, 0x2122],
];

export function buildMetrics(ttfPath: string): FontMetrics {
  const font = fontkit.openSync(ttfPath) as fontkit.Font;
  const widths: Record<string, number> = {};
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      if (font.hasGlyphForCodePoint(cp)) widths[cp.toString(36)] = font.glyphForCodePoint(cp).advanceWidth;
    }
  }
  return {
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascent,
    descender: font.descent,
    missingWidth: font.glyphForCodePoint(0xfffd).advanceWidth,
    widths,
  };
}

export function metricsPath(weight: FontWeight): string {
  return path.join(__dirname, '..', '..', 'common', 'layout', 'fonts', `${weight}.metrics.json`);
}

export function fontPath(weight: FontWeight): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[weight]}`);
}

if (require.main === module) {
  for (const weight of Object.keys(FONT_FILES) as FontWeight[]) {
    const target = process.argv[2] ? path.join(process.argv[2], `${weight}.metrics.json`) : metricsPath(weight);
    fs.writeFileSync(target, JSON.stringify(buildMetrics(fontPath(weight))) + '\n');
    console.log(`wrote ${target}`);
  }
}
