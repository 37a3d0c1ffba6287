import type { ElementKindInput } from './design-types';

/** What each kind of element is called on screen. */
export const KIND_NAMES: Record<ElementKindInput, string> = {
  heading: 'Heading',
  text: 'Text',
  image: 'Picture',
  qr: 'QR code',
  shape: 'Colour shape',
  imprint: 'Imprint',
};

/** Abbreviations template authors use in element ids, as people say them. */
const WORDS: Record<string, string> = { qr: 'QR', bg: 'background', col1: 'column 1', col2: 'column 2' };

/** An element id as words: "back-heading" -> "Back heading", "qr-bg" -> "QR background". */
export function elementLabel(id: string): string {
  const words = id
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => WORDS[w.toLowerCase()] ?? w)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Front", "Back", or "Page" for a single-sided design. */
export function pageName(pageIndex: number, pageCount: number): string {
  if (pageCount === 1) return 'Page';
  return pageIndex === 0 ? 'Front' : 'Back';
}
