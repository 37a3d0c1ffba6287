import { passwordProblem } from '../../common/accounts/password-policy';
import { AppError } from '../http/app-error';
import type { Account } from './account';
import type { AccountTransaction } from './account-records';
import type { AccountStore } from './account-store';
import type { InviteStore } from './invite-store';
import type { OrganisationStore } from './organisation-store';
import { hashPassword } from './password-hasher';

/** The one answer for an unknown, used, expired or replaced invite: it says nothing about any account. */
export function inviteNotValid(): AppError {
  return new AppError(404, 'invite_not_valid', 'this invite link has expired or has already been used; ask your admin for a new one');
}

/**
 * Sets the password of the account an invite is for and activates it. The password is checked (and
 * hashed) before anything changes, so a refused password leaves the link working. Then, in one
 * transaction, the invite is taken (one DELETE: one link activates one account once), the account
 * activated and the activation audited: should any of the three fail, none has happened and the
 * link still works.
 */
export async function acceptInvite(input: { token: string; password: string }, deps: { accounts: AccountStore; invites: InviteStore; organisations: OrganisationStore; transaction: AccountTransaction }): Promise<Account> {
  const accountId = await deps.invites.peek(input.token);
  const account = accountId ? await deps.accounts.findById(accountId) : null;
  if (!account || account.status === 'disabled' || account.inviteDigest !== deps.invites.digest(input.token)) throw inviteNotValid();
  const organisation = (await deps.organisations.find(account.orgId))?.name;
  const problem = passwordProblem(input.password, { email: account.email, organisation });
  if (problem) throw AppError.validation([{ path: 'password', message: problem }], `the password ${problem}`);
  const passwordHash = await hashPassword(input.password);
  return deps.transaction(async (records) => {
    if ((await records.invites.consume(input.token)) !== account.id) throw inviteNotValid();
    const active = await records.accounts.update(account.id, { status: 'active', passwordHash, inviteDigest: '' });
    if (!active) throw inviteNotValid();
    await records.audit.record('account.activated', account.id, account.id);
    return active;
  });
}
