import fs from 'node:fs';
import * as fontkit from 'fontkit';
import { ALL_FONTS } from '../../common/layout/font-tables';
import { buildWebFont, ttfPath, webFontText } from '../../scripts/web-fonts';
import { patient } from '../support/wait-for';

jest.setTimeout(patient(60_000));

const SAMPLES = ['AVATAR WAVE Ty office fluffy', 'Mae pob tŷ yn cyfrif: ŵyn, Ŵy, Ẁ Ẃ Ẅ Ỳ', 'Zażółć gęślą jaźń', 'Ὁμήρου ἔπεα ΑΥΤΟΚΙΝΗΤΟ', 'Привіт, ГАЗЕТА'];

describe('the preview’s WOFF2 fonts', () => {
  describe.each(ALL_FONTS.map((f) => [f.key, f] as const))('for %s', (_key, { face, weight }) => {
    let woff2: Buffer;
    let web: fontkit.Font;
    let ttf: fontkit.Font;
    beforeAll(async () => {
      woff2 = await buildWebFont(face, weight);
      web = fontkit.create(woff2) as fontkit.Font;
      ttf = fontkit.create(fs.readFileSync(ttfPath(face, weight))) as fontkit.Font;
    });

    it('are WOFF2 files', () => {
      expect(woff2.subarray(0, 4).toString('latin1')).toBe('wOF2');
    });

    it('give every covered character the TTF’s advance width', () => {
      let covered = 0;
      for (const ch of webFontText()) {
        const cp = ch.codePointAt(0)!;
        if (!ttf.hasGlyphForCodePoint(cp)) continue;
        covered += 1;
        expect(web.hasGlyphForCodePoint(cp)).toBe(true);
        if (web.glyphForCodePoint(cp).advanceWidth !== ttf.glyphForCodePoint(cp).advanceWidth) throw new Error(`U+${cp.toString(16)} has another advance width`);
      }
      expect(covered).toBeGreaterThan(1000);
    });

    it('kern and ligate as the TTF does', () => {
      for (const text of SAMPLES) {
        const advances = (f: fontkit.Font) => f.layout(text, ['kern', 'liga']).positions.map((p) => p.xAdvance);
        expect(advances(web)).toEqual(advances(ttf));
      }
    });
  });
});
