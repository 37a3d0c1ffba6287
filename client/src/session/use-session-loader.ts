import { useCallback, useEffect, useState } from 'react';
import { getSession, signOut as endSession, type SessionAccount } from '../api/session-api';
import { forgetAccountCaches } from '../service-status/register-service-worker';

/** Where the page is with the session: asking, nobody signed in, someone signed in, or the server unreachable. */
export type SessionStatus = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; account: SessionAccount } | { state: 'failed'; message: string };

/** Asks the server who is signed in, once; sign-in and sign-out update it. */
export function useSessionLoader() {
  const [status, setStatus] = useState<SessionStatus>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    getSession().then(
      (account) => live && setStatus(account ? { state: 'signed-in', account } : { state: 'signed-out' }),
      (err: unknown) => live && setStatus({ state: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, []);
  const signedIn = useCallback((account: SessionAccount) => setStatus({ state: 'signed-in', account }), []);
  const signOut = useCallback(async () => {
    await endSession().catch(() => undefined);
    // The service worker's copies of this organisation's photos go with the session.
    await forgetAccountCaches();
    setStatus({ state: 'signed-out' });
  }, []);
  return { status, signedIn, signOut };
}
