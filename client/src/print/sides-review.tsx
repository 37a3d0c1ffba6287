import { useMemo } from 'react';
import type { Design, DesignInput } from '../../../common/design/design-schema';
import type { LaidOutDesign } from '../../../common/layout/draw-items';
import { unchangedTemplateText, unchangedTextSummaries } from '../../../common/templates/unchanged-template-text';
import { pageName } from '../editor/element-label';
import { formatPath } from '../editor/format-path';
import { PageSvg } from '../preview/page-svg';
import './sides-review.css';

interface SidesReviewProps {
  /** The design as typed, checked for the template's words. */
  design: DesignInput;
  /** The laid-out design the preview shows. */
  preview: { design: Design; layout: LaidOutDesign };
  /** Goes to a field (switching page if need be) and focuses it. */
  onGoToField: (path: string) => void;
}

/**
 * Every side of the leaflet next to each other before Send, so the back is seen too: the text still
 * word for word as the template has it is outlined, and each side says how much of it there is. A
 * warning only: the server asks for a confirmation ("Print as it is") when it is sent like that.
 */
export function SidesReview({ design, preview, onGoToField }: SidesReviewProps) {
  const unchanged = useMemo(() => unchangedTemplateText(design), [design]);
  const summaries = unchangedTextSummaries(unchanged, design.pages.length);
  const { layout } = preview;
  const { trim } = layout.geometry;
  return (
    <div className="sides-review">
      <h3 id="sides-heading">{layout.pages.length > 1 ? 'Both sides, before you send' : 'Your leaflet, before you send'}</h3>
      <ul className="sides-list" aria-labelledby="sides-heading">
        {layout.pages.map((_, p) => {
          const name = pageName(p, layout.pages.length);
          const summary = summaries.find((s) => s.page === p);
          const ids = [...new Set(unchanged.filter((u) => u.page === p).map((u) => u.elementId))];
          const boxes = ids.map((id) => preview.design.pages[p]?.elements.find((e) => e.id === id)?.box);
          return (
            <li key={p} className="side" data-page={p}>
              <div className="side-paper">
                <PageSvg layout={layout} pageIndex={p} title={`${name} of ${preview.design.title}`} className="side-page" />
                <svg className="side-marks" viewBox={`0 0 ${trim.width} ${trim.height}`} aria-hidden="true" preserveAspectRatio="xMidYMid meet">
                  {boxes.map((box, i) => (box ? <rect key={i} x={box.x} y={box.y} width={box.width} height={box.height} className="side-mark" /> : null))}
                </svg>
              </div>
              {summary ? (
                // The button's name leaves out "Front"/"Back", which name the page tabs.
                <p className="side-warning">
                  {name}: {summary.message.replace(/^[^:]*: /, '')}.{' '}
                  <button type="button" className="link-button" onClick={() => onGoToField(formatPath(summary.path))}>
                    Edit the words on page {p + 1}
                  </button>
                </p>
              ) : (
                <p className="side-ok">{name}: your own words</p>
              )}
            </li>
          );
        })}
      </ul>
      {summaries.length > 0 ? (
        <p className="field-warning" id="template-text-warning">
          The outlined text is still the template&rsquo;s own. Write your own words, or confirm when you send that you mean to print them.
        </p>
      ) : null}
    </div>
  );
}
