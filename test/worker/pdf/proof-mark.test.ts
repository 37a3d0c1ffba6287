import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { designSchema } from '../../../common/design/design-schema';
import { layoutDesign } from '../../../common/layout/layout-design';
import { PROOF_MARK } from '../../../common/queue/print-job';
import { SAMPLE_PHOTO_ID } from '../../../common/templates/sample-photo';
import { findTemplate } from '../../../common/templates/templates';
import { FontCache } from '../../../worker/pdf/font-cache';
import { renderPdf } from '../../../worker/pdf/render-pdf';
import { readPdf } from '../../support/read-pdf';
import { withRealImprint } from '../../support/real-imprint';

const fonts = new FontCache();
const design = designSchema.parse(withRealImprint(findTemplate('a5-flyer')!.design));

/** Renders page `page` (1-based) at 60 dpi and answers the share of its pixels that are the mark's magenta. */
async function magentaShare(pdf: Buffer, page: number, keep?: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rosette-proof-'));
  try {
    fs.writeFileSync(path.join(dir, 'p.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), path.join(dir, 'p.pdf'), path.join(dir, 'page')]);
    const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
    if (keep) fs.copyFileSync(path.join(dir, png), keep);
    const { data, info } = await sharp(path.join(dir, png)).raw().toBuffer({ resolveWithObject: true });
    let magenta = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      // Full magenta on paper comes out pink-purple on screen: red and blue well above green.
      if (r > 150 && b > 80 && g < 100) magenta++;
    }
    return magenta / (info.width * info.height);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('a proof PDF', () => {
  let photo: Buffer;
  let proof: Buffer;
  let final: Buffer;
  beforeAll(async () => {
    photo = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
    const images = new Map([[SAMPLE_PHOTO_ID, photo]]);
    const layout = layoutDesign(design, new Map([[SAMPLE_PHOTO_ID, { width: 1800, height: 1200 }]]));
    proof = (await renderPdf({ layout, title: design.title, images, fonts, proof: true })).data;
    final = (await renderPdf({ layout, title: design.title, images, fonts })).data;
  });

  it('says "PROOF — NOT APPROVED" on every page, read back with pdftotext, and in its title', async () => {
    const facts = await readPdf(proof);
    expect(facts.pages).toHaveLength(2);
    const pages = facts.text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(page.split(PROOF_MARK).length - 1).toBeGreaterThanOrEqual(2);
    expect(facts.info.Title).toBe(`${PROOF_MARK}: ${design.title}`);
    // The design is still all there under the mark.
    expect(facts.text).toContain('Printed by Riverside Print Works');
  });

  it('is covered in the mark when rendered (pdftoppm -r 60), while the final file has none of it', async () => {
    const out = process.env.PROOF_PNG_DIR;
    for (const page of [1, 2]) {
      expect(await magentaShare(proof, page, out && path.join(out, `proof-${page}.png`))).toBeGreaterThan(0.05);
      expect(await magentaShare(final, page, out && path.join(out, `final-${page}.png`))).toBeLessThan(0.01);
    }
    const facts = await readPdf(final);
    expect(facts.text).not.toContain('PROOF');
    expect(facts.info.Title).toBe(design.title);
  });
});
