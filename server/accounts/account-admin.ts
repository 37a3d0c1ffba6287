import type { OrganisationRole, Role } from '../../common/accounts/roles';
import type { AuditLog } from '../audit/audit-log';
import { AppError } from '../http/app-error';
import type { SessionStore } from '../sessions/session-store';
import type { Account } from './account';
import type { AccountRecords, AccountTransaction } from './account-records';
import { AccountExistsError, type AccountStore } from './account-store';
import type { InviteStore, IssuedInvite } from './invite-store';
import type { OrganisationStore } from './organisation-store';

export interface AccountAdminDeps {
  accounts: AccountStore;
  organisations: OrganisationStore;
  invites: InviteStore;
  sessions: SessionStore;
  audit: AuditLog;
  /** The same stores in one transaction: the rows of one admin action change together or not at all. */
  transaction: AccountTransaction;
}

/**
 * What an admin does to accounts: invite, disable, reset access. Each is recorded in the audit log, in
 * the transaction that changes the account and its invite; sessions (Redis) are ended after it commits.
 */
export class AccountAdmin {
  constructor(private readonly deps: AccountAdminDeps) {}

  /** Makes an invited account (no password yet) and its invite link. */
  async invite(actor: Account, input: { email: string; organisation: string; role: Role }): Promise<{ account: Account; invite: IssuedInvite }> {
    try {
      return await this.deps.transaction(async (records) => {
        const org = await records.organisations.findOrCreate(input.organisation);
        const account = await records.accounts.create({ email: input.email, role: input.role, orgId: org.id, status: 'invited' });
        const invite = await issueInvite(records, account);
        await records.audit.record('account.invited', actor.id, account.id);
        return { account: { ...account, inviteDigest: invite.digest }, invite };
      });
    } catch (err) {
      // Only an admin sees this; to everyone else Rosette never says whether an address has an account.
      if (err instanceof AccountExistsError) throw new AppError(409, 'account_exists', 'this email address already has an account; reset its access instead', [{ path: 'email', message: 'already has an account' }]);
      throw err;
    }
  }

  /** Stops an account from signing in and ends its sessions at once. */
  async disable(actor: Account, accountId: string): Promise<Account> {
    const target = await this.target(actor, accountId, 'disable');
    const account = await this.deps.transaction(async (records) => {
      await records.invites.revoke(target);
      const disabled = (await records.accounts.update(target.id, { status: 'disabled', inviteDigest: '' }))!;
      await records.audit.record('account.disabled', actor.id, target.id);
      return disabled;
    });
    await this.deps.sessions.destroyAll(target.id);
    return account;
  }

  /**
   * Forgets the password, ends the sessions and issues a new invite link (also how a disabled account
   * comes back): the person sets a new password with the link.
   */
  async resetAccess(actor: Account, accountId: string): Promise<{ account: Account; invite: IssuedInvite }> {
    const target = await this.target(actor, accountId, 'reset the access of');
    const result = await this.deps.transaction(async (records) => {
      const invite = await records.invites.issue(target);
      const account = (await records.accounts.update(target.id, { status: 'invited', passwordHash: '', inviteDigest: invite.digest }))!;
      await records.audit.record('account.access-reset', actor.id, target.id);
      return { account, invite };
    });
    await this.deps.sessions.destroyAll(target.id);
    return result;
  }

  /**
   * Makes an account of an organisation its agent, or a campaigner again. An admin's role is not changed
   * here (an admin runs the site; making one an agent would quietly take that away).
   */
  async setRole(actor: Account, accountId: string, role: OrganisationRole): Promise<Account> {
    const target = await this.target(actor, accountId, 'change the role of');
    if (target.role === 'admin') throw new AppError(409, 'admin_role', "an admin's role is not changed here: an admin runs the site; invite a separate account as the agent", [{ path: 'role', message: 'an admin stays an admin' }]);
    if (target.role === role) return target;
    return this.deps.transaction(async (records) => {
      const account = (await records.accounts.update(target.id, { role }))!;
      await records.audit.record('account.role-changed', actor.id, target.id, { from: target.role, to: role });
      return account;
    });
  }

  private async target(actor: Account, accountId: string, verb: string): Promise<Account> {
    const target = await this.deps.accounts.findById(accountId);
    if (!target) throw AppError.notFound('this account');
    // An admin who locks themselves out leaves nobody to let them back in.
    if (target.id === actor.id) throw new AppError(409, 'own_account', `you cannot ${verb} your own account; ask another admin`);
    return target;
  }
}

/** Issues an account's invite and notes its digest on the account (both in the caller's transaction). */
async function issueInvite(records: AccountRecords, account: Account): Promise<IssuedInvite & { digest: string }> {
  const invite = await records.invites.issue(account);
  await records.accounts.update(account.id, { inviteDigest: invite.digest });
  return invite;
}
