import { useEffect, useState } from 'react';

/** Whole seconds until `at` (milliseconds since the epoch), updated every second. */
export function Countdown({ at }: { at: number }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  return <>{seconds <= 0 ? 'now' : seconds === 1 ? 'in 1 second' : `in ${seconds} seconds`}</>;
}
