/** Longest file name stem a download gets, characters (before ".pdf"). */
const MAX_STEM = 80;

/**
 * A file name stem from a design's title: letters and digits of any script kept, every run of other
 * characters (spaces, punctuation, quotes, slashes, control characters) one hyphen, case kept.
 * "Spring newsletter!" -> "Spring-newsletter"; "Cylchlythyr y Gwanwyn – Ŵyl" keeps its "Ŵ".
 * Null when nothing is left.
 */
export function unicodeStemOf(title: string): string | null {
  const stem = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = Array.from(stem).slice(0, MAX_STEM).join('').replace(/-+$/, '');
  return cut || null;
}

/** The same in plain ASCII, for browsers that do not read filename*: accents dropped ("Ŵyl" -> "Wyl"), other letters left out. */
export function asciiStemOf(title: string): string | null {
  const stem = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/-+$/, '');
  return stem || null;
}

/** RFC 8187's attr-char: what filename* may carry unescaped; everything else is %XX of its UTF-8 bytes. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The Content-Disposition of a PDF download named after its design (RFC 6266): `attachment;
 * filename="Spring-newsletter.pdf"`, plus `filename*=UTF-8''…` when the title has letters beyond ASCII
 * (a Welsh ŵ or ŷ), which browsers prefer. Only letters, digits and hyphens reach the header, so no
 * title can end it early, add a header or a parameter. `fallback` names a file whose title is unknown.
 */
export function attachmentDisposition(title: string | null, fallback = 'leaflet'): string {
  const unicode = title === null ? null : unicodeStemOf(title);
  const ascii = (title === null ? null : asciiStemOf(title)) ?? asciiStemOf(fallback) ?? 'leaflet';
  const plain = `attachment; filename="${ascii}.pdf"`;
  return unicode && unicode !== ascii ? `${plain}; filename*=UTF-8''${encodeExtValue(`${unicode}.pdf`)}` : plain;
}
