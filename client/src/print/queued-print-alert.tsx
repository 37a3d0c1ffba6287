import type { PrintState } from './print-state';

/**
 * At the top of the editor, where the campaigner lands: a print they queued while Rosette was closed
 * was refused when it was sent (it is not silent, and it is said again after a reload until they send
 * again or hide it). The details and the way to fix it are in the print panel, which the button shows.
 */
export function QueuedPrintAlert({ state }: { state: PrintState }) {
  if (state.phase !== 'rejected' || !state.queued) return null;
  const show = () => {
    const target = document.getElementById('queued-print-refused');
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
  };
  return (
    <div className="notice notice-error queued-print-alert" role="alert">
      <p>
        <strong>Your leaflet was not printed.</strong> You sent it while Rosette was closed; when Rosette came back it refused it.{' '}
        <button type="button" className="link-button" onClick={show}>
          See why and what to do
        </button>
      </p>
    </div>
  );
}
