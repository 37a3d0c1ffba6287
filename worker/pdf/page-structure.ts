import type { DrawItem, LaidOutPage, PageElement } from '../../common/layout/draw-items';

/** The structure type of each element kind in the tagged PDF; null draws it as an artifact (decoration). */
const ROLES: Record<PageElement['kind'], 'H' | 'P' | 'Figure' | null> = {
  heading: 'H',
  text: 'P',
  imprint: 'P',
  image: 'Figure',
  qr: 'Figure',
  shape: null,
};

/** A run of a page's items that belongs to one element (or to none: the page background). */
export interface ItemGroup {
  element: PageElement | null;
  items: DrawItem[];
}

/** Splits a page's items into runs by element, in drawing order (the layout emits each element's items together). */
export function groupByElement(page: LaidOutPage): ItemGroup[] {
  const byId = new Map(page.elements.map((e) => [e.id, e]));
  const groups: ItemGroup[] = [];
  for (const item of page.items) {
    const id = 'elementId' in item ? item.elementId : undefined;
    const element = (id !== undefined && byId.get(id)) || null;
    const last = groups[groups.length - 1];
    if (last && last.element === element) last.items.push(item);
    else groups.push({ element, items: [item] });
  }
  return groups;
}

/**
 * The structure tag of a group: headings (H1 for the design's first, H2 after), paragraphs, figures with
 * their alternative text; shapes, backgrounds and pictures without a description are artifacts, which
 * screen readers skip.
 */
export function structureTag(group: ItemGroup, firstHeading: boolean): { tag: string; alt?: string } | null {
  const element = group.element;
  if (!element) return null;
  const role = ROLES[element.kind];
  if (role === null) return null;
  if (role === 'H') return { tag: firstHeading ? 'H1' : 'H2' };
  if (role === 'Figure') return element.alt ? { tag: 'Figure', alt: element.alt } : null;
  return { tag: role };
}
