import type { DesignInput } from '../../../common/design/design-schema';
import { Countdown } from './countdown';
import { JobDone } from './job-done';
import { JobProgress } from './job-progress';
import { LowResolutionNotice } from './low-resolution-notice';
import { coarseImagesOf } from './low-resolution-refusal';
import type { PrintState } from './print-state';
import { TemplateTextNotice } from './template-text-notice';
import { unchangedPagesOf } from './template-text-refusal';
import { TROUBLE_MESSAGES, WAIT_MESSAGES } from './wait-message';
import { ClosedServiceText } from '../service-status/maintenance-notice';

interface PrintStatusProps {
  state: PrintState;
  onTryNow: () => void;
  onStopTrying: () => void;
  /** The design being edited, to name the pictures a refusal is about. */
  design: DesignInput;
  /** A refusal of low-resolution pictures may be overridden now (the design is the one refused). */
  canPrintAnyway: boolean;
  onPrintAnyway: () => void;
  /** A refusal of the template's own words may be overridden now (the design is the one refused). */
  canPrintTemplateText: boolean;
  onPrintTemplateText: () => void;
  onGoToField: (path: string) => void;
  /** The campaigner has read why their queued print was refused. */
  onDismissRefusal: () => void;
}

/** Where the print is: sending, waiting for the service, queued, rendering, ready, or why it failed. */
export function PrintStatus({ state, onTryNow, onStopTrying, design, canPrintAnyway, onPrintAnyway, canPrintTemplateText, onPrintTemplateText, onGoToField, onDismissRefusal }: PrintStatusProps) {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'sending':
      return <p>Sending your leaflet to print…</p>;
    case 'waiting':
      if (state.maintenance || state.reason === 'offline')
        return (
          <div className="notice notice-wait">
            <p className="notice-title">{state.maintenance ? 'Rosette is in maintenance: your leaflet is queued' : 'Rosette cannot be reached: your leaflet is queued'}</p>
            <ClosedServiceText status={state.maintenance ? { state: 'maintenance', notice: state.maintenance } : { state: 'unreachable' }} />
            <p>
              Your leaflet is saved in this browser and will be sent by itself, once, as soon as Rosette is back. You can keep editing, or close this page and come
              back later.
            </p>
            <RetryButtons onTryNow={onTryNow} onStopTrying={onStopTrying} />
          </div>
        );
      return (
        <div className="notice notice-wait">
          <p className="notice-title">Not sent yet</p>
          <p>{WAIT_MESSAGES[state.reason]}</p>
          <p>
            Next try <Countdown at={state.retryAt} />.
          </p>
          <RetryButtons onTryNow={onTryNow} onStopTrying={onStopTrying} />
        </div>
      );
    case 'rejected': {
      const coarse = coarseImagesOf(state.error, design);
      const unchanged = unchangedPagesOf(state.error);
      const why = coarse ? (
        <LowResolutionNotice images={coarse} canPrintAnyway={canPrintAnyway} onPrintAnyway={onPrintAnyway} onGoToField={onGoToField} />
      ) : unchanged ? (
        <TemplateTextNotice pages={unchanged} canPrintAsItIs={canPrintTemplateText} onPrintAsItIs={onPrintTemplateText} onGoToField={onGoToField} queueing={state.beforeQueueing} />
      ) : (
        <div className="notice notice-error">
          <p className="notice-title">The leaflet was not accepted</p>
          <p>{state.error.message}</p>
          {state.error.fields.length > 0 ? <p>The fields concerned are marked above.</p> : null}
        </div>
      );
      if (!state.queued) return why;
      return (
        <div className="queued-refusal" id="queued-print-refused">
          <p className="notice notice-error">
            <strong>Your queued leaflet was not printed.</strong> It waited in this browser while Rosette was closed, and Rosette refused it when it was sent. Here is why:
          </p>
          {why}
          <div className="button-row">
            <button type="button" className="button-quiet" onClick={onDismissRefusal}>
              Hide this message
            </button>
          </div>
        </div>
      );
    }
    case 'lost':
      return (
        <div className="notice notice-error">
          <p>This print job is no longer kept on the server. Send the leaflet again to make a new PDF.</p>
        </div>
      );
    case 'tracking': {
      const { job, afterOutage, trouble } = state;
      return (
        <div className="print-tracking">
          {afterOutage ? <p className="notice notice-ok">The print service is back: your leaflet was sent automatically.</p> : null}
          {trouble ? <p className="notice notice-wait">{TROUBLE_MESSAGES[trouble]}</p> : null}
          {!job ? <p>Checking on your print job…</p> : null}
          {job && (job.status === 'queued' || job.status === 'rendering') ? <JobProgress job={job} /> : null}
          {job?.status === 'done' && job.download ? <JobDone job={job} download={job.download} /> : null}
          {job?.status === 'failed' ? (
            <div className="notice notice-error">
              <p className="notice-title">The PDF could not be made</p>
              <p>{job.failure ?? 'Something went wrong while making the PDF.'} Send it again to retry.</p>
            </div>
          ) : null}
        </div>
      );
    }
  }
}

/** What a campaigner can do while a leaflet waits to be sent: try at once, or give up waiting. */
function RetryButtons({ onTryNow, onStopTrying }: { onTryNow: () => void; onStopTrying: () => void }) {
  return (
    <div className="button-row">
      <button type="button" className="button-secondary" onClick={onTryNow}>
        Try now
      </button>
      <button type="button" className="button-quiet" onClick={onStopTrying}>
        Stop trying
      </button>
    </div>
  );
}
