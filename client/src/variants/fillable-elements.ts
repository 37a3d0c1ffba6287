import type { Design } from '../../../common/design/design-schema';
import { FILLABLE_KINDS } from '../../../common/variants/apply-variant';
import type { VariantField } from '../../../common/variants/variant-table';

/** An element of the master design that a field can fill, as the campaigner sees it. */
export interface FillableElement {
  page: number;
  elementId: string;
  kind: keyof typeof FILLABLE_KINDS;
  /** "Heading on the front: A bus every ten minutes". */
  description: string;
  /** The master's value, which a new row starts from. */
  value: string;
}

const KIND_NAMES: Record<keyof typeof FILLABLE_KINDS, string> = { heading: 'Heading', text: 'Text', image: 'Photo', qr: 'QR code' };

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 48 ? `${one.slice(0, 47)}…` : one;
}

/** Every heading, text, image and QR code of the design, front first, with what it holds now. */
export function fillableElements(design: Design): FillableElement[] {
  return design.pages.flatMap((page, p) =>
    page.elements.flatMap((el): FillableElement[] => {
      const side = p === 0 ? 'front' : 'back';
      if (el.kind === 'heading') return [{ page: p, elementId: el.id, kind: 'heading', description: `${KIND_NAMES.heading} on the ${side}: ${short(el.text)}`, value: el.text }];
      if (el.kind === 'text') {
        const value = el.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.items.join('\n'))).join('\n\n');
        return [{ page: p, elementId: el.id, kind: 'text', description: `${KIND_NAMES.text} on the ${side}: ${short(value)}`, value }];
      }
      if (el.kind === 'image') return [{ page: p, elementId: el.id, kind: 'image', description: `${KIND_NAMES.image} on the ${side}${el.alt ? `: ${short(el.alt)}` : ''}`, value: el.assetId }];
      if (el.kind === 'qr') return [{ page: p, elementId: el.id, kind: 'qr', description: `${KIND_NAMES.qr} on the ${side}: ${short(el.url)}`, value: el.url }];
      return [];
    }),
  );
}

/** A column key from an element id: lower case, "_" for anything else, starting with a letter. */
export function keyFor(element: FillableElement, taken: ReadonlySet<string>): string {
  const base = `${/^[a-z]/i.test(element.elementId) ? '' : 'f_'}${element.elementId.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 36);
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** The field of an element, labelled as the campaigner ticked it ("Heading on the front: Vote on Thursday 7 May"). */
export function fieldFor(element: FillableElement, taken: ReadonlySet<string>): VariantField {
  return { key: keyFor(element, taken), label: element.description.slice(0, 80), page: element.page, elementId: element.elementId };
}
