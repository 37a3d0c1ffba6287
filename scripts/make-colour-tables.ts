/**
 * Writes common/colour/colour-tables.json: two lookup tables sampled from the output profile, so that code
 * which runs in the browser (the preview, the palette) converts colours exactly as the worker does, without
 * shipping a colour engine.
 * - sRGB to CMYK, a 17 x 17 x 17 grid, perceptual intent, made with sharp (libvips and Little CMS): the very
 *   conversion the worker applies to photos, so a typed #c8102e and a red pixel become the same ink.
 * - CMYK to sRGB, a 9 x 9 x 9 x 9 grid, relative colorimetric (the usual soft proof: paper white shows as
 *   screen white), made with Little CMS's transicc (Debian package liblcms2-utils).
 * Run from the repository root: `npm run build && node dist/scripts/make-colour-tables.js`.
 * test/common/colour/colour-tables.test.ts fails if the committed tables drift from this script.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { ColourTables } from '../common/colour/colour-tables';
import { OUTPUT_PROFILE_PATH } from '../common/node/output-profile-file';

/** Grid points per channel. */
export const SRGB_STEPS = 17;
export const CMYK_STEPS = 11;

/** Debian's sRGB profile (icc-profiles-free), the source space transicc proofs into. */
const SRGB_PROFILE = '/usr/share/color/icc/sRGB.icc';

export async function makeColourTables(profilePath = OUTPUT_PROFILE_PATH): Promise<ColourTables> {
  const n = SRGB_STEPS;
  const rgb = Buffer.alloc(n * n * n * 3);
  let i = 0;
  for (let r = 0; r < n; r++)
    for (let g = 0; g < n; g++)
      for (let b = 0; b < n; b++) {
        rgb[i++] = Math.round((r * 255) / (n - 1));
        rgb[i++] = Math.round((g * 255) / (n - 1));
        rgb[i++] = Math.round((b * 255) / (n - 1));
      }
  const cmyk = await sharp(rgb, { raw: { width: n * n * n, height: 1, channels: 3 } }).withIccProfile(profilePath).raw().toBuffer();

  const m = CMYK_STEPS;
  const lines: string[] = [];
  for (let c = 0; c < m; c++)
    for (let mg = 0; mg < m; mg++)
      for (let y = 0; y < m; y++)
        for (let k = 0; k < m; k++) lines.push([c, mg, y, k].map((v) => ((v * 100) / (m - 1)).toFixed(3)).join(' '));
  const out = execFileSync('transicc', ['-i', profilePath, '-o', SRGB_PROFILE, '-t1', '-n'], { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const values = out
    .split('\n')
    .filter((l) => /^\s*[\d.]+\s+[\d.]+\s+[\d.]+\s*$/.test(l))
    .flatMap((l) => l.trim().split(/\s+/).map((v) => Math.min(255, Math.max(0, Math.round(Number(v))))));
  if (values.length !== m ** 4 * 3) throw new Error(`transicc gave ${values.length / 3} colours, expected ${m ** 4}`);

  return {
    profile: path.basename(profilePath),
    profileSha256: createHash('sha256').update(fs.readFileSync(profilePath)).digest('hex'),
    srgbToCmyk: { intent: 'perceptual', steps: n, data: cmyk.toString('base64') },
    cmykToSrgb: { intent: 'relative colorimetric', steps: m, data: Buffer.from(values).toString('base64') },
  };
}

if (require.main === module) {
  const target = process.argv[2] ?? path.join('common', 'colour', 'colour-tables.json');
  void makeColourTables().then((tables) => {
    fs.writeFileSync(target, JSON.stringify(tables, null, 1) + '\n');
    console.log(`wrote ${target}`);
  });
}
