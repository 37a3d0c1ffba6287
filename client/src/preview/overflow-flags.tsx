import type { Rect } from '../../../common/layout/draw-items';

/** A box on the preview whose text does not fit, with the words to show on it. */
export interface OverflowFlag {
  box: Rect;
  label: string;
}

/**
 * Marks boxes whose text does not fit: a black-and-yellow outline (visible on any colour the design
 * uses) and a label tag above the box.
 * @param labelSize Height of the label's letters in millimetres (the page is drawn in millimetres).
 */
export function OverflowFlags({ flags, labelSize }: { flags: OverflowFlag[]; labelSize: number }) {
  const tagHeight = labelSize * 1.6;
  return (
    <g className="overflow-flags">
      {flags.map((flag, i) => {
        const { x, y, width, height } = flag.box;
        const tagY = Math.max(y - tagHeight, -3);
        return (
          <g key={i} className="overflow-flag">
            <rect x={x} y={y} width={width} height={height} fill="#ffd400" fillOpacity={0.18} stroke="#1d1d1b" strokeWidth={3} vectorEffect="non-scaling-stroke" />
            <rect x={x} y={y} width={width} height={height} fill="none" stroke="#ffd400" strokeWidth={3} strokeDasharray="6 6" vectorEffect="non-scaling-stroke" />
            <rect x={x} y={tagY} width={Math.min(width, labelSize * 0.62 * flag.label.length + labelSize)} height={tagHeight} fill="#1d1d1b" />
            <text x={x + labelSize * 0.5} y={tagY + tagHeight * 0.72} className="overflow-label" fontSize={labelSize} fill="#ffd400">
              {flag.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
