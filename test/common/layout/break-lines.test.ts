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
