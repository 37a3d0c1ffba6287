import type { ReactElement } from 'react';
import { colourToCss } from '../../../common/design/colour';
import { ptToMm } from '../../../common/design/units';
import type { DrawItem } from '../../../common/layout/draw-items';
import type { FontFace } from '../../../common/layout/font-files';
import { screenAssetUrl } from '../api/assets-api';

/** The @font-face family of each typeface (preview-fonts.css), with a generic fallback. */
const PREVIEW_FAMILIES: Record<FontFace, string> = {
  sans: "'Rosette Print Sans', sans-serif",
  serif: "'Rosette Print Serif', serif",
  condensed: "'Rosette Print Condensed', sans-serif-condensed, sans-serif",
};

/** What a drawer needs besides its item. */
export interface DrawContext {
  /** Unique within the page, so clip-path ids of several previews on one screen do not collide. */
  idPrefix: string;
  key: number;
}

type Drawer<T extends DrawItem['type']> = (item: Extract<DrawItem, { type: T }>, ctx: DrawContext) => ReactElement | null;

/**
 * One SVG drawer per draw item type, drawing exactly what the layout says (as worker/pdf/draw-items.ts
 * does with pdfkit). The SVG user unit is the millimetre, so layout numbers are used unchanged.
 */
const DRAWERS: { [T in DrawItem['type']]: Drawer<T> } = {
  rect: (item, { key }) => <rect key={key} x={item.x} y={item.y} width={item.width} height={item.height} rx={item.radius || undefined} fill={colourToCss(item.fill)} />,
  ellipse: (item, { key }) => (
    <ellipse key={key} cx={item.x + item.width / 2} cy={item.y + item.height / 2} rx={item.width / 2} ry={item.height / 2} fill={colourToCss(item.fill)} />
  ),
  text: (item, { key }) =>
    item.text === '' ? null : (
      <text
        key={key}
        className="preview-text"
        data-element-id={item.elementId}
        x={item.x}
        y={item.baseline}
        fontFamily={PREVIEW_FAMILIES[item.font]}
        fontSize={ptToMm(item.fontSize)}
        fontWeight={item.weight === 'bold' ? 700 : 400}
        fill={colourToCss(item.colour)}
        // Pins each line to the width the layout measured, whatever small differences the browser's text engine has.
        textLength={item.width > 0 && [...item.text].length > 1 ? item.width : undefined}
        lengthAdjust="spacing"
      >
        {item.text}
      </text>
    ),
  image: (item, { key, idPrefix }) => {
    const clipId = `${idPrefix}-clip-${key}`;
    const { clip, placement } = item;
    return (
      <g key={key} data-element-id={item.elementId}>
        <clipPath id={clipId}>
          <rect x={clip.x} y={clip.y} width={clip.width} height={clip.height} />
        </clipPath>
        <rect x={clip.x} y={clip.y} width={clip.width} height={clip.height} fill="#d9d9d9" />
        <image
          href={screenAssetUrl(item.assetId)}
          x={placement.x}
          y={placement.y}
          width={placement.width}
          height={placement.height}
          // "slice" equals the layout's exact placement once the image's size is known, and crops sensibly before.
          preserveAspectRatio="xMidYMid slice"
          clipPath={`url(#${clipId})`}
        >
          {item.alt ? <title>{item.alt}</title> : null}
        </image>
      </g>
    );
  },
  qr: (item, { key }) => {
    const d = item.runs.map(([row, col, len]) => `M${col} ${row}h${len}v1h${-len}z`).join('');
    return (
      <g key={key} data-element-id={item.elementId} transform={`translate(${item.x} ${item.y}) scale(${item.moduleSize})`}>
        <path d={d} fill={colourToCss(item.colour)} shapeRendering="crispEdges" />
      </g>
    );
  },
};

/** Draws one layout item as SVG. */
export function drawItem(item: DrawItem, ctx: DrawContext): ReactElement | null {
  return (DRAWERS[item.type] as Drawer<DrawItem['type']>)(item, ctx);
}
