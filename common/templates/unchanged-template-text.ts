import type { DesignInput } from '../design/design-schema';
import { TEMPLATES } from './templates';

/** What a piece of template text is, for counting it in a sentence. */
export type TemplateTextKind = 'heading' | 'paragraph' | 'list';

/** A heading, a paragraph or a bulleted list still word for word as a template has it. */
export interface UnchangedTemplateText {
  /** Where the words are in the design: ['pages', 1, 'elements', 1, 'blocks', 0, 'text']. */
  path: Array<string | number>;
  /** Page index, 0 = front. */
  page: number;
  elementId: string;
  kind: TemplateTextKind;
}

/** One page's unchanged template text in a sentence: "page 2 (back): 2 paragraphs unchanged from the template". */
export interface UnchangedPageSummary {
  /** Page index, 0 = front. */
  page: number;
  /** Where the first unchanged text on the page is, to go to it. */
  path: Array<string | number>;
  message: string;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const listKey = (items: readonly string[]) => items.map(normalise).join('\n');

/**
 * Every template's sample words: headings, paragraphs and lists, except the elements a template marks as
 * layout (`keepsWords`, such as a reply slip's "Name: ____" lines). Built on first use.
 */
let sampleWords: { texts: Set<string>; lists: Set<string> } | null = null;
function templateWords(): { texts: Set<string>; lists: Set<string> } {
  if (sampleWords) return sampleWords;
  const texts = new Set<string>();
  const lists = new Set<string>();
  for (const template of TEMPLATES) {
    for (const page of template.design.pages) {
      for (const el of page.elements) {
        if (template.keepsWords?.includes(el.id)) continue;
        if (el.kind === 'heading') texts.add(normalise(el.text));
        if (el.kind === 'text') for (const block of el.blocks) block.type === 'paragraph' ? texts.add(normalise(block.text)) : lists.add(listKey(block.items));
      }
    }
  }
  sampleWords = { texts, lists };
  return sampleWords;
}

/**
 * The text of a design still word for word as one of the templates has it (spacing aside): the sample
 * copy a campaigner has not yet replaced, typically on the back page nobody opened. Printing it is the
 * campaigner's call, so the server refuses it only unless confirmed (422 template_text_unchanged,
 * confirm.unchangedTemplateText) and the editor asks first. Takes a design as typed (DesignInput), so
 * the editor can check drafts that do not validate yet.
 */
export function unchangedTemplateText(design: DesignInput): UnchangedTemplateText[] {
  const { texts, lists } = templateWords();
  return design.pages.flatMap((page, p) =>
    page.elements.flatMap((el, e): UnchangedTemplateText[] => {
      const at = ['pages', p, 'elements', e];
      if (el.kind === 'heading') return texts.has(normalise(el.text)) ? [{ path: [...at, 'text'], page: p, elementId: el.id, kind: 'heading' }] : [];
      if (el.kind !== 'text') return [];
      return el.blocks.flatMap((block, b): UnchangedTemplateText[] => {
        if (block.type === 'paragraph') {
          return normalise(block.text) !== '' && texts.has(normalise(block.text)) ? [{ path: [...at, 'blocks', b, 'text'], page: p, elementId: el.id, kind: 'paragraph' }] : [];
        }
        return lists.has(listKey(block.items)) ? [{ path: [...at, 'blocks', b, 'items'], page: p, elementId: el.id, kind: 'list' }] : [];
      });
    }),
  );
}

const KIND_WORDS: Record<TemplateTextKind, [one: string, many: string]> = {
  heading: ['heading', 'headings'],
  paragraph: ['paragraph', 'paragraphs'],
  list: ['list', 'lists'],
};

/** How a page is named in a sentence: "page 1 (front)", "page 2 (back)", or "the page" on a single-sided design. */
export function pageWords(page: number, pageCount: number): string {
  if (pageCount === 1) return 'the page';
  return `page ${page + 1} (${page === 0 ? 'front' : 'back'})`;
}

/** The unchanged text page by page, in words: "page 2 (back): 1 heading and 2 paragraphs unchanged from the template". */
export function unchangedTextSummaries(unchanged: readonly UnchangedTemplateText[], pageCount: number): UnchangedPageSummary[] {
  const pages = [...new Set(unchanged.map((u) => u.page))].sort((a, b) => a - b);
  return pages.map((page) => {
    const onPage = unchanged.filter((u) => u.page === page);
    const counts = (Object.keys(KIND_WORDS) as TemplateTextKind[])
      .map((kind) => [kind, onPage.filter((u) => u.kind === kind).length] as const)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`);
    const list = counts.length > 1 ? `${counts.slice(0, -1).join(', ')} and ${counts[counts.length - 1]}` : counts[0]!;
    return { page, path: onPage[0]!.path, message: `${pageWords(page, pageCount)}: ${list} unchanged from the template` };
  });
}
