import type { TextBlock } from '../design/design-schema';
import { mmToPt, ptToMm } from '../design/units';
import { breakLines } from './break-lines';
import type { Rect, TextLineItem } from './draw-items';
import type { FontFace, FontWeight } from './font-files';
import type { TextMeasurer } from './font-metrics';

export interface TextStyle {
  /** Font size in points. */
  fontSize: number;
  /** Smallest size in points the text may shrink to. */
  minFontSize: number;
  /** The typeface; see font-files.ts. */
  font: FontFace;
  weight: FontWeight;
  colour: string;
  align: 'left' | 'center' | 'right';
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Space between blocks as a multiple of the font size. */
  blockSpacing: number;
}

export interface TextLayout {
  lines: TextLineItem[];
  /** The size the text was set at, in points (below the asked size when it had to shrink). */
  fontSize: number;
  /** False when the text does not fit even at the smallest allowed size. */
  fits: boolean;
}

/** Size step when shrinking text to fit, in points. */
const SHRINK_STEP = 0.5;
const BULLET = '•';

/**
 * Sets blocks of text in a box: breaks lines, shrinks the size step by step down to minFontSize if the
 * text is too tall, and aligns each line. At the smallest size it returns fits: false (and the lines,
 * which the preview shows with an overflow flag; the renderer refuses to print them).
 */
export function layoutText(elementId: string, blocks: TextBlock[], box: Rect, style: TextStyle, measurer: TextMeasurer): TextLayout {
  let size = style.fontSize;
  for (;;) {
    const attempt = setAtSize(elementId, blocks, box, style, size, measurer);
    if (attempt.height <= mmToPt(box.height) + 0.01) return { lines: attempt.lines, fontSize: size, fits: true };
    const next = Math.max(style.minFontSize, size - SHRINK_STEP);
    if (next >= size) return { lines: attempt.lines, fontSize: size, fits: false };
    size = next;
  }
}

function setAtSize(elementId: string, blocks: TextBlock[], box: Rect, style: TextStyle, size: number, measurer: TextMeasurer) {
  const boxWidth = mmToPt(box.width);
  const advance = size * style.lineHeight;
  const ascent = measurer.ascent(style.font, style.weight, size);
  const measure = (text: string) => measurer.width(text, style.font, style.weight, size);
  const lines: TextLineItem[] = [];
  /** Top of the next line, points below the top of the box. */
  let top = 0;
  let height = 0;
  const place = (text: string, width: number, indent: number, available: number) => {
    const slack = available - width;
    const shift = style.align === 'center' ? slack / 2 : style.align === 'right' ? slack : 0;
    lines.push({
      type: 'text',
      elementId,
      text,
      x: box.x + ptToMm(indent + shift),
      baseline: box.y + ptToMm(top + ascent),
      width: ptToMm(width),
      font: style.font,
      fontSize: size,
      weight: style.weight,
      colour: style.colour,
    });
    height = top + advance;
    top += advance;
  };
  blocks.forEach((block, i) => {
    if (i > 0) top += style.blockSpacing * size;
    if (block.type === 'paragraph') {
      for (const line of breakLines(block.text, measure, boxWidth)) place(line.text, line.width, 0, boxWidth);
      return;
    }
    const indent = measure(BULLET + '  ');
    for (const item of block.items) {
      const first = lines.length;
      for (const line of breakLines(item, measure, boxWidth - indent)) place(line.text, line.width, indent, boxWidth - indent);
      const firstLine = lines[first];
      if (firstLine) {
        lines.push({ ...firstLine, text: BULLET, x: firstLine.x - ptToMm(indent), width: ptToMm(measure(BULLET)) });
      }
    }
  });
  return { lines, height };
}
