import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { signIn, type SessionAccount } from '../api/session-api';
import '../session/session.css';

/** The sign-in form. The server's refusal never says whether the address has an account, and nor does this page. */
export function SignInPage({ onSignedIn }: { onSignedIn: (account: SessionAccount) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onSignedIn(await signIn(email, password));
    } catch (err) {
      setProblem(err instanceof ApiError ? sentence(err) : 'Something went wrong; try again.');
      setPassword('');
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
        <p className="header-title">Leaflets and posters for your campaign</p>
      </header>
      <main id="main" tabIndex={-1} className="auth-page">
        <h1>Sign in</h1>
        <p>Campaigners sign in with the account their admin invited them to. Volunteers need no account: open the share link you were sent.</p>
        <form onSubmit={submit} aria-describedby={problem ? problemId : undefined} noValidate>
          <div className="field">
            <label htmlFor="sign-in-email">Email address</label>
            <input id="sign-in-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="sign-in-password">Password</label>
            <input id="sign-in-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          {problem ? (
            <p id={problemId} className="notice notice-error" role="alert">
              {problem}
            </p>
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </>
  );
}

function sentence(err: ApiError): string {
  const text = err.message.charAt(0).toUpperCase() + err.message.slice(1);
  return text.endsWith('.') ? text : `${text}.`;
}
