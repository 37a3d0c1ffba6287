import { useId, type MouseEvent } from 'react';
import type { LaidOutDesign } from '../../../common/layout/draw-items';
import { drawItem } from './draw-item';
import { OverflowFlags, type OverflowFlag } from './overflow-flags';
import { PageGuides } from './page-guides';
import './preview.css';

interface PageSvgProps {
  layout: LaidOutDesign;
  pageIndex: number;
  /** Accessible name of the picture, such as "Front page preview". */
  title: string;
  /** Show the bleed, trim line and safe area (and the bleed around the page); thumbnails leave them out. */
  guides?: boolean;
  flags?: OverflowFlag[];
  /** Called with the id of the element clicked on the preview (for jumping to its field). */
  onElementClick?: (elementId: string) => void;
  className?: string;
}

/** One page of a laid-out design as SVG, in millimetres, drawing only what the layout computed. */
export function PageSvg({ layout, pageIndex, title, guides = false, flags = [], onElementClick, className }: PageSvgProps) {
  const idPrefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const { trim, bleed } = layout.geometry;
  const page = layout.pages[pageIndex];
  const m = guides ? bleed : 0;
  const viewBox = `${-m} ${-m} ${trim.width + 2 * m} ${trim.height + 2 * m}`;
  const onClick = onElementClick
    ? (e: MouseEvent<SVGSVGElement>) => {
        const id = (e.target as Element).closest('[data-element-id]')?.getAttribute('data-element-id');
        if (id) onElementClick(id);
      }
    : undefined;
  return (
    <svg
      className={`page-svg ${className ?? ''}`}
      viewBox={viewBox}
      role="img"
      aria-labelledby={`${idPrefix}-title`}
      data-page={pageIndex}
      data-clickable={onElementClick ? "" : undefined}
      onClick={onClick}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={`${idPrefix}-title`}>{title}</title>
      <clipPath id={`${idPrefix}-page`}>
        <rect x={-m} y={-m} width={trim.width + 2 * m} height={trim.height + 2 * m} />
      </clipPath>
      <g clipPath={`url(#${idPrefix}-page)`}>
        <rect x={-bleed} y={-bleed} width={trim.width + 2 * bleed} height={trim.height + 2 * bleed} fill="#ffffff" />
        {page?.items.map((item, i) => drawItem(item, { idPrefix, key: i }))}
      </g>
      {guides ? <PageGuides geometry={layout.geometry} /> : null}
      {flags.length > 0 ? <OverflowFlags flags={flags} labelSize={Math.max(trim.width, trim.height) / 55} /> : null}
    </svg>
  );
}
