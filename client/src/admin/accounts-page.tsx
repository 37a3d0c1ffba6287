import { ROLES, type Role } from '../../../common/accounts/roles';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorSentence } from '../api/error-sentence';
import { disableAccount, inviteAccount, listAccounts, resetAccess, setAccountRole, type AdminAccount, type Invite } from '../api/admin-api';
import { SignedInHeader } from '../session/signed-in-header';
import { useSession } from '../session/session-context';
import { CopyField } from '../app/copy-field';
import { ShareLinksPanel } from './share-links-panel';
import './admin.css';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** How each role is shown in the table. */
const ROLE_NAMES: Record<Role, string> = { admin: 'admin', agent: 'agent', campaigner: 'campaigner' };

/** The admin's accounts page: invite a campaigner or an agent, make an account its organisation's agent (or a campaigner again), disable an account, reset someone's access, withdraw an organisation's share links. */
export function AccountsPage() {
  const { account: me } = useSession();
  const [accounts, setAccounts] = useState<AdminAccount[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [invite, setInvite] = useState<{ email: string; invite: Invite } | null>(null);
  const reload = useCallback(() => {
    listAccounts().then(setAccounts, (err: unknown) => setProblem(errorSentence(err)));
  }, []);
  useEffect(reload, [reload]);

  const act = async (run: () => Promise<{ account: AdminAccount; invite?: Invite }>) => {
    setProblem(null);
    try {
      const result = await run();
      if (result.invite) setInvite({ email: result.account.email, invite: result.invite });
      reload();
    } catch (err) {
      setProblem(errorSentence(err));
    }
  };

  if (me.role !== 'admin') {
    return (
      <main id="main" tabIndex={-1} className="admin-page">
        <p>Only admins can manage accounts.</p>
      </main>
    );
  }
  return (
    <>
      <SignedInHeader title="Accounts" home="/" />
      <main id="main" tabIndex={-1} className="admin-page">
        <h1>Accounts</h1>
        <nav aria-label="Admin pages" className="console-nav">
          <a href="/admin">Admin console</a>
          <a href="/admin/organisations">Organisations</a>
          <a href="/">Leaflets</a>
        </nav>
        {problem ? (
          <p className="notice notice-error" role="alert">
            {problem}
          </p>
        ) : null}
        {invite ? (
          <section className="notice invite-result" aria-labelledby="invite-result-heading">
            <h2 id="invite-result-heading">Invite link for {invite.email}</h2>
            <p>
              {invite.invite.emailed ? `Rosette emailed this link to ${invite.email}. ` : 'Send this link to them yourself. '}
              It works once, until {when.format(new Date(invite.invite.expiresAt))}, and is not shown again.
            </p>
            <CopyField label="Invite link" value={new URL(invite.invite.path, window.location.origin).href} />
          </section>
        ) : null}
        <InviteForm onInvite={(email, organisation, role) => act(() => inviteAccount(email, organisation, role))} />
        <section aria-labelledby="accounts-heading">
          <h2 id="accounts-heading">Everyone with an account</h2>
          {accounts === null ? <p role="status">Loading…</p> : null}
          {accounts ? (
            <table className="accounts-table">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id}>
                    <td>{a.email}</td>
                    <td>{a.organisation}</td>
                    <td>{ROLE_NAMES[a.role]}</td>
                    <td>{a.status}</td>
                    <td>
                      {a.id === me.id ? (
                        'you'
                      ) : (
                        <span className="button-row">
                          {a.status !== 'disabled' ? (
                            <button type="button" className="button-quiet button-danger" aria-label={`Disable ${a.email}`} onClick={() => void act(() => disableAccount(a.id))}>
                              Disable
                            </button>
                          ) : null}
                          {a.role !== 'admin' ? (
                            <button type="button" className="button-quiet" aria-label={a.role === 'agent' ? `Make ${a.email} a campaigner` : `Make ${a.email} an agent`} onClick={() => void act(() => setAccountRole(a.id, a.role === 'agent' ? 'campaigner' : 'agent'))}>
                              {a.role === 'agent' ? 'Make campaigner' : 'Make agent'}
                            </button>
                          ) : null}
                          <button type="button" className="button-quiet" aria-label={`Reset access for ${a.email}`} onClick={() => void act(() => resetAccess(a.id))}>
                            Reset access
                          </button>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
        <ShareLinksPanel accounts={accounts} />
      </main>
    </>
  );
}

function InviteForm({ onInvite }: { onInvite: (email: string, organisation: string, role: Role) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [role, setRole] = useState<Role>('campaigner');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onInvite(email, organisation, role);
    setEmail('');
  };
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <form className="invite-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="invite-email">Email address</label>
          <input id="invite-email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="invite-organisation">Organisation</label>
          <input id="invite-organisation" required value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(ROLES.find((r) => r === e.target.value) ?? 'campaigner')}>
            <option value="campaigner">Campaigner</option>
            <option value="agent">Agent (signs off designs)</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <button type="submit" className="button button-primary">
          Make an invite link
        </button>
      </form>
    </section>
  );
}
