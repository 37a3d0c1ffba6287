import type { DesignInput } from '../../../common/design/design-schema';
import { elementLabel, pageName } from './element-label';

/** Where a problem is, in words: "Front, Headline", "Imprint", "Leaflet name". */
export function describePath(design: DesignInput, path: string): string {
  const el = /^pages\[(\d+)\]\.elements\[(\d+)\]/.exec(path);
  if (el) {
    const p = Number(el[1]);
    const element = design.pages[p]?.elements[Number(el[2])];
    return `${pageName(p, design.pages.length)}, ${element ? elementLabel(element.id) : 'an element'}`;
  }
  if (path.startsWith('imprint')) return 'Imprint';
  if (path === 'title') return 'Leaflet name';
  if (path.startsWith('pages')) return 'Pages';
  return path || 'Design';
}
