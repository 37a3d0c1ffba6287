/**
 * Strong right-to-left characters: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their
 * supplements and presentation forms, the RTL blocks of the supplementary planes, and the right-to-left
 * mark and embedding/override/isolate controls. The layout sets text left to right without the Unicode
 * bidirectional algorithm or Arabic joining, so such text would print backwards and unjoined; it is
 * refused instead (see LayoutError code 'unsupported-script').
 */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Whether `text` contains a character that must be set right to left. */
export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}
