import type { ApiError } from '../api/api-error';

/** The error code of POST /api/print-jobs for text still the template's that nobody confirmed. */
export const TEMPLATE_TEXT_UNCHANGED = 'template_text_unchanged';

/** One page's unchanged text as the server named it: where the first of it is, and the sentence. */
export interface UnchangedPage {
  /** Path in the design (`pages[1].elements[0].text`), for going to the field. */
  path: string;
  /** "page 2 (back): 1 heading and 2 paragraphs unchanged from the template". */
  message: string;
}

/** The pages of a 422 template_text_unchanged; null for any other error. */
export function unchangedPagesOf(error: ApiError): UnchangedPage[] | null {
  if (error.status !== 422 || error.code !== TEMPLATE_TEXT_UNCHANGED) return null;
  return error.fields.map((f) => ({ path: f.path.replace(/^design\.?/, ''), message: f.message }));
}
