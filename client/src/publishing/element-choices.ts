import type { Box, DesignInput } from '../../../common/design/design-schema';
import type { ElementInput } from '../editor/design-types';
import { elementLabel, KIND_NAMES, pageName } from '../editor/element-label';

/** One element of a design as the publish screen offers it for locking. */
export interface ElementChoice {
  id: string;
  /** 0: the front page; 1: the back. */
  page: number;
  /** "Front", "Back" or "Page". */
  pageName: string;
  /** Its kind and what it says or shows: 'Heading: “Riverside needs a bus”', 'Picture: logo'. */
  label: string;
  /** Where it is on its page, in millimetres from the top-left corner. */
  box: Box;
}

/** Most characters of an element's words shown in its label. */
const SNIPPET = 60;

function snippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SNIPPET ? `${line.slice(0, SNIPPET - 1)}…` : line;
}

/** What an element says or shows, in a few words. */
function content(el: ElementInput): string {
  switch (el.kind) {
    case 'heading':
      return `“${snippet(el.text)}”`;
    case 'text': {
      const first = el.blocks[0];
      const words = first ? (first.type === 'paragraph' ? first.text : first.items.join(' · ')) : '';
      return words.trim() ? `“${snippet(words)}”` : elementLabel(el.id);
    }
    case 'image':
      return el.alt?.trim() ? `${elementLabel(el.id)} (${snippet(el.alt)})` : elementLabel(el.id);
    case 'qr':
      return snippet(el.url);
    case 'shape':
      return elementLabel(el.id);
    case 'imprint':
      return 'its place, size and type (the words stay each party’s own)';
  }
}

/** Every element of the design, page by page in drawing order, named by kind and words. */
export function elementChoices(design: DesignInput): ElementChoice[] {
  return design.pages.flatMap((page, p) =>
    page.elements.map((el) => ({ id: el.id, page: p, pageName: pageName(p, design.pages.length), label: `${KIND_NAMES[el.kind]}: ${content(el)}`, box: el.box })),
  );
}
