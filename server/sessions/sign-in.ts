import { z } from 'zod';
import { emailSchema } from '../../common/accounts/email-address';
import { MAX_PASSWORD_LENGTH } from '../../common/accounts/password-length';
import type { Account } from '../accounts/account';
import type { AccountStore } from '../accounts/account-store';
import { verifyAgainstDummy, verifyPassword } from '../accounts/password-hasher';
import { AppError } from '../http/app-error';
import type { SignInThrottle } from './sign-in-throttle';

/** The body of POST /api/session. */
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'must be your password' }).min(1, 'must be your password').max(MAX_PASSWORD_LENGTH, 'is longer than any password Rosette accepts'),
});

/**
 * The one answer for every failed sign-in: unknown address, wrong password, disabled account or an
 * invite not yet accepted all look the same (same status, words and timing).
 */
export function signInFailed(): AppError {
  return new AppError(401, 'sign_in_failed', 'that email address and password do not match an account that can sign in');
}

/** Checks an email address and password; answers the account, or throws 401 (or 429 while the address must wait). */
export async function signIn(input: z.output<typeof signInSchema>, deps: { accounts: AccountStore; throttle: SignInThrottle }): Promise<Account> {
  // The slot is taken before the slow password check, atomically, so parallel guesses cannot all
  // slip in before the first of them is counted.
  const attempt = await deps.throttle.reserve(input.email);
  if (!attempt.granted) {
    const seconds = Math.ceil(attempt.waitMs / 1000);
    throw new AppError(429, 'too_many_attempts', `too many failed sign-ins for this email address; try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`, [], { 'Retry-After': String(seconds) });
  }
  let ok: boolean;
  let account: Account | null;
  try {
    account = await deps.accounts.findByEmail(input.email);
    ok = account && account.status === 'active' && account.passwordHash ? await verifyPassword(input.password, account.passwordHash) : await verifyAgainstDummy(input.password);
  } catch (err) {
    // No password was judged: the slot goes back uncounted.
    await deps.throttle.release(input.email, attempt.slot).catch(() => undefined);
    throw err;
  }
  if (!ok || !account) {
    await deps.throttle.recordFailure(input.email, attempt.slot);
    throw signInFailed();
  }
  await deps.throttle.reset(input.email);
  return account;
}
