import type { OrganisationRole, Role } from '../../common/accounts/roles';
import type { AuditLog } from '../audit/audit-log';
import { AppError } from '../http/app-error';
import type { SessionStore } from '../sessions/session-store';
import type { Account } from './account';
import { AccountExistsError, type AccountStore } from './account-store';
import type { InviteStore, IssuedInvite } from './invite-store';
import type { OrganisationStore } from './organisation-store';

export interface AccountAdminDeps {
  accounts: AccountStore;
  organisations: OrganisationStore;
  invites: InviteStore;
  sessions: SessionStore;
  audit: AuditLog;
}

/** What an admin does to accounts: invite, disable, reset access. Each is recorded in the audit log. */
export class AccountAdmin {
  constructor(private readonly deps: AccountAdminDeps) {}

  /** Makes an invited account (no password yet) and its invite link. */
  async invite(actor: Account, input: { email: string; organisation: string; role: Role }): Promise<{ account: Account; invite: IssuedInvite }> {
    const org = await this.deps.organisations.findOrCreate(input.organisation);
    let account: Account;
    try {
      account = await this.deps.accounts.create({ email: input.email, role: input.role, orgId: org.id, status: 'invited' });
    } catch (err) {
      // Only an admin sees this; to everyone else Rosette never says whether an address has an account.
      if (err instanceof AccountExistsError) throw new AppError(409, 'account_exists', 'this email address already has an account; reset its access instead', [{ path: 'email', message: 'already has an account' }]);
      throw err;
    }
    const invite = await this.issueInvite(account);
    await this.deps.audit.record('account.invited', actor.id, account.id);
    return { account: { ...account, inviteDigest: invite.digest }, invite };
  }

  /** Stops an account from signing in and ends its sessions at once. */
  async disable(actor: Account, accountId: string): Promise<Account> {
    const target = await this.target(actor, accountId, 'disable');
    await this.deps.invites.revoke(target);
    const account = (await this.deps.accounts.update(target.id, { status: 'disabled', inviteDigest: '' }))!;
    await this.deps.sessions.destroyAll(target.id);
    await this.deps.audit.record('account.disabled', actor.id, target.id);
    return account;
  }

  /**
   * Forgets the password, ends the sessions and issues a new invite link (also how a disabled account
   * comes back): the person sets a new password with the link.
   */
  async resetAccess(actor: Account, accountId: string): Promise<{ account: Account; invite: IssuedInvite }> {
    const target = await this.target(actor, accountId, 'reset the access of');
    const invite = await this.issueInvite(target);
    const account = (await this.deps.accounts.update(target.id, { status: 'invited', passwordHash: '', inviteDigest: invite.digest }))!;
    await this.deps.sessions.destroyAll(target.id);
    await this.deps.audit.record('account.access-reset', actor.id, target.id);
    return { account, invite };
  }

  /**
   * Makes an account of an organisation its agent, or a campaigner again. An admin's role is not changed
   * here (an admin runs the site; making one an agent would quietly take that away).
   */
  async setRole(actor: Account, accountId: string, role: OrganisationRole): Promise<Account> {
    const target = await this.target(actor, accountId, 'change the role of');
    if (target.role === 'admin') throw new AppError(409, 'admin_role', "an admin's role is not changed here: an admin runs the site; invite a separate account as the agent", [{ path: 'role', message: 'an admin stays an admin' }]);
    if (target.role === role) return target;
    const account = (await this.deps.accounts.update(target.id, { role }))!;
    await this.deps.audit.record('account.role-changed', actor.id, target.id);
    return account;
  }

  private async issueInvite(account: Account): Promise<IssuedInvite & { digest: string }> {
    const invite = await this.deps.invites.issue(account);
    await this.deps.accounts.update(account.id, { inviteDigest: invite.digest });
    return invite;
  }

  private async target(actor: Account, accountId: string, verb: string): Promise<Account> {
    const target = await this.deps.accounts.findById(accountId);
    if (!target) throw AppError.notFound('this account');
    // An admin who locks themselves out leaves nobody to let them back in.
    if (target.id === actor.id) throw new AppError(409, 'own_account', `you cannot ${verb} your own account; ask another admin`);
    return target;
  }
}
