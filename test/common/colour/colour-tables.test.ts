import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fc from 'fast-check';
import sharp from 'sharp';
import { COLOUR_TABLES } from '../../../common/colour/colour-tables';
import { cmykToSrgb, srgbToCmyk } from '../../../common/colour/convert-colour';
import { OUTPUT_PROFILE_PATH } from '../../../common/node/output-profile-file';

/** The browser converts colours with tables sampled from the output profile; these check the samples against Little CMS itself. */
describe('the colour tables', () => {
  it('were made from the output profile that is committed', () => {
    const sha = createHash('sha256').update(fs.readFileSync(OUTPUT_PROFILE_PATH)).digest('hex');
    expect(COLOUR_TABLES.profileSha256).toBe(sha);
  });

  it('turn sRGB into the inks libvips gives a photo of that colour: within 1 % per ink on average, 2.5 % for 95 in 100', async () => {
    const colours = fc.sample(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })), { numRuns: 1000, seed: 42 })
      // Greys are printed with black ink only, by design, not as the profile would separate them.
      .filter(([r, g, b]) => Math.max(r, g, b) - Math.min(r, g, b) > 3);
    const pixels = Buffer.from(colours.flat());
    const inks = await sharp(pixels, { raw: { width: colours.length, height: 1, channels: 3 } }).withIccProfile(OUTPUT_PROFILE_PATH, { attach: false }).raw().toBuffer();
    const errors = colours.map((rgb, i) => {
      const ours = srgbToCmyk(rgb);
      return Math.max(...[ours.c, ours.m, ours.y, ours.k].map((v, c) => Math.abs(v - (inks[i * 4 + c]! * 100) / 255)));
    });
    expect(mean(errors)).toBeLessThanOrEqual(1);
    expect(percentile(errors, 0.95)).toBeLessThanOrEqual(2.5);
  });

  it('proof inks on screen as Little CMS does (relative colorimetric): within 1.5 levels in 255 on average, 5 for 95 in 100', () => {
    const inks = fc.sample(fc.tuple(...[0, 1, 2, 3].map(() => fc.integer({ min: 0, max: 100 }))), { numRuns: 1000, seed: 7 });
    const out = execFileSync('transicc', ['-i', OUTPUT_PROFILE_PATH, '-o', '/usr/share/color/icc/sRGB.icc', '-t1', '-n'], { input: inks.map((i) => i.join(' ')).join('\n') + '\n', encoding: 'utf8' });
    const rows = out.split('\n').filter((l) => /^\s*[\d.]+\s+[\d.]+\s+[\d.]+\s*$/.test(l)).map((l) => l.trim().split(/\s+/).map(Number));
    expect(rows).toHaveLength(inks.length);
    const errors = inks.map(([c, m, y, k], i) => Math.max(...cmykToSrgb({ c: c!, m: m!, y: y!, k: k! }).map((v, ch) => Math.abs(v - rows[i]![ch]!))));
    expect(mean(errors)).toBeLessThanOrEqual(1.5);
    expect(percentile(errors, 0.95)).toBeLessThanOrEqual(5);
  });

  it('print greys and black with black ink alone', () => {
    expect(srgbToCmyk([0, 0, 0])).toEqual({ c: 0, m: 0, y: 0, k: 100 });
    expect(srgbToCmyk([29, 29, 27])).toEqual({ c: 0, m: 0, y: 0, k: 100 });
    const grey = srgbToCmyk([128, 128, 128]);
    expect(grey).toMatchObject({ c: 0, m: 0, y: 0 });
    expect(grey.k).toBeGreaterThan(40);
    expect(grey.k).toBeLessThan(80);
    expect(srgbToCmyk([255, 255, 255])).toEqual({ c: 0, m: 0, y: 0, k: 0 });
  });

  it('proof paper white as white and solid black as the dark grey it prints', () => {
    expect(cmykToSrgb({ c: 0, m: 0, y: 0, k: 0 })).toEqual([255, 255, 255]);
    const black = cmykToSrgb({ c: 0, m: 0, y: 0, k: 100 });
    for (const v of black) expect(v).toBeLessThan(60);
  });
});

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function percentile(values: number[], p: number): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length * p)]!;
}
