import { designSchema, type Design, type Page } from '../design/design-schema';
import type { AssetInfo, LayoutOptions } from '../layout/layout-design';
import { layoutDesign } from '../layout/layout-design';
import { lowResolutionRefusals } from '../layout/low-resolution-refusals';
import type { VariantField, VariantRow } from './variant-table';
import { applyVariant } from './apply-variant';

/** One problem of one variant, tied to the field (column) it comes from. */
export interface VariantProblem {
  /** The field's key; null when the problem is not one field's (it then concerns the row as a whole). */
  field: string | null;
  /** 'error' stops the variant from printing; 'warning' is for the campaigner to look at (a soft photo). */
  severity: 'error' | 'warning';
  code: 'invalid' | 'does-not-fit' | 'unsupported-script' | 'low-resolution-image' | 'missing-glyphs' | 'unknown-image' | 'text-outside-safe-area';
  message: string;
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
  return rows.map((row, index) => ({ row: index, problems: checkRow(master, fields, row, assets, options, fieldOf) }));
}

function checkRow(
  master: Design,
  fields: readonly VariantField[],
  row: VariantRow,
  assets: ReadonlyMap<string, AssetInfo>,
  options: LayoutOptions,
  fieldOf: (page: number, elementId: string) => string | null,
): VariantProblem[] {
  const parsed = designSchema.safeParse(applyVariant(master, fields, row));
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const [, page, , index] = issue.path;
      const element = typeof page === 'number' && typeof index === 'number' ? master.pages[page]?.elements[index] : undefined;
      const field = element && typeof page === 'number' ? fieldOf(page, element.id) : null;
      return { field, severity: 'error' as const, code: 'invalid' as const, message: issue.message };
    });
  }
  const design = parsed.data;
  // Only the filled elements, and the imprint where the master places it (so that the layout does not add one).
  const reduced: Design = {
    ...design,
    pages: design.pages.map((page, p): Page => ({ elements: page.elements.filter((e) => e.kind === 'imprint' || fieldOf(p, e.id) !== null) })),
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
