import type { RosetteDatabase } from '../../../server/database/create-database';
import pino from 'pino';
import { AccountStore } from '../../../server/accounts/account-store';
import { runCreateAdmin } from '../../../server/accounts/create-admin-command';
import { ensureFirstAdmin } from '../../../server/accounts/ensure-first-admin';
import { OrganisationStore } from '../../../server/accounts/organisation-store';
import { verifyPassword } from '../../../server/accounts/password-hasher';
import { AuditLog } from '../../../server/audit/audit-log';
import { createTestDatabase, type TestDatabase } from '../../support/test-postgres';

let database: TestDatabase;
let connection: RosetteDatabase;
let services: { accounts: AccountStore; organisations: OrganisationStore; audit: AuditLog };

beforeAll(async () => {
  database = await createTestDatabase();
  connection = database.open();
  const db = connection.db;
  services = { accounts: new AccountStore(db, Date.now), organisations: new OrganisationStore(db, Date.now), audit: new AuditLog(db, Date.now) };
});
afterAll(async () => {
  await connection.close();
  await database.cleanup();
});

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { readStdin: async () => stdin, out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('npm run admin:create', () => {
  it('makes an admin with a generated password it prints once', async () => {
    const run = io();
    expect(await runCreateAdmin(['--email', 'Chair@Example.org', '--org', 'Riverside  Labour'], services, run.io)).toBe(0);
    const password = /Password \(shown once; keep it in a password manager\): (\S+)/.exec(run.out.join('\n'))?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const account = await services.accounts.findByEmail('chair@example.org');
    expect(account).toMatchObject({ role: 'admin', status: 'active' });
    expect(await verifyPassword(password!, account!.passwordHash)).toBe(true);
    expect((await services.organisations.find(account!.orgId))?.name).toBe('Riverside Labour');
  });

  it('reads the password from standard input when asked, and refuses a weak one', async () => {
    const weak = io('password1\n');
    expect(await runCreateAdmin(['--email', 'weak@example.org', '--org', 'X', '--password-stdin'], services, weak.io)).toBe(2);
    expect(weak.err.join('')).toMatch(/at least 12/);
    const strong = io('mellow river canvas forty two\n');
    expect(await runCreateAdmin(['--email', 'treasurer@example.org', '--org', 'X', '--password-stdin'], services, strong.io)).toBe(0);
    expect(strong.out.join('\n')).not.toContain('mellow river');
    expect(await verifyPassword('mellow river canvas forty two', (await services.accounts.findByEmail('treasurer@example.org'))!.passwordHash)).toBe(true);
  });

  it('refuses an address that has an account, and bad arguments', async () => {
    expect(await runCreateAdmin(['--email', 'chair@example.org', '--org', 'Y'], services, io().io)).toBe(1);
    expect(await runCreateAdmin(['--email', 'not-an-address', '--org', 'Y'], services, io().io)).toBe(2);
    expect(await runCreateAdmin(['--org', 'Y'], services, io().io)).toBe(2);
    expect(await runCreateAdmin(['--email', 'a@example.org', '--org', 'Y', '--bogus'], services, io().io)).toBe(2);
  });
});

describe('the first admin from the configuration', () => {
  it('is made once, and never overwritten by a later start', async () => {
    const config = { FIRST_ADMIN_EMAIL: 'first@example.org', FIRST_ADMIN_PASSWORD: 'first admin passphrase', FIRST_ADMIN_ORG: 'Rosette' };
    const logger = pino({ level: 'silent' });
    await ensureFirstAdmin(config, services, logger);
    const first = await services.accounts.findByEmail('first@example.org');
    expect(first).toMatchObject({ role: 'admin', status: 'active' });
    await ensureFirstAdmin({ ...config, FIRST_ADMIN_PASSWORD: 'another admin passphrase' }, services, logger);
    const again = await services.accounts.findByEmail('first@example.org');
    expect(again!.passwordHash).toBe(first!.passwordHash);
  });
});
