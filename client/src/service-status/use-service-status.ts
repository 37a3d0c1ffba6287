import { useEffect, useRef, useSyncExternalStore } from 'react';
import { currentServiceStatus, subscribeServiceStatus, type ServiceStatus } from './service-status';

/** The service's status, redrawn when it changes. */
export function useServiceStatus(): ServiceStatus {
  return useSyncExternalStore(subscribeServiceStatus, currentServiceStatus);
}

/** Calls `onOpen` each time the service opens again after being closed (a queued print is then sent). */
export function useWhenServiceReopens(onOpen: () => void): void {
  const status = useServiceStatus();
  const wasClosed = useRef(status.state !== 'open');
  const latest = useRef(onOpen);
  latest.current = onOpen;
  useEffect(() => {
    if (status.state !== 'open') wasClosed.current = true;
    else if (wasClosed.current) {
      wasClosed.current = false;
      latest.current();
    }
  }, [status]);
}
