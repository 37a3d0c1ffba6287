import type { DesignInput } from '../../../common/design/design-schema';
import type { ElementInput, ImprintInput, PageInput } from './design-types';

/** The design with one page replaced (designs are never changed in place: React compares by identity). */
export function withPage(design: DesignInput, pageIndex: number, page: PageInput): DesignInput {
  return { ...design, pages: design.pages.map((p, i) => (i === pageIndex ? page : p)) };
}

/** The design with one element replaced. */
export function withElement(design: DesignInput, pageIndex: number, elementIndex: number, element: ElementInput): DesignInput {
  const page = design.pages[pageIndex];
  if (!page) return design;
  return withPage(design, pageIndex, { ...page, elements: page.elements.map((e, i) => (i === elementIndex ? element : e)) });
}

export function withImprint(design: DesignInput, imprint: ImprintInput): DesignInput {
  return { ...design, imprint };
}
