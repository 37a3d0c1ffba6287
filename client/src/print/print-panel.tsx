import { useEffect } from 'react';
import type { Draft } from '../drafts/draft';
import type { DraftUpdater } from '../drafts/use-draft';
import { MAX_COPIES } from '../../../common/queue/print-job';
import type { Problem } from '../editor/problem';
import { BlockedReasons } from './blocked-reasons';
import { PrintStatus } from './print-status';
import type { usePrintJob } from './use-print-job';

interface PrintPanelProps {
  draft: Draft;
  update: DraftUpdater;
  /** What stops the design from printing; Send is blocked while there are any. */
  problems: readonly Problem[];
  print: ReturnType<typeof usePrintJob>;
  /** Shows the field at a design path (switching page if need be) and focuses it. */
  onGoToField: (path: string) => void;
}

/** Copies, the Send button (blocked, with the reasons, until the design can print), and the job's progress. */
export function PrintPanel({ draft, update, problems, print, onGoToField }: PrintPanelProps) {
  const { state, stale } = print;
  const busy = state.phase === 'sending' || state.phase === 'waiting';
  const inQueue = state.phase === 'tracking' && !stale && (state.job === null || state.job.status === 'queued' || state.job.status === 'rendering');
  const blocked = problems.length > 0 || busy || inQueue;
  const copiesValid = Number.isInteger(draft.copies) && draft.copies >= 1 && draft.copies <= MAX_COPIES;
  const again = state.phase === 'tracking' && (stale || state.job?.status === 'failed');
  useFollowStatus(state.phase + (state.phase === 'tracking' ? (state.job?.status ?? '') : ''));
  const onSend = () => {
    if (blocked || !copiesValid) {
      document.getElementById('send-reasons')?.focus();
      return;
    }
    print.send();
  };
  return (
    <section className="panel-section print-panel" aria-labelledby="print-heading">
      <h2 id="print-heading">Send to print</h2>
      <div className="field field-narrow">
        <label htmlFor="copies">Copies</label>
        <input
          id="copies"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_COPIES}
          step={1}
          value={Number.isFinite(draft.copies) ? draft.copies : ''}
          aria-invalid={!copiesValid || undefined}
          aria-describedby={copiesValid ? undefined : 'copies-problem'}
          onChange={(e) => update((d) => ({ ...d, copies: e.target.valueAsNumber }))}
        />
        {copiesValid ? null : (
          <p id="copies-problem" className="field-problem">
            Enter a whole number from 1 to {MAX_COPIES.toLocaleString('en-GB')}.
          </p>
        )}
      </div>
      <button
        type="button"
        id="send-to-print"
        className="button button-primary button-large"
        aria-disabled={blocked || !copiesValid}
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
          onGoToField={onGoToField}
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
