import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { getSession, signOut as endSession, type SessionAccount } from '../api/session-api';
import { forgetAccountCaches } from '../service-status/register-service-worker';
import { useWhenServiceReopens } from '../service-status/use-service-status';
import { forgetAccount, recallAccount, rememberAccount } from './remembered-account';

/** Where the page is with the session: asking, nobody signed in, someone signed in, or the server unreachable. */
export type SessionStatus = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; account: SessionAccount } | { state: 'failed'; message: string };

/**
 * Asks the server who is signed in; sign-in and sign-out update it. When the server cannot be reached at
 * all and this browser's last account is remembered, the page carries on as that account (the editor
 * opens from the service worker's copy), and asks again when the server is back, which also brings the
 * CSRF token a queued print needs, or signs the page out if the session ended meanwhile.
 */
export function useSessionLoader() {
  const [status, setStatus] = useState<SessionStatus>({ state: 'loading' });
  const load = useCallback((live: () => boolean) => {
    getSession().then(
      (account) => {
        if (!live()) return;
        if (account) rememberAccount(account);
        else forgetAccount();
        setStatus(account ? { state: 'signed-in', account } : { state: 'signed-out' });
      },
      (err: unknown) => {
        if (!live()) return;
        const remembered = err instanceof ApiError && err.status === 0 ? recallAccount() : null;
        setStatus((s) => (remembered ? { state: 'signed-in', account: remembered } : s.state === 'signed-in' ? s : { state: 'failed', message: err instanceof Error ? err.message : String(err) }));
      },
    );
  }, []);
  useEffect(() => {
    let live = true;
    load(() => live);
    return () => {
      live = false;
    };
  }, [load]);
  useWhenServiceReopens(useCallback(() => load(() => true), [load]));
  const signedIn = useCallback((account: SessionAccount) => {
    rememberAccount(account);
    setStatus({ state: 'signed-in', account });
  }, []);
  const signOut = useCallback(async () => {
    await endSession().catch(() => undefined);
    forgetAccount();
    // The service worker's copies of this organisation's photos go with the session.
    await forgetAccountCaches();
    setStatus({ state: 'signed-out' });
  }, []);
  return { status, signedIn, signOut };
}
