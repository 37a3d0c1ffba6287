import { SOFT_HYPHEN } from './shape-text';

export interface BrokenLine {
  /** The line as drawn: soft hyphens removed, a hyphen added where the line breaks at one. */
  text: string;
  /** Width in points. */
  width: number;
}

/** Width of a string in points, in the font and size being set (kerning and ligatures included). */
export type Measure = (text: string) => number;

/** Drawn at the end of a line that breaks at a soft hyphen. */
const HYPHEN = '-';

/**
 * Greedy line breaking at spaces (and at hard newlines), the way a word processor does it. A word that
 * does not fit may break at a soft hyphen (U+00AD), which then shows as a hyphen at the end of the line;
 * elsewhere soft hyphens are invisible. A word longer than a whole line is split between characters
 * rather than drawn past the box edge.
 * Widths add up exactly: the fonts neither kern nor ligate across a space (test/common/layout/shape-text.test.ts).
 * @param maxWidth Line width in points.
 */
export function breakLines(text: string, measure: Measure, maxWidth: number): BrokenLine[] {
  const lines: BrokenLine[] = [];
  const space = measure(' ');
  // NFC: a decomposed ŵ (w + combining circumflex) becomes the one glyph the font has for it.
  for (const hardLine of text.normalize('NFC').split(/\r?\n/)) {
    const words = hardLine.split(/[ \t]+/).filter((w) => w.replaceAll(SOFT_HYPHEN, '').length > 0);
    let current = '';
    let currentWidth = 0;
    const flush = () => {
      lines.push({ text: current, width: currentWidth });
      current = '';
      currentWidth = 0;
    };
    for (const word of words) {
      let rest = word;
      for (;;) {
        const w = measure(rest);
        const room = current ? maxWidth - currentWidth - space : maxWidth;
        if (w <= room || (!current && Array.from(visible(rest)).length <= 1)) {
          if (current) {
            current += ' ' + visible(rest);
            currentWidth += space + w;
          } else {
            current = visible(rest);
            currentWidth = w;
          }
          break;
        }
        // Break at a soft hyphen if a part of the word still fits this line.
        const part = hyphenatedHead(rest, measure, room);
        if (part) {
          currentWidth = current ? currentWidth + space + part.width : part.width;
          current = current ? `${current} ${part.head}` : part.head;
          flush();
          rest = part.tail;
          continue;
        }
        // Otherwise try it on a line of its own; only a word too long for any line is split between characters.
        if (current) {
          flush();
          continue;
        }
        const [head, tail] = splitToWidth(visible(rest), measure, maxWidth);
        lines.push({ text: head, width: measure(head) });
        rest = tail;
      }
    }
    flush();
  }
  return lines;
}

/** The word without its soft hyphens, as drawn mid-line. */
function visible(word: string): string {
  return word.replaceAll(SOFT_HYPHEN, '');
}

/**
 * The longest head of `word` ending at a soft hyphen that fits `room` points with a hyphen drawn after
 * it, or undefined when there is none.
 */
function hyphenatedHead(word: string, measure: Measure, room: number): { head: string; width: number; tail: string } | undefined {
  for (let at = word.lastIndexOf(SOFT_HYPHEN); at > 0; at = word.lastIndexOf(SOFT_HYPHEN, at - 1)) {
    const head = visible(word.slice(0, at)) + HYPHEN;
    const tail = word.slice(at + 1);
    if (visible(head).length <= 1 || visible(tail).length === 0) continue;
    const width = measure(head);
    if (width <= room) return { head, width, tail };
  }
  return undefined;
}

/** Splits a word so that its head fits `maxWidth` points (at least one character). */
function splitToWidth(word: string, measure: Measure, maxWidth: number): [string, string] {
  const chars = Array.from(word);
  let width = 0;
  let i = 0;
  for (; i < chars.length; i++) {
    const w = measure(chars[i]!);
    if (i > 0 && width + w > maxWidth) break;
    width += w;
  }
  return [chars.slice(0, i).join(''), chars.slice(i).join('')];
}
