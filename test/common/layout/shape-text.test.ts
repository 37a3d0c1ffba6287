import * as fontkit from 'fontkit';
import { FONT_FILES } from '../../../common/layout/font-files';
import { ALL_FONTS, FONT_TABLES } from '../../../common/layout/font-tables';
import { Shaper } from '../../../common/layout/shape-text';

/** A spread of the languages Rosette's campaigners write in, with kerning pairs and ligature candidates. */
const TEXTS = [
  'AVATAR WAVE Ty, To Wa, Yo! office, fluffy, affluent, fjord, "Vote" LT',
  'Mae pob tŷ yn cyfrif: ŵyn, dŵr glân, Ŵy, Ẁ Ẃ Ẅ Ỳ, ffordd, fflach, Tŷ Ffit',
  'Zażółć gęślą jaźń, Łódź, Władysław, Żółw ŻYWY, AVATAR, Kraków',
  'Καλημέρα σας, ΑΥΤΟΚΙΝΗΤΟ, Ὁμήρου ἔπεα, Τυ ΓΑ ΑΥ, Γεια σας',
  'Привіт, Україно! ГАЗЕТА, ТУТ, Съешь же ещё этих мягких французских булок',
];

const open = (file: string) => fontkit.openSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)) as fontkit.Font;

describe('Shaper', () => {
  describe.each(ALL_FONTS.map((f) => [f.key, f] as const))('in %s', (_key, { face, weight, key }) => {
    const font = open(FONT_FILES[face][weight]);
    const shaper = new Shaper(FONT_TABLES[key]);

    it.each(TEXTS)('shapes "%s" into the glyphs and advances fontkit gives with kern and liga', (text) => {
      const expected = font.layout(text, ['kern', 'liga']);
      const run = shaper.shape(text);
      expect(run.glyphs).toEqual(expected.glyphs.map((g) => g.id));
      expect(run.advances).toEqual(expected.positions.map((p) => p.xAdvance));
      expect(run.width).toBe(expected.advanceWidth);
    });

    it('never kerns or ligates across a space, so line widths are the sum of words and spaces', () => {
      const space = shaper.width(' ');
      for (const cp of font.characterSet) {
        const ch = String.fromCodePoint(cp);
        if (/\s/.test(ch)) continue;
        const w = shaper.width(ch);
        if (shaper.width(`${ch} `) !== w + space || shaper.width(` ${ch}`) !== w + space) throw new Error(`U+${cp.toString(16)} kerns against a space`);
      }
      const spaceGlyph = shaper.shape(' ').glyphs[0];
      for (const lookup of FONT_TABLES[key].ligatures) for (const sub of lookup) for (const set of sub.sets) for (const lig of set) expect(lig.slice(1)).not.toContain(spaceGlyph);
    });
  });

  it('draws standard ligatures as one glyph that stands for all its letters', () => {
    const shaper = new Shaper(FONT_TABLES['serif-regular']);
    const run = shaper.shape('fi');
    expect(run.glyphs).toHaveLength(1);
    expect(run.codePoints).toEqual([[0x66, 0x69]]);
  });

  it('draws nothing for a soft hyphen', () => {
    const shaper = new Shaper(FONT_TABLES['sans-regular']);
    expect(shaper.shape('cyf\u00adrif')).toEqual(shaper.shape('cyfrif'));
  });

  it('draws a character the font lacks as glyph 0 (.notdef), with its advance', () => {
    const shaper = new Shaper(FONT_TABLES['sans-regular']);
    const run = shaper.shape('中');
    expect(run.glyphs).toEqual([0]);
    expect(run.width).toBe(open(FONT_FILES.sans.regular).getGlyph(0).advanceWidth);
  });
});
