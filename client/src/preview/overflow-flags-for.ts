import type { Design } from '../../../common/design/design-schema';
import { ptToMm } from '../../../common/design/units';
import type { LaidOutDesign, Rect } from '../../../common/layout/draw-items';
import type { OverflowFlag } from './overflow-flags';

const LABEL = 'Text does not fit';

/** The boxes on one page whose text the layout could not fit (layout.errors), to flag on the preview. */
export function overflowFlagsFor(design: Design, layout: LaidOutDesign, pageIndex: number): OverflowFlag[] {
  const flags: OverflowFlag[] = [];
  for (const error of layout.errors) {
    const [first, page, , element] = error.path;
    if (first === 'pages' && page === pageIndex && typeof element === 'number') {
      const el = design.pages[pageIndex]?.elements[element];
      if (el) flags.push({ box: el.box, label: LABEL });
    } else if (first === 'imprint') {
      const box = imprintBox(design, layout, pageIndex);
      if (box) flags.push({ box, label: 'Imprint does not fit' });
    }
  }
  return flags;
}

/** The imprint's box on this page: the element's, or (when the layout placed it itself) the extent of its lines. */
function imprintBox(design: Design, layout: LaidOutDesign, pageIndex: number): Rect | null {
  const placed = design.pages[pageIndex]?.elements.find((e) => e.kind === 'imprint');
  if (placed) return placed.box;
  if (design.pages.some((p) => p.elements.some((e) => e.kind === 'imprint'))) return null;
  const lines = layout.pages[pageIndex]?.items.filter((i) => i.type === 'text' && i.elementId === 'imprint') ?? [];
  let box: Rect | null = null;
  for (const line of lines) {
    if (line.type !== 'text') continue;
    const top = line.baseline - ptToMm(line.fontSize);
    const r = { x: line.x, y: top, width: line.width, height: ptToMm(line.fontSize * 1.2) };
    box = box ? union(box, r) : r;
  }
  return box;
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
