import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { emailSchema } from '../../common/accounts/email-address';
import { passwordProblem } from '../../common/accounts/password-policy';
import type { AccountServices } from './account-services';
import { AccountExistsError } from './account-store';
import { hashPassword } from './password-hasher';

export const CREATE_ADMIN_USAGE = `Usage: npm run admin:create -- --email <address> --org "<organisation>" [--password-stdin]

Creates an admin account. Without --password-stdin it generates a strong password and prints it once;
with it, the password is read from the first line of standard input (nothing is echoed).`;

export interface CommandIo {
  /** Reads all of standard input (only called with --password-stdin). */
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

/** A random password of 24 base64url characters (144 bits) that the password policy accepts. */
export function generatePassword(): string {
  for (;;) {
    const candidate = crypto.randomBytes(18).toString('base64url');
    if (!passwordProblem(candidate)) return candidate;
  }
}

/**
 * `npm run admin:create`: parses the arguments, takes or makes the password, creates the account.
 * Answers the process exit code. The password is printed only when Rosette made it up.
 */
export async function runCreateAdmin(argv: string[], services: Pick<AccountServices, 'accounts' | 'organisations' | 'audit'>, io: CommandIo): Promise<number> {
  let values: { email?: string; org?: string; 'password-stdin'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: 'string' }, org: { type: 'string' }, 'password-stdin': { type: 'boolean' }, help: { type: 'boolean' } }, strict: true }));
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n\n${CREATE_ADMIN_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(CREATE_ADMIN_USAGE);
    return 0;
  }
  const email = emailSchema.safeParse(values.email ?? '');
  const orgName = values.org?.trim().replace(/\s+/g, ' ') ?? '';
  if (!email.success || orgName.length === 0 || orgName.length > 120) {
    io.err(`${!email.success ? '--email must be an email address' : '--org must name the organisation (up to 120 characters)'}\n\n${CREATE_ADMIN_USAGE}`);
    return 2;
  }
  let password: string;
  if (values['password-stdin']) {
    password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
    const problem = passwordProblem(password, { email: email.data, organisation: orgName });
    if (problem) {
      io.err(`The password ${problem}.`);
      return 2;
    }
  } else {
    password = generatePassword();
  }
  const org = await services.organisations.findOrCreate(orgName);
  try {
    const account = await services.accounts.create({ email: email.data, role: 'admin', orgId: org.id, status: 'active', passwordHash: await hashPassword(password) });
    await services.audit.record('account.admin-created-by-command', null, account.id);
  } catch (err) {
    if (err instanceof AccountExistsError) {
      io.err('An account with this email address exists already: sign in with it, or ask another admin to reset its access.');
      return 1;
    }
    throw err;
  }
  io.out(`Created an admin account for ${email.data} in "${org.name}".`);
  if (!values['password-stdin']) io.out(`Password (shown once; keep it in a password manager): ${password}`);
  return 0;
}
