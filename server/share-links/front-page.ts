import type { DrawItem, LaidOutDesign } from '../../common/layout/draw-items';

/** What a volunteer's page draws as the leaflet's thumbnail: the front page's draw items and the page size. */
export interface FrontPage {
  geometry: { trim: { width: number; height: number }; bleed: number };
  items: DrawItem[];
}

type Copier<T extends DrawItem['type']> = (item: Extract<DrawItem, { type: T }>) => Extract<DrawItem, { type: T }>;

/**
 * Copies each draw item field by field: the share page shows what is printed on the front of the
 * leaflet and nothing else. A new kind of item without a copier here does not compile.
 */
const COPIERS: { [T in DrawItem['type']]: Copier<T> } = {
  rect: (i) => ({ type: 'rect', x: i.x, y: i.y, width: i.width, height: i.height, fill: i.fill, radius: i.radius }),
  ellipse: (i) => ({ type: 'ellipse', x: i.x, y: i.y, width: i.width, height: i.height, fill: i.fill }),
  text: (i) => ({ type: 'text', elementId: i.elementId, text: i.text, x: i.x, baseline: i.baseline, width: i.width, fontSize: i.fontSize, font: i.font, weight: i.weight, colour: i.colour }),
  image: (i) => ({ type: 'image', elementId: i.elementId, assetId: i.assetId, alt: i.alt, clip: { ...i.clip }, placement: { ...i.placement } }),
  qr: (i) => ({ type: 'qr', elementId: i.elementId, x: i.x, y: i.y, width: i.width, height: i.height, colour: i.colour, modules: i.modules, moduleSize: i.moduleSize, runs: i.runs.map(([r, c, n]) => [r, c, n] as [number, number, number]) }),
};

function copy<T extends DrawItem['type']>(item: Extract<DrawItem, { type: T }>): DrawItem {
  return (COPIERS[item.type as T] as Copier<T>)(item);
}

/** The front page of a laid-out design, copied for the share page. */
export function frontPageOf(layout: LaidOutDesign): FrontPage {
  return {
    geometry: { trim: { width: layout.geometry.trim.width, height: layout.geometry.trim.height }, bleed: layout.geometry.bleed },
    items: (layout.pages[0]?.items ?? []).map((item) => copy(item as Extract<DrawItem, { type: typeof item.type }>)),
  };
}
