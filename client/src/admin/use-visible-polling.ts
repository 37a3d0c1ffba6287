import { useCallback, useEffect, useRef, type DependencyList } from 'react';

/**
 * Runs `poll` at once and then every `everyMs` while the page is visible. While it is hidden nothing
 * is read (`onHidden` is told), and a poll runs as soon as it is visible again. A new poll aborts the
 * one still waiting for an answer, so `poll` should drop its results once `signal` is aborted. The
 * loop restarts when `deps` change. Returns a function that polls at once (after an action).
 */
export function useVisiblePolling(poll: (signal: AbortSignal) => Promise<void>, everyMs: number, deps: DependencyList, onHidden?: () => void): () => void {
  const readNow = useRef<() => void>(() => undefined);
  // The newest callbacks, without restarting the loop when only they change.
  const latest = useRef({ poll, onHidden });
  latest.current = { poll, onHidden };

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    const read = async () => {
      clearTimeout(timer);
      controller?.abort();
      if (document.visibilityState !== 'visible') {
        latest.current.onHidden?.();
        return;
      }
      const mine = new AbortController();
      controller = mine;
      await latest.current.poll(mine.signal);
      if (!stopped && !mine.signal.aborted) timer = setTimeout(() => void read(), everyMs);
    };
    readNow.current = () => void read();
    const onVisibility = () => void read();
    document.addEventListener('visibilitychange', onVisibility);
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
    // The callbacks are read through `latest`; only the interval and the caller's deps restart the loop.
  }, [everyMs, ...deps]);

  return useCallback(() => readNow.current(), []);
}
