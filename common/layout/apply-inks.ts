import { BLACK_INK, formatCmyk, isSolidBlack, totalAreaCoverage } from '../colour/cmyk';
import type { PrintSettings } from '../colour/print-settings';
import { inkOf } from '../design/colour';
import type { DrawItem, PreflightWarning } from './draw-items';

/**
 * A black shape whose shorter side is at least this, in millimetres, is a "large area" and prints in rich
 * black; a narrower one is a rule or a line, and prints black ink only, like text.
 */
export const RICH_BLACK_MIN_SIDE_MM = 10;

const BLACK = formatCmyk(BLACK_INK);

/**
 * Turns the colours of a page's draw items into the inks that print, the way a prepress department would:
 * - text, QR codes and thin shapes in solid black print with black ink only (no cyan, magenta or yellow
 *   under them to smear when the plates misregister) and overprint, so the colour beneath is not knocked
 *   out and no white halo shows round a letter;
 * - large areas of solid black print in the configured rich black;
 * - any colour whose total ink exceeds the limit is a preflight warning naming its element.
 * The preview and the PDF draw the result, so the campaigner sees what prints.
 */
export function applyInks(items: DrawItem[], page: number, settings: PrintSettings, warnings: PreflightWarning[]): DrawItem[] {
  const warned = new Set<string>();
  return items.map((item) => {
    if (item.type === 'image') return item;
    const colour = item.type === 'rect' || item.type === 'ellipse' ? item.fill : item.colour;
    let ink = inkOf(colour);
    let overprint = false;
    if (isSolidBlack(ink)) {
      const large = (item.type === 'rect' || item.type === 'ellipse') && Math.min(item.width, item.height) >= RICH_BLACK_MIN_SIDE_MM;
      if (large && settings.richBlack) ink = settings.richBlack;
      else {
        ink = BLACK_INK;
        overprint = true;
      }
    }
    const tac = totalAreaCoverage(ink);
    const elementId = item.elementId ?? 'background';
    if (tac > settings.maxInkCoverage + 0.5 && !warned.has(elementId)) {
      warned.add(elementId);
      warnings.push({
        code: 'ink-coverage',
        page,
        elementId,
        message: `"${elementId}" would print with ${Math.round(tac)} % ink in all; the printer's limit is ${settings.maxInkCoverage} %, so it may smudge or set off. Choose a lighter colour.`,
      });
    }
    const printed = ink === BLACK_INK ? BLACK : formatCmyk(ink);
    return item.type === 'rect' || item.type === 'ellipse' ? { ...item, fill: printed, overprint } : { ...item, colour: printed, overprint };
  });
}
