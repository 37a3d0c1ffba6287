import { parseColour } from '../../common/design/colour';

/** A design colour as pdfkit takes it: '#rrggbb' stays RGB, cmyk(...) becomes a CMYK array (percent). */
export function pdfColour(text: string): PDFKit.Mixins.ColorValue {
  const c = parseColour(text);
  if (!c) return '#000000';
  if (c.space === 'cmyk') return [c.c, c.m, c.y, c.k];
  return text;
}
