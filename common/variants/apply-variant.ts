import type { Design, DesignInput, Element, TextBlock } from '../design/design-schema';
import { VARIANT_LANGUAGE_TAGS, type BilingualField, type VariantField, type VariantLanguage, type VariantRow } from './variant-table';

/** The kinds of element a field can fill, and what of them it fills. */
export const FILLABLE_KINDS = { heading: 'its words', text: 'its text', image: 'its picture (an asset id)', qr: 'its web address' } as const;
type FillableKind = keyof typeof FILLABLE_KINDS;

/** A field that does not fit the master design, with the path of what is wrong in the field. */
export interface FieldProblem {
  /** Index of the field in the table's `fields`. */
  field: number;
  path: Array<string | number>;
  message: string;
}

/** Where a field's element is in the design: its page and index, or why it cannot be filled. */
function locate(design: Design, field: VariantField): { page: number; index: number; element: Element } | string {
  const page = design.pages[field.page];
  if (!page) return field.page === 1 ? 'the design has no back page' : 'the design has no such page';
  const index = page.elements.findIndex((e) => e.id === field.elementId);
  if (index < 0) return `no element "${field.elementId}" on the ${field.page === 0 ? 'front' : 'back'}`;
  return { page: field.page, index, element: page.elements[index]! };
}

/**
 * Whether each field names an element of the design that a value can fill: a heading, a text element
 * (or one of its paragraphs), an image or a QR code. Shapes and the imprint are never variant fields:
 * the imprint belongs to the organisation, not to a row.
 */
export function fieldProblems(design: Design, fields: readonly VariantField[]): FieldProblem[] {
  const filled = new Map<string, VariantField>();
  return fields.flatMap((field, i): FieldProblem[] => {
    // A field of a whole element and another of a part of it (or of the whole again) would overwrite each other.
    const elementKey = `${field.page}/${field.elementId}`;
    const earlier = filled.get(elementKey);
    if (earlier && (earlier.block === undefined || field.block === undefined || earlier.block === field.block))
      return [{ field: i, path: ['fields', i, 'elementId'], message: `"${earlier.key}" already fills this element` }];
    filled.set(elementKey, field);
    const found = locate(design, field);
    if (typeof found === 'string') return [{ field: i, path: ['fields', i, 'elementId'], message: found }];
    const { element } = found;
    if (!(element.kind in FILLABLE_KINDS)) return [{ field: i, path: ['fields', i, 'elementId'], message: `"${element.id}" is a ${element.kind}; a field fills a heading, a text, an image or a QR code` }];
    if (field.block !== undefined) {
      if (element.kind !== 'text') return [{ field: i, path: ['fields', i, 'block'], message: 'only a text element has paragraphs' }];
      const block = element.blocks[field.block];
      if (!block) return [{ field: i, path: ['fields', i, 'block'], message: `"${element.id}" has ${element.blocks.length} blocks` }];
      if (block.type !== 'paragraph') return [{ field: i, path: ['fields', i, 'block'], message: 'is a list, not a paragraph' }];
    }
    return [];
  });
}

/**
 * fieldProblems() for a bilingual table, and whether each field's sharing agrees with its element: a
 * heading's or text's field holds an English and a Welsh text, an image's or QR code's one shared value.
 */
export function bilingualFieldProblems(design: Design, fields: readonly BilingualField[]): FieldProblem[] {
  const problems = fieldProblems(design, fields);
  fields.forEach((field, i) => {
    if (problems.some((p) => p.field === i)) return;
    const found = locate(design, field);
    if (typeof found === 'string') return;
    const words = found.element.kind === 'heading' || found.element.kind === 'text';
    if (words && field.shared) problems.push({ field: i, path: ['fields', i, 'shared'], message: `"${field.key}" fills words: it holds an English and a Welsh text, so it cannot be shared` });
    if (!words && !field.shared) problems.push({ field: i, path: ['fields', i, 'shared'], message: `"${field.key}" fills a ${found.element.kind === 'image' ? 'picture' : 'QR code'}, the same in both languages: it must be shared (true)` });
  });
  return problems.sort((a, b) => a.field - b.field);
}

/** A text element's whole text from a cell: paragraphs are separated by a blank line. */
export function paragraphsOf(value: string): TextBlock[] {
  return value
    .split(/\r?\n[ \t]*\r?\n/)
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map((text) => ({ type: 'paragraph' as const, text }));
}

/** How a value goes into each kind of element. */
const FILL: { [K in FillableKind]: (el: Extract<Element, { kind: K }>, value: string, field: VariantField) => Extract<Element, { kind: K }> } = {
  heading: (el, value) => ({ ...el, text: value }),
  text: (el, value, field) =>
    field.block === undefined ? { ...el, blocks: paragraphsOf(value) } : { ...el, blocks: el.blocks.map((b, i) => (i === field.block && b.type === 'paragraph' ? { ...b, text: value } : b)) },
  image: (el, value) => ({ ...el, assetId: value.trim() }),
  qr: (el, value) => ({ ...el, url: value.trim() }),
};

/** How a version is made beyond its values. */
export interface ApplyVariantOptions {
  /**
   * A bilingual version's language: the version's design gets its tag (en-GB, cy-GB) as its language, the
   * PDF's /Lang, so screen readers read a Welsh version as Welsh. Absent: the master's language is kept.
   */
  language?: VariantLanguage | null;
}

/**
 * The master design with one row's values put in. The result is a design input, to be checked with
 * designSchema like any other (a value can be too long, empty, or not an asset id); fields must have
 * passed fieldProblems() first (a field that finds no element is skipped). Pure: the master is not changed.
 * A bilingual row's versions: applyVariant(master, plainFields(fields), bilingualValues(row, language), { language }),
 * or each of variantVersions(table) (variant-versions.ts).
 */
export function applyVariant(master: Design, fields: readonly VariantField[], row: VariantRow, options: ApplyVariantOptions = {}): DesignInput {
  const pages = master.pages.map((page) => ({ ...page, elements: [...page.elements] }));
  for (const field of fields) {
    const value = row[field.key];
    const page = pages[field.page];
    const index = page?.elements.findIndex((e) => e.id === field.elementId) ?? -1;
    if (value === undefined || !page || index < 0) continue;
    const element = page.elements[index]!;
    if (!(element.kind in FILL)) continue;
    const fill = FILL[element.kind as FillableKind] as (el: Element, value: string, field: VariantField) => Element;
    page.elements[index] = fill(element, value, field);
  }
  return options.language ? { ...master, language: VARIANT_LANGUAGE_TAGS[options.language], pages } : { ...master, pages };
}
