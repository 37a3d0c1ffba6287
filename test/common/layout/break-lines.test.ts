import { breakLines } from '../../../common/layout/break-lines';
import { TextMeasurer } from '../../../common/layout/font-metrics';

const measurer = new TextMeasurer();
const measure = (text: string) => measurer.width(text, 'sans', 'regular', 10);
const SHY = '\u00ad';

describe('breakLines', () => {
  it('breaks at spaces and measures each line as shaped', () => {
    const lines = breakLines('Mae pob tŷ yn cyfrif', measure, measure('Mae pob tŷ') + 0.01);
    expect(lines.map((l) => l.text)).toEqual(['Mae pob tŷ', 'yn cyfrif']);
    for (const line of lines) expect(line.width).toBeCloseTo(measure(line.text), 9);
  });

  describe('with soft hyphens', () => {
    const word = `cyf${SHY}ath${SHY}rach${SHY}ol`;

    it('draws none of them when the word fits on its line', () => {
      const lines = breakLines(`Mae ${word} yma`, measure, 500);
      expect(lines).toEqual([{ text: 'Mae cyfathrachol yma', width: measure('Mae cyfathrachol yma') }]);
    });

    it('breaks the word at the last one that fits, with a visible hyphen at the end of the line', () => {
      const lines = breakLines(`Mae ${word} yma`, measure, measure('Mae cyfath-') + 0.01);
      expect(lines.map((l) => l.text)).toEqual(['Mae cyfath-', 'rachol yma']);
      expect(lines[0]!.width).toBeCloseTo(measure('Mae cyfath-'), 9);
    });

    it('breaks a word more than once when it needs to, and never shows a hyphen mid-line', () => {
      const lines = breakLines(`${word} ${word}`, measure, measure('cyfath-') + 0.01);
      expect(lines.map((l) => l.text)).toEqual(['cyfath-', 'rachol', 'cyfath-', 'rachol']);
      for (const line of lines) {
        expect(line.text).not.toContain(SHY);
        expect(line.text.slice(0, -1)).not.toContain('-');
      }
    });

    it('keeps the whole word on the next line when no part of it fits the current one', () => {
      const lines = breakLines(`Mae pob ${word}`, measure, measure('Mae pob c') + 0.01);
      expect(lines[0]!.text).toBe('Mae pob');
      expect(lines.slice(1).map((l) => l.text).join(' ')).not.toContain(SHY);
    });
  });
});

/**
 * A monospaced stand-in for the font: every visible character, space included, is 10 pt wide and a soft
 * hyphen is 0 pt, so that each expected line and width below can be worked out by counting characters.
 */
const mono = (text: string) => 10 * Array.from(text.replaceAll(SHY, '')).length;
const texts = (text: string, maxWidth: number) => breakLines(text, mono, maxWidth).map((l) => l.text);

describe('breakLines, counted in a monospaced font of 10 pt per character', () => {
  describe('when words fit', () => {
    it('fills each line greedily, a line exactly as wide as the box included', () => {
      expect(breakLines('aa bb cc', mono, 50)).toEqual([
        { text: 'aa bb', width: 50 },
        { text: 'cc', width: 20 },
      ]);
    });

    it('moves a word to the next line when it is 0.01 pt too wide', () => {
      expect(breakLines('aa bb cc', mono, 49.99)).toEqual([
        { text: 'aa', width: 20 },
        { text: 'bb', width: 20 },
        { text: 'cc', width: 20 },
      ]);
    });

    it('keeps the whole text on one line in a wide box, with one space between words however many were typed', () => {
      expect(breakLines('  aa \t  bb\tcc  ', mono, 1000)).toEqual([{ text: 'aa bb cc', width: 80 }]);
    });

    it('drops a "word" that is nothing but soft hyphens', () => {
      expect(breakLines(`aa ${SHY}${SHY} bb`, mono, 1000)).toEqual([{ text: 'aa bb', width: 50 }]);
    });

    it('composes a w and a combining circumflex into the one character ŵ', () => {
      expect(breakLines('w\u0302', mono, 100)).toEqual([{ text: '\u0175', width: 10 }]);
    });
  });

  describe('when the text has hard newlines', () => {
    it('starts a new line at each, Windows line ends included, and keeps an empty line as an empty line', () => {
      expect(breakLines('aa\nbb\r\n\ncc', mono, 1000)).toEqual([
        { text: 'aa', width: 20 },
        { text: 'bb', width: 20 },
        { text: '', width: 0 },
        { text: 'cc', width: 20 },
      ]);
    });
  });

  describe('when a word is longer than a whole line', () => {
    it('splits it between characters, each line as full as it can be', () => {
      expect(breakLines('abcdefg', mono, 30)).toEqual([
        { text: 'abc', width: 30 },
        { text: 'def', width: 30 },
        { text: 'g', width: 10 },
      ]);
    });

    it('first ends the line it would have continued', () => {
      expect(texts('aa abcdefg', 30)).toEqual(['aa', 'abc', 'def', 'g']);
    });

    it('puts one character on each line when the box is narrower than two characters', () => {
      expect(breakLines('abc', mono, 15)).toEqual([
        { text: 'a', width: 10 },
        { text: 'b', width: 10 },
        { text: 'c', width: 10 },
      ]);
    });

    it('still draws a single character that is wider than the box, on a line of its own', () => {
      expect(breakLines('W', mono, 5)).toEqual([{ text: 'W', width: 10 }]);
      expect(texts('aa W', 5)).toEqual(['a', 'a', 'W']);
    });

    it('splits it between characters when its only soft hyphen is its first character', () => {
      expect(texts(`${SHY}abcdef`, 30)).toEqual(['abc', 'def']);
      expect(texts(`${SHY}${SHY}abcdef`, 30)).toEqual(['abc', 'def']);
    });
  });

  describe('when a word has soft hyphens', () => {
    const word = `ab${SHY}cd${SHY}ef`;

    it('ends the line at the last one whose head fits after the words already on it, hyphen included', () => {
      // Room after "xx ": 70 - 30 = 40 pt; "abcd-" (50) does not fit, "ab-" (30) does.
      expect(breakLines(`xx ${word}`, mono, 70)).toEqual([
        { text: 'xx ab-', width: 60 },
        { text: 'cdef', width: 40 },
      ]);
    });

    it('breaks a word on a line of its own at the last one that fits', () => {
      expect(breakLines(word, mono, 50)).toEqual([
        { text: 'abcd-', width: 50 },
        { text: 'ef', width: 20 },
      ]);
    });

    it('breaks a word at a soft hyphen after its first letter', () => {
      expect(breakLines(`a${SHY}bcdef`, mono, 30)).toEqual([
        { text: 'a-', width: 20 },
        { text: 'bcd', width: 30 },
        { text: 'ef', width: 20 },
      ]);
    });
  });
});
