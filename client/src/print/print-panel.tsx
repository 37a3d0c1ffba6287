import { useEffect } from 'react';
import type { Draft } from '../drafts/draft';
import type { Design } from '../../../common/design/design-schema';
import type { LaidOutDesign } from '../../../common/layout/draw-items';
import type { Problem } from '../editor/problem';
import { BlockedReasons } from './blocked-reasons';
import { PrintStatus } from './print-status';
import { SidesReview } from './sides-review';
import type { usePrintJob } from './use-print-job';

interface PrintPanelProps {
  draft: Draft;
  /** What stops the design from printing; Send is blocked while there are any. */
  problems: readonly Problem[];
  print: ReturnType<typeof usePrintJob>;
  /** The laid-out design the preview shows (null until there is one), for the sides before Send. */
  preview: { design: Design; layout: LaidOutDesign } | null;
  /** Shows the field at a design path (switching page if need be) and focuses it. */
  onGoToField: (path: string) => void;
}

/**
 * Every side of the leaflet before Send, the Send button (blocked, with the reasons, until the design can
 * print), and the job's progress. No number of copies: that belongs to a print order, not to the PDF.
 */
export function PrintPanel({ draft, problems, print, preview, onGoToField }: PrintPanelProps) {
  const { state, stale } = print;
  const busy = state.phase === 'sending' || state.phase === 'waiting';
  const inQueue = state.phase === 'tracking' && !stale && (state.job === null || state.job.status === 'queued' || state.job.status === 'rendering');
  const blocked = problems.length > 0 || busy || inQueue;
  const again = state.phase === 'tracking' && (stale || state.job?.status === 'failed');
  useFollowStatus(state.phase + (state.phase === 'tracking' ? (state.job?.status ?? '') : ''));
  const onSend = () => {
    if (blocked) {
      document.getElementById('send-reasons')?.focus();
      return;
    }
    print.send();
  };
  return (
    <section className="panel-section print-panel" aria-labelledby="print-heading">
      <h2 id="print-heading">Send to print</h2>
      {preview ? <SidesReview design={draft.design} preview={preview} onGoToField={onGoToField} /> : null}
      <button
        type="button"
        id="send-to-print"
        className="button button-primary button-large"
        aria-disabled={blocked}
        aria-describedby={problems.length > 0 ? 'send-reasons' : undefined}
        onClick={onSend}
      >
        {again ? 'Send again' : 'Send to print'}
      </button>
      {problems.length > 0 ? <BlockedReasons design={draft.design} problems={problems} onSelect={onGoToField} /> : null}
      {stale && state.phase === 'tracking' ? <p className="field-hint">You have changed the leaflet since you sent it: send it again for a PDF with your changes.</p> : null}
      <div id="print-status" role="status" aria-live="polite" className="print-status">
        <PrintStatus
          state={state}
          onTryNow={print.tryNow}
          onStopTrying={print.stopTrying}
          design={draft.design}
          canPrintAnyway={print.canPrintAnyway}
          onPrintAnyway={print.printAnyway}
          canPrintTemplateText={print.canPrintTemplateText}
          onPrintTemplateText={print.printTemplateText}
          onGoToField={onGoToField}
          onDismissRefusal={print.dismissRefusal}
        />
      </div>
    </section>
  );
}

/**
 * Brings the status into view when it moves to a new stage (waiting, queued, done), as long as the
 * campaigner is looking at the print panel; someone who has scrolled away to edit is left alone.
 */
function useFollowStatus(stage: string) {
  useEffect(() => {
    // The panel, not the button: on a phone the button is pinned to the screen (editor.css), always in view.
    const panel = document.getElementById('print-status')?.closest('section')?.getBoundingClientRect();
    if (!panel || panel.bottom < 0 || panel.top > window.innerHeight) return;
    document.getElementById('print-status')?.scrollIntoView({ block: 'nearest' });
  }, [stage]);
}
