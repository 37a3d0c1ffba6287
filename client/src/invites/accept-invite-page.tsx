import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../common/accounts/password-policy';
import { ApiError } from '../api/api-error';
import { acceptInvite, type SessionAccount } from '../api/session-api';
import '../session/session.css';

/** Where an invite (or access reset) link lands: choose a password, and be signed in. */
export function AcceptInvitePage({ token, onSignedIn }: { token: string; onSignedIn: (account: SessionAccount) => void }) {
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const weakness = passwordProblem(password);
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
