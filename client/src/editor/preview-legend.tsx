/** What the guide lines on the preview mean. */
export function PreviewLegend() {
  return (
    <ul className="preview-legend">
      <li>
        <svg viewBox="0 0 24 8" aria-hidden="true" className="legend-key">
          <line x1="0" y1="4" x2="24" y2="4" stroke="#000" strokeWidth="2" />
          <line x1="0" y1="4" x2="24" y2="4" stroke="#fff" strokeWidth="2" strokeDasharray="4 4" />
        </svg>
        Trim: where the paper is cut
      </li>
      <li>
        <svg viewBox="0 0 24 8" aria-hidden="true" className="legend-key">
          <line x1="0" y1="4" x2="24" y2="4" stroke="#0067b8" strokeWidth="2" strokeDasharray="6 3" />
        </svg>
        Safe area: keep words inside (5 mm)
      </li>
      <li>
        <svg viewBox="0 0 24 8" aria-hidden="true" className="legend-key">
          <rect x="0" y="0" width="24" height="8" fill="#c8102e" />
          <rect x="0" y="0" width="24" height="8" fill="#fff" fillOpacity="0.55" />
        </svg>
        Bleed: printed, then cut off (3 mm)
      </li>
    </ul>
  );
}
