import { SAFE_MARGIN_MM } from '../../../common/design/paper-formats';
import type { PageGeometry } from '../../../common/layout/draw-items';

/**
 * The printer's guides over a page: the bleed (washed out: it is cut off), the trim line (where the
 * paper is cut: drawn black and white so it shows on any colour) and the safe area (keep text inside).
 */
export function PageGuides({ geometry }: { geometry: PageGeometry }) {
  const { trim, bleed } = geometry;
  const outer = `M${-bleed} ${-bleed}h${trim.width + 2 * bleed}v${trim.height + 2 * bleed}h${-(trim.width + 2 * bleed)}z`;
  const inner = `M0 0h${trim.width}v${trim.height}h${-trim.width}z`;
  const safe = { x: SAFE_MARGIN_MM, y: SAFE_MARGIN_MM, width: trim.width - 2 * SAFE_MARGIN_MM, height: trim.height - 2 * SAFE_MARGIN_MM };
  return (
    <g className="page-guides" aria-hidden="true">
      <path d={`${outer}${inner}`} fillRule="evenodd" fill="#ffffff" fillOpacity={0.55} />
      <rect x={0} y={0} width={trim.width} height={trim.height} fill="none" stroke="#000000" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
      <rect x={0} y={0} width={trim.width} height={trim.height} fill="none" stroke="#ffffff" strokeWidth={1.5} strokeDasharray="4 4" vectorEffect="non-scaling-stroke" />
      <rect {...safe} fill="none" stroke="#0067b8" strokeWidth={1} strokeDasharray="6 3" vectorEffect="non-scaling-stroke" />
    </g>
  );
}
