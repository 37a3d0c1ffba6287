import type { LayoutError } from '../../../common/layout/draw-items';

/**
 * A layout error in words a campaigner can act on. The layout's own message suggests making the box
 * larger, which this editor does not offer, so the advice is to shorten the text.
 */
export function layoutProblemMessage(error: LayoutError): string {
  if (error.code === 'unsupported-script') return 'Right-to-left text (Hebrew, Arabic) cannot be printed yet: it would come out backwards. Remove it.';
  const size = /even at ([\d.]+) pt/.exec(error.message)?.[1];
  const smallest = size ? ` (${size} pt)` : '';
  if (error.path[0] === 'imprint') {
    return `The imprint does not fit its space, even at the smallest size allowed${smallest}. Shorten the names or addresses.`;
  }
  return `Too much text for its box, even at the smallest size this template allows${smallest}. Shorten it.`;
}
