/**
 * The length bounds of a password: cheap to check, and free of the guessing dictionaries, so the
 * browser's main bundle can import them (the full policy is password-policy.ts).
 */

/** Fewest characters a password may have. */
export const MIN_PASSWORD_LENGTH = 12;
/** Most characters a password may have (a very long one costs the server hashing time for nothing). */
export const MAX_PASSWORD_LENGTH = 200;

/** Why a password's length is not acceptable, as the end of a sentence ("must be ..."), or null. */
export function passwordLengthProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  return null;
}
