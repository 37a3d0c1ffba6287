/**
 * Writes common/layout/fonts/<face>-<weight>.metrics.json from the TTFs of the dejavu-fonts-ttf package:
 * the whole cmap, every glyph's advance width, and the font's own `kern` (GPOS pair positioning) and
 * `liga` (GSUB ligature) lookups. The browser preview and the PDF renderer both shape text from these
 * tables (common/layout/shape-text.ts), so their line breaks agree.
 * Run: npx tsc -p tsconfig.build.json && node dist/scripts/generate-font-metrics.js
 * test/common/layout/font-tables.test.ts fails if the committed files drift from the fonts.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { FONT_FACES, FONT_FILES, FONT_WEIGHTS, fontKey, type FontFace, type FontWeight } from '../common/layout/font-files';
import type { FontTables, LigatureSubtable, PairSubtable } from '../common/layout/font-tables';

/** Scripts whose default language system's kern and liga lookups the layout applies (to all text, see shape-text.ts). */
const SCRIPTS = ['DFLT', 'latn', 'grek', 'cyrl'];

// fontkit's parsed OpenType tables are untyped (@types/fontkit does not describe them).
type Any = any;

const arr = (lazy: Any): Any[] => (lazy && typeof lazy.toArray === 'function' ? lazy.toArray() : Array.from(lazy ?? []));

/** Glyph ids a coverage table lists, in coverage-index order. */
function coverageGlyphs(coverage: Any): number[] {
  if (coverage.version === 1) return arr(coverage.glyphs);
  const out: number[] = [];
  for (const r of arr(coverage.rangeRecords)) for (let g = r.start; g <= r.end; g++) out.push(g);
  return out;
}

/** A sorted list of glyph ids as flat [first, last, ...] ranges. */
function toRanges(glyphs: number[]): number[] {
  const out: number[] = [];
  glyphs.forEach((g, i) => {
    if (i > 0 && g === glyphs[i - 1]! + 1) out[out.length - 1] = g;
    else out.push(g, g);
  });
  return out;
}

function checkSorted(glyphs: number[]): number[] {
  for (let i = 1; i < glyphs.length; i++) if (glyphs[i]! <= glyphs[i - 1]!) throw new Error('coverage is not sorted by glyph id');
  return glyphs;
}

function classRanges(classDef: Any): number[] {
  const out: number[] = [];
  if (classDef.version === 1) {
    arr(classDef.classValueArray).forEach((c: number, i: number) => {
      if (c !== 0) out.push(classDef.startGlyph + i, classDef.startGlyph + i, c);
    });
  } else {
    for (const r of arr(classDef.classRangeRecord)) if (r.class !== 0) out.push(r.start, r.end, r.class);
  }
  return out;
}

/** Refuses value records the shaper does not apply, so a font update cannot silently change the output. */
function checkValueFormats(sub: Any): void {
  const f1 = sub.valueFormat1;
  const f2 = sub.valueFormat2;
  const other1 = Object.entries(f1).some(([k, v]) => k !== 'xAdvance' && v);
  const any2 = Object.values(f2).some(Boolean);
  if (other1 || any2) throw new Error('a kern subtable sets values other than the first glyph’s xAdvance');
}

function pairSubtable(sub: Any): PairSubtable {
  checkValueFormats(sub);
  const first = checkSorted(coverageGlyphs(sub.coverage));
  if (sub.version === 1) {
    const pairs = arr(sub.pairSets).map((set: Any) => arr(set).flatMap((p: Any) => [p.secondGlyph, p.value1.xAdvance ?? 0]));
    return { format: 1, coverage: toRanges(first), pairs };
  }
  const values: number[] = [];
  arr(sub.classRecords).forEach((row: Any, c1: number) =>
    arr(row).forEach((cell: Any, c2: number) => {
      const x = cell.value1.xAdvance ?? 0;
      if (x !== 0) values.push(c1, c2, x);
    }),
  );
  return { format: 2, coverage: toRanges(first), class1: classRanges(sub.classDef1), class2: classRanges(sub.classDef2), values };
}

function ligatureSubtable(sub: Any): LigatureSubtable {
  const first = checkSorted(coverageGlyphs(sub.coverage));
  const sets = arr(sub.ligatureSets).map((set: Any) => arr(set).map((lig: Any) => [lig.glyph, ...arr(lig.components)]));
  return { coverage: toRanges(first), sets };
}

/** Indexes of the lookups behind `feature` in the default language system of SCRIPTS, ascending. */
function featureLookups(table: Any, feature: string): number[] {
  if (!table) return [];
  const features = arr(table.featureList);
  const lookups = new Set<number>();
  for (const script of arr(table.scriptList)) {
    if (!SCRIPTS.includes(script.tag)) continue;
    for (const i of arr(script.script.defaultLangSys?.featureIndexes)) {
      if (features[i].tag === feature) for (const l of arr(features[i].feature.lookupListIndexes)) lookups.add(l);
    }
  }
  return [...lookups].sort((a, b) => a - b);
}

function lookupSubtables(table: Any, index: number, type: number): Any[] {
  const lookup = arr(table.lookupList)[index];
  if (lookup.lookupType !== type) throw new Error(`lookup ${index} has type ${lookup.lookupType}, expected ${type}`);
  return arr(lookup.subTables);
}

export function buildTables(ttfPath: string): FontTables {
  const font = fontkit.openSync(ttfPath) as fontkit.Font & { GPOS: Any; GSUB: Any };
  const cmap: number[] = [];
  let end = 0;
  let run: [number, number, number] | undefined;
  const codePoints = [...font.characterSet].sort((a, b) => a - b);
  for (const cp of codePoints) {
    const gid = font.glyphForCodePoint(cp).id;
    if (gid === 0) continue;
    if (run && cp === run[0] + run[2] && gid === run[1] + run[2]) {
      run[2] += 1;
      continue;
    }
    if (run) {
      cmap.push(run[0] - end, run[1], run[2]);
      end = run[0] + run[2];
    }
    run = [cp, gid, 1];
  }
  if (run) cmap.push(run[0] - end, run[1], run[2]);
  const advances: number[] = [];
  for (let g = 0; g < font.numGlyphs; g++) advances.push(font.getGlyph(g).advanceWidth);
  return {
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascent,
    descender: font.descent,
    cmap,
    advances,
    kerning: featureLookups(font.GPOS, 'kern').map((l) => lookupSubtables(font.GPOS, l, 2).map(pairSubtable)),
    ligatures: featureLookups(font.GSUB, 'liga').map((l) => lookupSubtables(font.GSUB, l, 4).map(ligatureSubtable)),
  };
}

export function metricsPath(face: FontFace, weight: FontWeight): string {
  return path.join(__dirname, '..', '..', 'common', 'layout', 'fonts', `${face}-${weight}.metrics.json`);
}

export function fontPath(face: FontFace, weight: FontWeight): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[face][weight]}`);
}

/** The file's exact text, so the committed file and a fresh build compare as strings. */
export function tablesJson(face: FontFace, weight: FontWeight): string {
  return JSON.stringify(buildTables(fontPath(face, weight))) + '\n';
}

if (require.main === module) {
  for (const face of FONT_FACES) {
    for (const weight of FONT_WEIGHTS) {
      const target = process.argv[2] ? path.join(process.argv[2], `${fontKey(face, weight)}.metrics.json`) : metricsPath(face, weight);
      fs.writeFileSync(target, tablesJson(face, weight));
      console.log(`wrote ${target}`);
    }
  }
}
