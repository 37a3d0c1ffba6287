import type { Imprint } from '../../common/design/design-schema';

/** Letters and digits only, lower case: "Print Co. Ltd, 1 High St" and "print co ltd 1 high st." are the same. */
const plain = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Whether the design's imprint names this printer: the same name and address, ignoring case, spacing
 * and punctuation. The imprint is part of the approved version, so it is never changed to fit an order.
 */
export function imprintNamesPrinter(imprint: Imprint, printer: { name: string; address: string }): boolean {
  return plain(imprint.printer.name) === plain(printer.name) && plain(imprint.printer.address) === plain(printer.address);
}
