import { ClosedServiceText } from './maintenance-notice';
import { useServiceStatus } from './use-service-status';

/**
 * Across the top of every signed-in screen while the server is in maintenance or unreachable: what the
 * admin said, when Rosette is expected back, and that editing goes on (the page runs from the browser's
 * copy, client/service-worker/sw.js; drafts are in localStorage).
 */
export function MaintenanceBanner() {
  const status = useServiceStatus();
  if (status.state === 'open') return null;
  return (
    <section className="maintenance-banner" role="status" aria-label="Rosette is closed for now">
      <p className="notice-title">{status.state === 'maintenance' ? 'Rosette is in maintenance' : 'Rosette is offline'}</p>
      <ClosedServiceText status={status} />
      <p>You can keep editing: your leaflets are saved in this browser. A leaflet you send now waits here and is sent by itself, once, when Rosette is back.</p>
    </section>
  );
}
