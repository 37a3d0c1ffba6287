import type { TemplateSummary } from '../api/templates-api';

/** "A5 portrait, 148 × 210 mm, two-sided". */
export function formatLabel(t: TemplateSummary): string {
  const sides = t.pages === 2 ? 'two-sided' : 'one side';
  return `${t.format.size} ${t.format.orientation}, ${t.format.widthMm} × ${t.format.heightMm} mm, ${sides}`;
}
