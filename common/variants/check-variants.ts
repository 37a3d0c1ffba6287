import { designSchema, type Design, type Page } from '../design/design-schema';
import type { AssetInfo, LayoutOptions } from '../layout/layout-design';
import { layoutDesign } from '../layout/layout-design';
import { lowResolutionRefusals } from '../layout/low-resolution-refusals';
import { VARIANT_LANGUAGES, type BilingualField, type BilingualRow, type VariantField, type VariantLanguage, type VariantRow } from './variant-table';
import { applyVariant } from './apply-variant';
import { bilingualValues, plainFields } from './variant-versions';

/** One problem of one variant, tied to the field (column) it comes from. */
export interface VariantProblem {
  /** The field's key; null when the problem is not one field's (it then concerns the row as a whole). */
  field: string | null;
  /** 'error' stops the variant from printing; 'warning' is for the campaigner to look at (a soft photo). */
  severity: 'error' | 'warning';
  code: 'invalid' | 'does-not-fit' | 'unsupported-script' | 'low-resolution-image' | 'missing-glyphs' | 'unknown-image' | 'text-outside-safe-area';
  message: string;
  /**
   * In a bilingual table, the version the problem is in: 'cy' for a Welsh text too long for its box.
   * Absent in a plain table, and for a shared field's problem (the same in both versions).
   */
  language?: VariantLanguage;
}

/** The check of one row: its index in the table and what is wrong with it (empty when it can print). */
export interface VariantCheck {
  row: number;
  problems: VariantProblem[];
}

/**
 * Lays out every row of a variant table and says, row by row, what would stop it printing or what a
 * campaigner should look at. Only the elements the fields fill are laid out again (the rest of the design
 * is the master's, the same in every row and checked once with it), so 600 rows take a fraction of 600
 * full layouts. Fields must have passed fieldProblems() against the master.
 */
export function checkVariants(master: Design, fields: readonly VariantField[], rows: readonly VariantRow[], assets: ReadonlyMap<string, AssetInfo> = new Map(), options: LayoutOptions = {}): VariantCheck[] {
  const fieldOf = (page: number, elementId: string) => fields.find((f) => f.page === page && f.elementId === elementId)?.key ?? null;
  return rows.map((row, index) => ({ row: index, problems: checkRow(master, fields, row, assets, options, fieldOf, null) }));
}

/**
 * checkVariants() for a bilingual table: each row's English and Welsh versions are laid out and checked,
 * and the row's check holds the problems of both, each text field's tagged with its language (English's
 * first). A shared field (a photo) is the same in both versions: it is laid out and reported once, untagged,
 * so a row costs about one layout more than a plain row's for its text fields only.
 */
export function checkBilingualVariants(master: Design, fields: readonly BilingualField[], rows: readonly BilingualRow[], assets: ReadonlyMap<string, AssetInfo> = new Map(), options: LayoutOptions = {}): VariantCheck[] {
  const plain = plainFields(fields);
  const fieldOf = (page: number, elementId: string) => fields.find((f) => f.page === page && f.elementId === elementId)?.key ?? null;
  const paired = new Set(fields.filter((f) => !f.shared).map((f) => f.key));
  return rows.map((row, index) => ({
    row: index,
    problems: VARIANT_LANGUAGES.flatMap((language, l) =>
      // The first version checks every field; the second only the texts that differ from the first's.
      checkRow(master, plain, bilingualValues(row, language), assets, options, fieldOf, l === 0 ? null : paired).map((p) => (p.field !== null && paired.has(p.field) ? { ...p, language } : p)),
    ),
  }));
}

function checkRow(
  master: Design,
  fields: readonly VariantField[],
  row: VariantRow,
  assets: ReadonlyMap<string, AssetInfo>,
  options: LayoutOptions,
  fieldOf: (page: number, elementId: string) => string | null,
  /** The keys of the fields to lay out and report on; null: every field (and the row's own problems). */
  only: ReadonlySet<string> | null,
): VariantProblem[] {
  const parsed = designSchema.safeParse(applyVariant(master, fields, row));
  if (!parsed.success) {
    return parsed.error.issues.flatMap((issue) => {
      const [, page, , index] = issue.path;
      const element = typeof page === 'number' && typeof index === 'number' ? master.pages[page]?.elements[index] : undefined;
      const field = element && typeof page === 'number' ? fieldOf(page, element.id) : null;
      if (only && (field === null || !only.has(field))) return [];
      return [{ field, severity: 'error' as const, code: 'invalid' as const, message: issue.message }];
    });
  }
  const design = parsed.data;
  const checked = (p: number, id: string) => {
    const key = fieldOf(p, id);
    return key !== null && (only === null || only.has(key));
  };
  // Only the filled elements, and the imprint where the master places it (so that the layout does not add one).
  const reduced: Design = {
    ...design,
    pages: design.pages.map((page, p): Page => ({ elements: page.elements.filter((e) => e.kind === 'imprint' || checked(p, e.id)) })),
  };
  const laidOut = layoutDesign(reduced, assets, options);
  const problems: VariantProblem[] = [];
  for (const error of laidOut.errors) {
    const [, page, , index] = error.path;
    const element = typeof page === 'number' && typeof index === 'number' ? reduced.pages[page]?.elements[index] : undefined;
    const field = element && typeof page === 'number' ? fieldOf(page, element.id) : null;
    // The imprint's problems are the master's, reported when the master itself is checked.
    if (field !== null) problems.push({ field, severity: 'error', code: error.code, message: error.message });
  }
  const refused = new Set(lowResolutionRefusals(reduced, laidOut.warnings).map((r) => `${r.page}/${r.elementId}`));
  for (const warning of laidOut.warnings) {
    const field = fieldOf(warning.page, warning.elementId);
    if (field === null || warning.code === 'ink-coverage') continue;
    const severity = refused.has(`${warning.page}/${warning.elementId}`) ? 'error' : 'warning';
    problems.push({ field, severity, code: warning.code, message: warning.message });
  }
  return problems;
}
