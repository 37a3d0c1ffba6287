import { useSession } from './session-context';
import './session.css';

/** In the header: who is signed in, the admin's way to the accounts page, and Sign out. */
export function AccountBar() {
  const { account, signOut } = useSession();
  return (
    <div className="account-bar">
      <span className="account-name">
        {account.email} · {account.organisation}
      </span>
      {account.role === 'admin' ? (
        <a className="header-link" href="#/admin/accounts">
          Accounts
        </a>
      ) : null}
      <button type="button" className="button-quiet header-button" onClick={() => void signOut()}>
        Sign out
      </button>
    </div>
  );
}
