import type { Design } from '../../../common/design/design-schema';
import type { LaidOutDesign } from '../../../common/layout/draw-items';
import { overflowFlagsFor } from '../preview/overflow-flags-for';
import { PageSvg } from '../preview/page-svg';
import { pageName } from './element-label';
import { PreviewLegend } from './preview-legend';

interface PreviewPaneProps {
  preview: { design: Design; layout: LaidOutDesign };
  pageIndex: number;
  /** True when the design as typed does not validate, so the preview shows the last version that did. */
  behind: boolean;
  onElementClick: (elementId: string) => void;
}

/** The live preview of one side, with the printer's guides, overflow flags and preflight notes. */
export function PreviewPane({ preview, pageIndex, behind, onElementClick }: PreviewPaneProps) {
  const { design, layout } = preview;
  const name = pageName(pageIndex, design.pages.length);
  const notes = layout.warnings.filter((w) => w.page === pageIndex && w.code !== 'unknown-image');
  const flags = overflowFlagsFor(design, layout, pageIndex);
  return (
    <div className="preview-pane">
      <div className="preview-paper">
        <PageSvg layout={layout} pageIndex={pageIndex} guides flags={flags} title={`${name} preview of ${design.title}`} onElementClick={onElementClick} className="preview-page" />
      </div>
      {behind ? <p className="notice notice-wait preview-behind">The preview shows your last complete version until the fields marked in red are filled in.</p> : null}
      {flags.length > 0 ? (
        <p className="notice notice-error" role="status">
          {flags.length === 1 ? 'One box has' : `${flags.length} boxes have`} more text than fits (outlined in yellow and black). Shorten the text: the leaflet cannot be printed with text cut off.
        </p>
      ) : null}
      {notes.length > 0 ? (
        <div className="preview-notes">
          <p>Worth checking on this side:</p>
          <ul>
            {notes.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <PreviewLegend />
    </div>
  );
}
