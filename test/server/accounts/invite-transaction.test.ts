import { sql } from 'kysely';
import { acceptInvite } from '../../../server/accounts/accept-invite';
import { CALM } from '../../support/calm-probes';
import { startRosette, type RunningRosette } from '../../support/in-process-rosette';
import { watchAccount } from '../../support/leak-watch';
import type { TestAccount } from '../../support/test-client';

let rosette: RunningRosette;
let admin: TestAccount;

beforeAll(async () => {
  rosette = await startRosette({}, undefined, CALM);
  admin = await rosette.createAccount({ role: 'admin', organisation: 'Rosette' });
});
afterAll(async () => {
  await rosette?.close();
});

const PASSWORD = 'correct horse battery staple 42';

/**
 * Makes PostgreSQL itself refuse one statement: a trigger that raises, on the table and operation
 * given (a real failure of the database, half way through the work, not a stand-in).
 */
async function refuse(table: 'accounts' | 'audit_log', operation: 'update' | 'insert'): Promise<() => Promise<void>> {
  await sql.raw(`create or replace function refuse_for_test() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`).execute(rosette.db);
  await sql.raw(`create trigger refuse_for_test before ${operation} on ${table} for each row execute function refuse_for_test()`).execute(rosette.db);
  return async () => {
    await sql.raw(`drop trigger refuse_for_test on ${table}`).execute(rosette.db);
  };
}

async function invited(email: string) {
  watchAccount({ email, password: PASSWORD });
  const actor = (await rosette.accounts.accounts.findById(admin.id))!;
  return rosette.accounts.admin.invite(actor, { email, organisation: 'Hillside Greens', role: 'campaigner' });
}

const activations = async (accountId: string) => (await rosette.accounts.audit.recent(1000)).filter((e) => e.action === 'account.activated' && e.targetId === accountId);

describe('accepting an invite, in one transaction', () => {
  it.each([
    ['the account cannot be activated (the second statement)', 'accounts', 'update'],
    ['the activation cannot be audited (the third statement)', 'audit_log', 'insert'],
  ] as const)('leaves the invite usable and the account invited when %s', async (_what, table, operation) => {
    const { account, invite } = await invited(`half.done.${table}@example.org`);
    const allow = await refuse(table, operation);
    try {
      await expect(acceptInvite({ token: invite.token, password: PASSWORD }, rosette.accounts)).rejects.toThrow(/refused for the test/);
    } finally {
      await allow();
    }
    // Nothing half done: the invite was not used up, the account is as it was, nothing was audited.
    expect(await rosette.accounts.invites.peek(invite.token)).toBe(account.id);
    expect(await rosette.accounts.accounts.findById(account.id)).toMatchObject({ status: 'invited', passwordHash: '', inviteDigest: account.inviteDigest });
    expect(await activations(account.id)).toEqual([]);

    // And the same link works once the database takes the writes.
    const active = await acceptInvite({ token: invite.token, password: PASSWORD }, rosette.accounts);
    expect(active).toMatchObject({ id: account.id, status: 'active', inviteDigest: '' });
    expect(await rosette.accounts.invites.peek(invite.token)).toBeNull();
    expect(await activations(account.id)).toHaveLength(1);
  });
});

describe('an admin inviting someone, in one transaction', () => {
  it('makes no account when the invitation cannot be audited, so the address can be invited again', async () => {
    const email = 'invited.twice@example.org';
    const allow = await refuse('audit_log', 'insert');
    try {
      await expect(invited(email)).rejects.toThrow(/refused for the test/);
    } finally {
      await allow();
    }
    expect(await rosette.accounts.accounts.findByEmail(email)).toBeNull();
    const { account } = await invited(email);
    expect(account).toMatchObject({ email, status: 'invited' });
  });
});
