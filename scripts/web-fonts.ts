/// <reference path="./subset-font.d.ts" />
/**
 * The browser preview's fonts: WOFF2 subsets of the very TTFs the layout measures and the PDF embeds,
 * made with HarfBuzz's hb-subset (npm subset-font). hb-subset keeps the glyphs' advance widths and the
 * GPOS/GSUB lookups of the kept features (kern and liga among its defaults), so the browser shapes
 * the covered text exactly as common/layout/shape-text.ts does. Hinting is dropped: it is most of the
 * bytes, and a hinted font may round advances to the pixel grid at small sizes on some systems.
 * client/vite.config.ts runs writeWebFonts at the start of every build and dev server start.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
import { FONT_FACES, FONT_FILES, FONT_WEIGHTS, fontKey, type FontFace, type FontWeight } from '../common/layout/font-files';

/**
 * What the preview can show in the DejaVu faces: Latin with Latin-1, Extended-A/B and Extended
 * Additional (Welsh ŵ ŷ ẁ ẃ ẅ ỳ), Greek with polytonic, Cyrillic, general punctuation (soft hyphen
 * included), currency, letterlike symbols, arrows, ✓ ✔ ✗ and ☎. Anything else falls back to a system
 * font in the preview only; the layout's widths still hold (draw-item.tsx pins each line's length).
 */
export const WEB_FONT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x2b0, 0x2ff],
  [0x370, 0x3ff],
  [0x400, 0x52f],
  [0x1e00, 0x1eff],
  [0x1f00, 0x1fff],
  [0x2000, 0x206f],
  [0x20a0, 0x20c0],
  [0x2100, 0x214f],
  [0x2190, 0x21ff],
  [0x2610, 0x2612],
  [0x260e, 0x260f],
  [0x2713, 0x2718],
];

/** Every code point of WEB_FONT_RANGES as one string (the subset's text). */
export function webFontText(): string {
  let text = '';
  for (const [from, to] of WEB_FONT_RANGES) for (let cp = from; cp <= to; cp++) text += String.fromCodePoint(cp);
  return text;
}

export function ttfPath(face: FontFace, weight: FontWeight): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[face][weight]}`);
}

/** One face and weight as a WOFF2 subset. */
export function buildWebFont(face: FontFace, weight: FontWeight): Promise<Buffer> {
  return subsetFont(fs.readFileSync(ttfPath(face, weight)), webFontText(), { targetFormat: 'woff2', noHinting: true });
}

/** The file name of a face's WOFF2 in the generated folder: "serif-bold.woff2". */
export function webFontFile(face: FontFace, weight: FontWeight): string {
  return `${fontKey(face, weight)}.woff2`;
}

/**
 * Writes every face and weight's WOFF2 into `dir`, unless the files there were made from the same
 * inputs (a stamp of the ranges, the font package and subset-font versions): about 5 s when it runs.
 */
export async function writeWebFonts(dir: string): Promise<void> {
  const version = (pkg: string) => (JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
  const stamp = createHash('sha256')
    .update(JSON.stringify({ ranges: WEB_FONT_RANGES, fonts: FONT_FILES, dejavu: version('dejavu-fonts-ttf'), subset: version('subset-font'), options: 'woff2 noHinting' }))
    .digest('hex');
  const stampFile = path.join(dir, 'stamp');
  const files = FONT_FACES.flatMap((face) => FONT_WEIGHTS.map((weight) => ({ face, weight, file: path.join(dir, webFontFile(face, weight)) })));
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp && files.every((f) => fs.existsSync(f.file))) return;
  fs.mkdirSync(dir, { recursive: true });
  for (const { face, weight, file } of files) fs.writeFileSync(file, await buildWebFont(face, weight));
  fs.writeFileSync(stampFile, stamp);
}
