import type { FontWeight } from './font-files';
import type { TextMeasurer } from './font-metrics';

export interface BrokenLine {
  text: string;
  /** Width in points. */
  width: number;
}

/**
 * Greedy line breaking at spaces (and at hard newlines), the way a word processor does it. A word
 * longer than a whole line is split between characters rather than drawn past the box edge.
 * @param maxWidth Line width in points.
 */
export function breakLines(text: string, measurer: TextMeasurer, weight: FontWeight, size: number, maxWidth: number): BrokenLine[] {
  const lines: BrokenLine[] = [];
  const space = measurer.width(' ', weight, size);
  // NFC: a decomposed ŵ (w + combining circumflex) becomes the one glyph the font has for it.
  for (const hardLine of text.normalize('NFC').split(/\r?\n/)) {
    const words = hardLine.split(/[ \t]+/).filter((w) => w.length > 0);
    let current = '';
    let currentWidth = 0;
    const flush = () => {
      lines.push({ text: current, width: currentWidth });
      current = '';
      currentWidth = 0;
    };
    for (const word of words) {
      let w = measurer.width(word, weight, size);
      if (current && currentWidth + space + w <= maxWidth) {
        current += ' ' + word;
        currentWidth += space + w;
        continue;
      }
      if (current) flush();
      let rest = word;
      while (w > maxWidth && rest.length > 1) {
        const [head, tail] = splitToWidth(rest, measurer, weight, size, maxWidth);
        lines.push({ text: head, width: measurer.width(head, weight, size) });
        rest = tail;
        w = measurer.width(rest, weight, size);
      }
      current = rest;
      currentWidth = w;
    }
    flush();
  }
  return lines;
}

/** Splits a word so that its head fits `maxWidth` points (at least one character). */
function splitToWidth(word: string, measurer: TextMeasurer, weight: FontWeight, size: number, maxWidth: number): [string, string] {
  const chars = Array.from(word);
  let width = 0;
  let i = 0;
  for (; i < chars.length; i++) {
    const w = measurer.width(chars[i]!, weight, size);
    if (i > 0 && width + w > maxWidth) break;
    width += w;
  }
  return [chars.slice(0, i).join(''), chars.slice(i).join('')];
}
