import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH, passwordLengthProblem } from '../../../common/accounts/password-length';
import { ApiError } from '../api/api-error';
import { acceptInvite, type SessionAccount } from '../api/session-api';
import '../session/session.css';

/** Where an invite (or access reset) link lands: choose a password, and be signed in. */
export function AcceptInvitePage({ token, onSignedIn }: { token: string; onSignedIn: (account: SessionAccount) => void }) {
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The full policy brings about 1 MB of guessing dictionaries: it is loaded only on this page, and
  // until it arrives (or if it cannot) the length is checked here and the rest by the server.
  const [policy, setPolicy] = useState<{ passwordProblem: (password: string) => string | null } | null>(null);
  useEffect(() => {
    let live = true;
    import('../../../common/accounts/password-policy').then(
      (loaded) => live && setPolicy(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  // Tens of milliseconds per estimate: once per change of the password, not per render.
  const weakness = useMemo(() => (policy ? policy.passwordProblem(password) : passwordLengthProblem(password)), [policy, password]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (weakness) return;
    setBusy(true);
    setProblem(null);
    try {
      onSignedIn(await acceptInvite(token, password));
    } catch (err) {
      setProblem(err instanceof ApiError ? `${err.message.charAt(0).toUpperCase()}${err.message.slice(1)}.` : 'Something went wrong; try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <header className="site-header">
        <a className="brand" href="#/">
          Rosette
        </a>
        <p className="header-title">Set your password</p>
      </header>
      <main id="main" tabIndex={-1} className="auth-page">
        <h1>Welcome to Rosette</h1>
        <p>Choose a password for your account. Use at least {MIN_PASSWORD_LENGTH} characters: a few unrelated words make a good one.</p>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="new-password">New password</label>
            <input
              id="new-password"
              type="password"
              autoComplete="new-password"
              value={password}
              aria-invalid={(touched && weakness !== null) || undefined}
              aria-describedby="new-password-hint"
              onChange={(e) => setPassword(e.target.value)}
              onBlur={() => setTouched(true)}
            />
            <p id="new-password-hint" className={touched && weakness ? 'field-problem' : 'field-hint'}>
              {weakness ? `The password ${weakness}.` : 'This password will do.'}
            </p>
          </div>
          {problem ? (
            <p className="notice notice-error" role="alert">
              {problem}
            </p>
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Set password and sign in'}
          </button>
        </form>
      </main>
    </>
  );
}
