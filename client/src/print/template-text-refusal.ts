import { ApiError } from '../api/api-error';
import type { DesignInput } from '../../../common/design/design-schema';
import { unchangedTemplateText, unchangedTextSummaries } from '../../../common/templates/unchanged-template-text';
import { formatPath } from '../editor/format-path';

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

/**
 * The refusal the server would answer for this design's unconfirmed template words, made in the
 * browser (the same shared check, common/templates/unchanged-template-text.ts, and the same fields), or
 * null when every word is the campaigner's. Used before a print is queued while Rosette is closed: the
 * question is asked now, not after the campaigner has gone, when the queued print would be refused.
 */
export function templateTextRefusalOf(design: DesignInput): ApiError | null {
  const unchanged = unchangedTemplateText(design);
  if (unchanged.length === 0) return null;
  const summaries = unchangedTextSummaries(unchanged, design.pages.length);
  const fields = summaries.map((s) => ({ path: formatPath(['design', ...s.path]), message: s.message }));
  return new ApiError(422, TEMPLATE_TEXT_UNCHANGED, `${summaries.map((s) => s.message).join('; ')}: replace the template's words, or print them as they are`, fields);
}
