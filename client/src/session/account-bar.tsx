import { useSession } from './session-context';
import './session.css';

/** In the header: who is signed in, the admin's ways to the console and the accounts page, and Sign out. */
/** `page` when the link leads to the page being shown. */
function here(path: string): 'page' | undefined {
  return window.location.pathname.replace(/\/+$/, '') === path ? 'page' : undefined;
}

export function AccountBar() {
  const { account, signOut } = useSession();
  return (
    <div className="account-bar">
      <span className="account-name">
        {account.email} · {account.organisation}
      </span>
      <nav className="header-links" aria-label="Agent's desk">
        <a className="header-link" href="#/sign-off" aria-current={window.location.hash.startsWith('#/sign-off') ? 'page' : undefined}>
          Sign-off
        </a>
        {account.role === 'agent' || account.role === 'admin' ? (
          <a className="header-link" href="#/templates" aria-current={window.location.hash === '#/templates' || window.location.hash.startsWith('#/publish/') ? 'page' : undefined}>
            Templates
          </a>
        ) : null}
        <a className="header-link" href="#/orders" aria-current={window.location.hash === '#/orders' ? 'page' : undefined}>
          Orders
        </a>
        <a className="header-link" href="#/printers" aria-current={window.location.hash === '#/printers' ? 'page' : undefined}>
          Printers
        </a>
        <a className="header-link" href="#/spending" aria-current={window.location.hash === '#/spending' ? 'page' : undefined}>
          Spending
        </a>
        <a className="header-link" href="#/brand-kit" aria-current={window.location.hash === '#/brand-kit' ? 'page' : undefined}>
          Brand kit
        </a>
      </nav>
      {account.role === 'admin' ? (
        <nav className="header-links" aria-label="Admin">
          <a className="header-link" href="/admin" aria-current={here('/admin')}>
            Console
          </a>
          <a className="header-link" href="/admin/accounts" aria-current={here('/admin/accounts')}>
            Accounts
          </a>
          <a className="header-link" href="/admin/organisations" aria-current={here('/admin/organisations')}>
            Organisations
          </a>
        </nav>
      ) : null}
      <button type="button" className="button-quiet header-button" onClick={() => void signOut()}>
        Sign out
      </button>
    </div>
  );
}
