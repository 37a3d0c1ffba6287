/**
 * What makes a password acceptable, shared by the server (invites, first admin, admin:create) and the
 * browser (live hints on the set-password page). Length does most of the work (NIST SP 800-63B): no
 * composition rules, but a floor, a ceiling (scrypt's cost grows with the input) and a short list of
 * passwords that every guessing tool tries first.
 */

/** Fewest characters a password may have. */
export const MIN_PASSWORD_LENGTH = 12;
/** Most characters a password may have (a very long one costs the server hashing time for nothing). */
export const MAX_PASSWORD_LENGTH = 200;

/** Fragments that make a password among the first to be guessed, lower case. */
const COMMON_FRAGMENTS = ['password', 'passw0rd', '123456', 'qwerty', 'letmein', 'welcome', 'admin', 'rosette', 'changeme', 'iloveyou', 'abcdef'];

/**
 * Why a password is not acceptable, as the end of a sentence ("must be ..."), or null when it is.
 * @param email The account's address: a password containing its name part is refused.
 */
export function passwordProblem(password: string, email?: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  if (new Set(password).size < 6) return 'must not repeat the same few characters';
  const lower = password.toLowerCase();
  if (COMMON_FRAGMENTS.some((f) => lower.includes(f))) return 'must not contain a commonly guessed word such as "password" or "123456"';
  const name = email?.split('@')[0]?.toLowerCase();
  if (name && name.length >= 4 && lower.includes(name)) return 'must not contain your email address';
  return null;
}
