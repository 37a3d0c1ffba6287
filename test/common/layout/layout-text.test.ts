import type { TextBlock } from '../../../common/design/design-schema';
import type { TextMeasurer } from '../../../common/layout/font-metrics';
import { layoutText, type TextStyle } from '../../../common/layout/layout-text';

/** Points to millimetres, written out here rather than taken from units.ts: 72 pt to the inch, 25.4 mm to the inch. */
const mm = (pt: number) => (pt * 25.4) / 72;

/**
 * A monospaced stand-in for the fonts: every character is half the font size wide (10 pt at 20 pt) and
 * the ascender is three quarters of it, so that each position below can be worked out by hand.
 */
const measurer = {
  width: (text: string, _face: string, _weight: string, size: number) => (Array.from(text).length * size) / 2,
  ascent: (_face: string, _weight: string, size: number) => size * 0.75,
} as unknown as TextMeasurer;

const style: TextStyle = {
  fontSize: 20,
  minFontSize: 10,
  font: 'serif',
  weight: 'bold',
  colour: 'cmyk(0,0,0,100)',
  align: 'left',
  lineHeight: 1.2,
  blockSpacing: 0.5,
};

/** A box 100 pt wide and 200 pt tall, its top-left corner 10 mm from the left and 20 mm from the top. */
const box = (widthPt = 100, heightPt = 200) => ({ x: 10, y: 20, width: mm(widthPt), height: mm(heightPt) });
const paragraph = (text: string): TextBlock => ({ type: 'paragraph', text });

/** Each line as [text, x and baseline in points from the box's corner, width in points, size]. */
function placed(blocks: TextBlock[], options: Partial<TextStyle> = {}, b = box()) {
  const layout = layoutText('el', blocks, b, { ...style, ...options }, measurer);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    fits: layout.fits,
    fontSize: layout.fontSize,
    lines: layout.lines.map((l) => [l.text, round((l.x - b.x) * (72 / 25.4)), round((l.baseline - b.y) * (72 / 25.4)), round(l.width * (72 / 25.4)), l.fontSize]),
  };
}

describe('layoutText, in a monospaced stand-in font', () => {
  describe('when the text fits at its own size', () => {
    it('sets it at that size, the first baseline one ascender below the top, with the element’s face, weight and colour', () => {
      const layout = layoutText('el', [paragraph('aaaa bbbb')], box(), style, measurer);
      expect(layout.fits).toBe(true);
      expect(layout.fontSize).toBe(20);
      expect(layout.lines).toHaveLength(1);
      const [line] = layout.lines;
      expect(line).toMatchObject({ type: 'text', elementId: 'el', text: 'aaaa bbbb', font: 'serif', weight: 'bold', colour: 'cmyk(0,0,0,100)', fontSize: 20 });
      expect(line!.x).toBeCloseTo(10, 9);
      expect(line!.baseline).toBeCloseTo(20 + mm(15), 9);
      expect(line!.width).toBeCloseTo(mm(90), 9);
    });

    it('puts each following line one line height (1.2 × 20 pt = 24 pt) lower', () => {
      expect(placed([paragraph('aaaa bbbb cccc')], {}, box(100)).lines).toEqual([
        ['aaaa bbbb', 0, 15, 90, 20],
        ['cccc', 0, 39, 40, 20],
      ]);
      expect(placed([paragraph('aaaa bbbb cccc')], { lineHeight: 2 }, box(100)).lines.map((l) => l[2])).toEqual([15, 55]);
    });

    it('leaves half the font size (blockSpacing 0.5) between blocks, and none before the first', () => {
      expect(placed([paragraph('aaaa'), paragraph('bbbb')]).lines.map((l) => l[2])).toEqual([15, 15 + 24 + 10]);
      expect(placed([paragraph('aaaa'), paragraph('bbbb')], { blockSpacing: 1 }).lines.map((l) => l[2])).toEqual([15, 15 + 24 + 20]);
    });

    it('fits a box exactly as tall as its lines', () => {
      expect(placed([paragraph('aaaa')], {}, box(100, 24))).toMatchObject({ fits: true, fontSize: 20 });
    });
  });

  describe('when it is aligned', () => {
    it('starts a line at the left edge, in the middle of the slack when centred, and at the slack when right-aligned', () => {
      // "aaaa" is 40 pt wide in a 100 pt box: 60 pt of slack.
      expect(placed([paragraph('aaaa')], { align: 'left' }).lines[0]![1]).toBe(0);
      expect(placed([paragraph('aaaa')], { align: 'center' }).lines[0]![1]).toBe(30);
      expect(placed([paragraph('aaaa')], { align: 'right' }).lines[0]![1]).toBe(60);
    });
  });

  describe('when a block is a bulleted list', () => {
    it('indents each item by the width of a bullet and two spaces, and draws the bullet at the left edge on its first line only', () => {
      // Indent: "•  " is 3 characters, 30 pt; the items wrap at 100 - 30 = 70 pt.
      expect(placed([{ type: 'bullets', items: ['aaaa bbbb', 'cc'] }]).lines).toEqual([
        ['aaaa', 30, 15, 40, 20],
        ['bbbb', 30, 39, 40, 20],
        ['•', 0, 15, 10, 20],
        ['cc', 30, 63, 20, 20],
        ['•', 0, 63, 10, 20],
      ]);
    });

    it('aligns items within the indented width, and keeps the bullet one indent left of its line', () => {
      expect(placed([{ type: 'bullets', items: ['aaaa'] }], { align: 'right' }).lines).toEqual([
        ['aaaa', 60, 15, 40, 20],
        ['•', 30, 15, 10, 20],
      ]);
      expect(placed([{ type: 'bullets', items: ['aaaa'] }], { align: 'center' }).lines[0]![1]).toBe(45);
    });

    it('still gives an empty item its line and its bullet', () => {
      expect(placed([{ type: 'bullets', items: [''] }]).lines).toEqual([
        ['', 30, 15, 0, 20],
        ['•', 0, 15, 10, 20],
      ]);
    });
  });

  describe('when the text is too tall for the box', () => {
    it('shrinks it half a point at a time to the first size at which it fits', () => {
      // 14 characters: at 15 pt they are 105 pt wide (two lines, too tall for 20 pt); at 14.5 pt, 101.5 pt (one line).
      const layout = placed([paragraph('aaaa bbbb cccc')], {}, box(101.6, 20));
      expect(layout).toEqual({ fits: true, fontSize: 14.5, lines: [['aaaa bbbb cccc', 0, 10.875, 101.5, 14.5]] });
    });

    it('stops at minFontSize and says it does not fit, still returning the lines', () => {
      expect(placed([paragraph('aaaa')], {}, box(100, 5))).toEqual({ fits: false, fontSize: 10, lines: [['aaaa', 0, 7.5, 20, 10]] });
    });

    it('tries minFontSize itself when it is not a whole number of steps below the size', () => {
      expect(placed([paragraph('aaaa')], { minFontSize: 19.2 }, box(100, 5))).toMatchObject({ fits: false, fontSize: 19.2 });
    });

    it('does not shrink at all when minFontSize is the font size', () => {
      expect(placed([paragraph('aaaa')], { minFontSize: 20 }, box(100, 5))).toMatchObject({ fits: false, fontSize: 20 });
    });
  });
});
